package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sparta.resources.BucketNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls Sparta's own custom resources of a deployed stack as CloudFormation would: moto and fakecloud run no Lambda
 * code, so the handler runs here, in this JVM, on the events CloudFormation sends (its properties read from the
 * stack's template, their references resolved through the local API), and answers to a URL served here in place of
 * the pre-signed S3 URL. Its S3 calls go to the local API.
 */
final class CloudFormationCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAws aws;
    private final String stack;

    CloudFormationCalls(LocalAws aws, String stack) {
        this.aws = aws;
        this.stack = stack;
    }

    /** The stack's template as CloudFormation keeps it. */
    JsonNode template() {
        try {
            return JSON.readTree(
                    aws.cloudFormation.getTemplate(r -> r.stackName(stack)).templateBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logical ids of the resources of this type in the stack's template. */
    List<String> resourcesOfType(JsonNode template, String type) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (resource.getValue().path("Type").asText().equals(type)) {
                ids.add(resource.getKey());
            }
        });
        return ids;
    }

    /** A resource's properties as CloudFormation passes them: intrinsic functions resolved through the stack. */
    ObjectNode properties(JsonNode template, String logicalId) {
        return (ObjectNode) resolve(template, template.at("/Resources/" + logicalId + "/Properties"));
    }

    /**
     * A function's ARN is read from Lambda by the name the template gives it: moto answers DescribeStackResource
     * for some of this sample's functions with HTTP 500.
     */
    private JsonNode resolve(JsonNode template, JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::Sub")) {
            return JSON.getNodeFactory().textNode(node.get("Fn::Sub").asText().replace("${AWS::StackName}", stack));
        }
        if (node.isObject() && node.size() == 1 && node.has("Fn::GetAtt")) {
            String target = node.get("Fn::GetAtt").get(0).asText();
            assertEquals("Arn", node.get("Fn::GetAtt").get(1).asText(), "only functions' ARNs are resolved here");
            String name = resolve(template, template.at("/Resources/" + target + "/Properties/FunctionName"))
                    .asText();
            return JSON.getNodeFactory()
                    .textNode(aws.lambda
                            .getFunction(r -> r.functionName(name))
                            .configuration()
                            .functionArn());
        }
        if (node.isObject() && node.size() == 1 && node.has("Ref")) {
            return JSON.getNodeFactory().textNode(physicalId(node.get("Ref").asText()));
        }
        if (node.isObject()) {
            ObjectNode resolved = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                resolved.set(field.getKey(), resolve(template, field.getValue()));
            }
            return resolved;
        }
        if (node.isArray()) {
            var resolved = JSON.createArrayNode();
            node.forEach(element -> resolved.add(resolve(template, element)));
            return resolved;
        }
        return node;
    }

    private String physicalId(String logicalId) {
        return aws.cloudFormation
                .describeStackResource(r -> r.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail()
                .physicalResourceId();
    }

    /**
     * Sends one event to Sparta's bucket notifications handler and returns its answer.
     *
     * @param physicalId the resource's physical id, for an Update or Delete; {@code null} for a Create
     * @param oldProperties for an Update
     */
    JsonNode bucketNotifications(
            String requestType, String logicalId, ObjectNode properties, String physicalId, JsonNode oldProperties) {
        ObjectNode event = JSON.createObjectNode();
        event.put("RequestType", requestType);
        event.put("ServiceToken", properties.path("ServiceToken").asText());
        event.put(
                "StackId",
                aws.cloudFormation
                        .describeStacks(r -> r.stackName(stack))
                        .stacks()
                        .get(0)
                        .stackId());
        event.put("RequestId", UUID.randomUUID().toString());
        event.put("LogicalResourceId", logicalId);
        event.put("ResourceType", "Custom::SpartaBucketNotifications");
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.set("ResourceProperties", properties);
        if (oldProperties != null) {
            event.set("OldResourceProperties", oldProperties);
        }
        List<byte[]> answers = new ArrayList<>();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                assertNull(exchange.getRequestHeaders().getFirst("Content-Type"), "the pre-signed URL signs none");
                answers.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            try {
                event.put(
                        "ResponseURL",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/response?X-Amz-Signature=local");
                @SuppressWarnings("unchecked")
                Map<String, Object> asMap = JSON.convertValue(event, Map.class);
                new BucketNotifications(() -> aws.s3).handleRequest(asMap, null);
            } finally {
                server.stop(0);
            }
            assertEquals(1, answers.size(), "one answer to CloudFormation");
            JsonNode answer = JSON.readTree(answers.get(0));
            assertEquals(
                    event.path("RequestId").asText(), answer.path("RequestId").asText());
            assertEquals(logicalId, answer.path("LogicalResourceId").asText());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
