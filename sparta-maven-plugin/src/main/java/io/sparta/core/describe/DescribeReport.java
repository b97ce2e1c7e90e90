package io.sparta.core.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.TemplateJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained HTML file that draws the service from its final template: every resource a node, every
 * reference an edge, roles with their permissions, what decorators added marked. The graph library and every
 * style are inlined, so the file opens offline.
 */
public final class DescribeReport {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private DescribeReport() {}

    /**
     * @param spartaResources the logical ids Sparta itself generated; every other resource came from a decorator
     */
    public static void write(ServiceModel service, ObjectNode template, Set<String> spartaResources, Path file)
            throws IOException {
        String page = resource("report.html")
                .replace(
                        "SPARTA_TITLE",
                        escapeHtml("Sparta service " + service.serviceName() + " · stack " + service.stackName()))
                .replace(
                        "SPARTA_TEMPLATE", escapeHtml(new String(TemplateJson.bytes(template), StandardCharsets.UTF_8)))
                .replace(
                        "SPARTA_DATA",
                        new String(TemplateJson.bytes(graph(template, spartaResources)), StandardCharsets.UTF_8)
                                .replace("<", "\\u003c"))
                .replace("SPARTA_CYTOSCAPE", resource("cytoscape.min.js"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, page);
    }

    static ObjectNode graph(ObjectNode template, Set<String> spartaResources) {
        ObjectNode graph = TemplateJson.object();
        ArrayNode nodes = graph.putArray("nodes");
        ArrayNode edges = graph.putArray("edges");
        JsonNode resources = template.path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            ObjectNode node = nodes.addObject()
                    .put("id", id)
                    .put("type", type)
                    .put("kind", kind(type))
                    .put("origin", spartaResources.contains(id) ? "sparta" : "decorator")
                    .put("label", label(id, type, resource.getValue().path("Properties")));
            node.set("properties", resource.getValue().path("Properties"));
            if (type.equals("AWS::IAM::Role")) {
                node.set("permissions", permissions(resource.getValue().path("Properties")));
            }
            Set<String> targets = new LinkedHashSet<>();
            references(resource.getValue(), targets);
            targets.stream()
                    .filter(target -> resources.has(target) && !target.equals(id))
                    .forEach(target -> edges.addObject().put("source", id).put("target", target));
        }
        return graph;
    }

    /** The logical id and type, and for a route what a developer knows it by: {@code GET /orders/{id}}. */
    private static String label(String id, String type, JsonNode properties) {
        String route = switch (type) {
            case "AWS::ApiGatewayV2::Route" -> properties.path("RouteKey").asText();
            case "AWS::ApiGateway::Method" -> properties.path("HttpMethod").asText() + " (REST)";
            case "AWS::Lambda::Url" ->
                "URL, auth " + properties.path("AuthType").asText();
            default -> null;
        };
        return route == null ? id + "\n" + type.replace("AWS::", "") : route + "\n" + id;
    }

    private static String kind(String type) {
        return switch (type) {
            case "AWS::Lambda::Function" -> "function";
            case "AWS::IAM::Role" -> "role";
            case "AWS::Logs::LogGroup" -> "logGroup";
            case "AWS::Events::Rule",
                    "AWS::Scheduler::Schedule",
                    "AWS::Lambda::EventSourceMapping",
                    "AWS::SNS::Subscription",
                    "AWS::Logs::SubscriptionFilter" -> "trigger";
            case "AWS::ApiGatewayV2::Route", "AWS::ApiGateway::Method", "AWS::Lambda::Url" -> "route";
            case "AWS::ApiGatewayV2::Api",
                    "AWS::ApiGatewayV2::Stage",
                    "AWS::ApiGatewayV2::Integration",
                    "AWS::ApiGateway::RestApi",
                    "AWS::ApiGateway::Resource",
                    "AWS::ApiGateway::Deployment",
                    "AWS::ApiGateway::Stage" -> "api";
            case "AWS::DynamoDB::Table",
                    "AWS::S3::Bucket",
                    "AWS::SQS::Queue",
                    "AWS::SNS::Topic",
                    "AWS::Kinesis::Stream" -> "resource";
            // A custom resource, the service's own or Sparta's: a resource the stack owns like the others.
            default -> type.startsWith("Custom::") ? "resource" : "other";
        };
    }

    /** Each managed policy attached, then each inline policy statement as its actions and resources. */
    private static ArrayNode permissions(JsonNode role) {
        ArrayNode permissions = TemplateJson.array();
        for (JsonNode arn : role.path("ManagedPolicyArns")) {
            ObjectNode permission = permissions.addObject().put("effect", "Allow");
            permission.putArray("actions").add("managed policy");
            permission.putArray("resources").add(arn.isTextual() ? arn.asText() : arn.toString());
        }
        for (JsonNode policy : role.path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                ObjectNode permission = permissions
                        .addObject()
                        .put("effect", statement.path("Effect").asText());
                ArrayNode actions = permission.putArray("actions");
                asList(statement.path("Action")).forEach(actions::add);
                ArrayNode targets = permission.putArray("resources");
                asList(statement.path("Resource")).forEach(targets::add);
            }
        }
        return permissions;
    }

    private static java.util.List<String> asList(JsonNode value) {
        java.util.List<String> values = new java.util.ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(item.isTextual() ? item.asText() : item.toString()));
        } else if (!value.isMissingNode()) {
            values.add(value.isTextual() ? value.asText() : value.toString());
        }
        return values;
    }

    /** Logical ids a resource refers to through Ref, Fn::GetAtt, Fn::Sub or DependsOn. */
    private static void references(JsonNode node, Set<String> targets) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "Ref", "DependsOn" -> asList(value).forEach(targets::add);
                    case "Fn::GetAtt" ->
                        targets.add(
                                value.isArray()
                                        ? value.path(0).asText()
                                        : value.asText().split("\\.")[0]);
                    case "Fn::Sub" -> {
                        Matcher reference = SUBSTITUTION.matcher(
                                value.isArray() ? value.path(0).asText() : value.asText());
                        while (reference.find()) {
                            targets.add(reference.group(1));
                        }
                    }
                    default -> references(value, targets);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> references(item, targets));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DescribeReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The plugin lacks its bundled " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
