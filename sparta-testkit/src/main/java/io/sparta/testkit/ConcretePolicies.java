package io.sparta.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy documents of a CloudFormation template as they would be once deployed: every intrinsic function
 * resolved to the concrete value CloudFormation would give it in account {@value #ACCOUNT}, region {@value #REGION},
 * partition {@value #PARTITION}, for a given stack name. Names CloudFormation would generate are made up in its
 * style ({@code Stack-LogicalId-1A2B3C4D5E6F}), stable for a logical id.
 *
 * <p>A reference to a resource type, an attribute or an intrinsic this class does not know fails, naming it, so
 * that a new kind of resource gets its ARN added here rather than slipping through unresolved.
 */
public final class ConcretePolicies {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String PARTITION = "aws";
    public static final String URL_SUFFIX = "amazonaws.com";
    /** The label CloudFormation's {@code StreamArn} of a table ends with: the time its stream was enabled. */
    public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One policy document of the template, resolved.
     *
     * @param logicalId the resource that holds it
     * @param type that resource's type, such as {@code AWS::IAM::Role}
     * @param name the policy's name for a role's inline policy or an IAM policy; the logical id otherwise
     */
    public record Policy(String logicalId, String type, String name, ObjectNode document) {

        @Override
        public String toString() {
            return logicalId + " (" + type + ") " + name;
        }
    }

    private final JsonNode template;
    private final JsonNode resources;
    private final JsonNode parameters;
    private final String stackName;
    private final Deque<String> resolving = new ArrayDeque<>();

    private ConcretePolicies(JsonNode template, String stackName) {
        this.template = template;
        this.resources = template.path("Resources");
        this.parameters = template.path("Parameters");
        this.stackName = stackName;
    }

    /**
     * Each identity policy of {@code template} (a role's inline policies, {@code AWS::IAM::Policy},
     * {@code AWS::IAM::ManagedPolicy}, {@code AWS::IAM::RolePolicy}) and each resource policy (of a bucket, queue
     * or topic), resolved, in the template's order. A role's trust policy is not among them: it names no resource,
     * which a linter of identity policies reads as malformed.
     */
    public static List<Policy> of(JsonNode template, String stackName) {
        return new ConcretePolicies(template, stackName).policies();
    }

    private List<Policy> policies() {
        List<Policy> policies = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = resources.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String id = entry.getKey();
            String type = entry.getValue().path("Type").asText();
            JsonNode properties = entry.getValue().path("Properties");
            switch (type) {
                case "AWS::IAM::Role" -> {
                    for (JsonNode policy : properties.path("Policies")) {
                        policies.add(policy(id, type, text(policy.path("PolicyName")), policy.path("PolicyDocument")));
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::RolePolicy" ->
                    policies.add(
                            policy(id, type, text(properties.path("PolicyName")), properties.path("PolicyDocument")));
                case "AWS::IAM::ManagedPolicy" ->
                    policies.add(policy(
                            id,
                            type,
                            properties.has("ManagedPolicyName") ? text(properties.path("ManagedPolicyName")) : id,
                            properties.path("PolicyDocument")));
                case "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" ->
                    policies.add(policy(id, type, id, properties.path("PolicyDocument")));
                default -> {}
            }
        }
        return List.copyOf(policies);
    }

    private Policy policy(String id, String type, String name, JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalStateException(id + " (" + type + ") policy " + name + " has no PolicyDocument object");
        }
        JsonNode resolved = resolve(document);
        if (!resolved.isObject()) {
            throw new IllegalStateException(id + " policy " + name + " resolved to " + resolved);
        }
        return new Policy(id, type, name, (ObjectNode) resolved);
    }

    /** {@code node} with every intrinsic function resolved; {@code null} for {@code AWS::NoValue}. */
    private JsonNode resolve(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (JsonNode element : node) {
                JsonNode value = resolve(element);
                if (value != null) {
                    array.add(value);
                }
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return intrinsic(key, node.get(key));
            }
        }
        ObjectNode object = NODES.objectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = resolve(field.getValue());
            if (value != null) {
                object.set(field.getKey(), value);
            }
        });
        return object;
    }

    private JsonNode intrinsic(String function, JsonNode argument) {
        return switch (function) {
            case "Ref" -> ref(argument.asText());
            case "Fn::GetAtt" -> {
                if (argument.isTextual()) {
                    String[] parts = argument.asText().split("\\.", 2);
                    yield getAtt(parts[0], parts[1]);
                }
                yield getAtt(text(argument.get(0)), text(argument.get(1)));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<String> parts = new ArrayList<>();
                for (JsonNode part : list(argument.get(1))) {
                    parts.add(text(part));
                }
                yield TextNode.valueOf(String.join(argument.get(0).asText(), parts));
            }
            case "Fn::Select" -> {
                int index = Integer.parseInt(text(argument.get(0)));
                JsonNode list = list(argument.get(1));
                if (index < 0 || index >= list.size()) {
                    throw new IllegalStateException("Fn::Select index " + index + " outside " + list);
                }
                yield resolve(list.get(index));
            }
            case "Fn::Split" -> {
                ArrayNode parts = NODES.arrayNode();
                for (String part : text(argument.get(1))
                        .split(Pattern.quote(argument.get(0).asText()), -1)) {
                    parts.add(part);
                }
                yield parts;
            }
            default ->
                throw new IllegalStateException(
                        function + " is not resolved by ConcretePolicies: add it there to lint this template");
        };
    }

    /** A resolved value that must be text. */
    private String text(JsonNode node) {
        JsonNode value = node == null ? null : resolve(node);
        if (value == null || !value.isValueNode()) {
            throw new IllegalStateException("Expected a text, got " + node + " resolved to " + value);
        }
        return value.asText();
    }

    /** A resolved value that must be a list. */
    private JsonNode list(JsonNode node) {
        JsonNode value = node == null ? null : resolve(node);
        if (value == null || !value.isArray()) {
            throw new IllegalStateException("Expected a list, got " + node + " resolved to " + value);
        }
        return value;
    }

    private JsonNode sub(JsonNode argument) {
        String text;
        Map<String, JsonNode> variables = new java.util.HashMap<>();
        if (argument.isTextual()) {
            text = argument.asText();
        } else {
            text = argument.get(0).asText();
            argument.get(1).fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value;
            if (variable.startsWith("!")) {
                // ${!Literal} is written as ${Literal}, as IAM's own policy variables need.
                value = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                value = text(variables.get(variable));
            } else if (variable.contains(".")) {
                String[] parts = variable.split("\\.", 2);
                value = text(getAtt(parts[0], parts[1]));
            } else {
                value = text(ref(variable));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return TextNode.valueOf(result.toString());
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::Partition":
                return TextNode.valueOf(PARTITION);
            case "AWS::Region":
                return TextNode.valueOf(REGION);
            case "AWS::AccountId":
                return TextNode.valueOf(ACCOUNT);
            case "AWS::StackName":
                return TextNode.valueOf(stackName);
            case "AWS::URLSuffix":
                return TextNode.valueOf(URL_SUFFIX);
            case "AWS::StackId":
                return TextNode.valueOf(
                        arn("cloudformation", REGION, "stack/" + stackName + "/" + uuid("stack " + stackName)));
            case "AWS::NoValue":
                return null;
            default:
                break;
        }
        if (name.startsWith("AWS::")) {
            throw new IllegalStateException("Pseudo parameter " + name + " is not resolved by ConcretePolicies");
        }
        if (parameters.has(name)) {
            return parameter(name, parameters.get(name));
        }
        JsonNode resource = resource(name);
        String type = resource.path("Type").asText();
        return enter(name, () -> switch (type) {
            case "AWS::Lambda::Function",
                    "AWS::DynamoDB::Table",
                    "AWS::Kinesis::Stream",
                    "AWS::S3::Bucket",
                    "AWS::Logs::LogGroup",
                    "AWS::IAM::Role",
                    "AWS::Events::Rule",
                    "AWS::Events::EventBus",
                    "AWS::Scheduler::Schedule",
                    "AWS::CloudWatch::Alarm",
                    "AWS::CloudWatch::Dashboard",
                    "AWS::ApiGateway::Stage",
                    "AWS::CodePipeline::Pipeline",
                    "AWS::CodeBuild::Project" -> TextNode.valueOf(physicalName(name, resource));
            case "AWS::Lambda::Alias" -> TextNode.valueOf(aliasArn(resource));
            case "AWS::Lambda::Version" -> TextNode.valueOf(versionArn(resource));
            case "AWS::SQS::Queue" ->
                TextNode.valueOf("https://sqs." + REGION + "." + URL_SUFFIX + "/" + ACCOUNT + "/"
                        + physicalName(name, resource));
            case "AWS::SNS::Topic" -> TextNode.valueOf(arn("sns", REGION, physicalName(name, resource)));
            case "AWS::IAM::ManagedPolicy" ->
                TextNode.valueOf(arn("iam", "", "policy" + path(resource) + physicalName(name, resource)));
            case "AWS::ApiGateway::RestApi",
                    "AWS::ApiGateway::Resource",
                    "AWS::ApiGateway::Deployment",
                    "AWS::ApiGatewayV2::Api",
                    "AWS::ApiGatewayV2::Integration",
                    "AWS::ApiGatewayV2::Stage" -> TextNode.valueOf(id(name, 10).toLowerCase(Locale.ROOT));
            case "AWS::CloudFront::Distribution", "AWS::CloudFront::OriginAccessControl" ->
                TextNode.valueOf("E" + id(name, 13));
            case "AWS::KMS::Key" -> TextNode.valueOf(uuid(name));
            default -> throw unknown("Ref " + name, type);
        });
    }

    private JsonNode getAtt(String name, String attribute) {
        JsonNode resource = resource(name);
        String type = resource.path("Type").asText();
        JsonNode value = enter(name, () -> switch (type + "." + attribute) {
            case "AWS::Lambda::Function.Arn" -> TextNode.valueOf(functionArn(physicalName(name, resource)));
            case "AWS::Lambda::Alias.AliasArn" -> TextNode.valueOf(aliasArn(resource));
            case "AWS::Lambda::Version.Version" -> TextNode.valueOf("1");
            case "AWS::Lambda::Version.FunctionArn" -> TextNode.valueOf(versionArn(resource));
            case "AWS::Lambda::Url.FunctionUrl" ->
                TextNode.valueOf(
                        "https://" + id(name, 32).toLowerCase(Locale.ROOT) + ".lambda-url." + REGION + ".on.aws/");
            case "AWS::Lambda::Url.FunctionArn" -> TextNode.valueOf(text(resource.at("/Properties/TargetFunctionArn")));
            case "AWS::SQS::Queue.Arn" -> TextNode.valueOf(arn("sqs", REGION, physicalName(name, resource)));
            case "AWS::SQS::Queue.QueueName" -> TextNode.valueOf(physicalName(name, resource));
            case "AWS::SQS::Queue.QueueUrl" -> ref(name);
            case "AWS::SNS::Topic.TopicArn" -> ref(name);
            case "AWS::SNS::Topic.TopicName" -> TextNode.valueOf(physicalName(name, resource));
            case "AWS::DynamoDB::Table.Arn" -> TextNode.valueOf(tableArn(name, resource));
            case "AWS::DynamoDB::Table.StreamArn" -> {
                if (!resource.at("/Properties/StreamSpecification").isObject()) {
                    throw new IllegalStateException("Fn::GetAtt " + name + ".StreamArn of a table without a stream");
                }
                yield TextNode.valueOf(tableArn(name, resource) + "/stream/" + STREAM_LABEL);
            }
            case "AWS::Kinesis::Stream.Arn" ->
                TextNode.valueOf(arn("kinesis", REGION, "stream/" + physicalName(name, resource)));
            case "AWS::CodeBuild::Project.Arn" ->
                TextNode.valueOf(arn("codebuild", REGION, "project/" + physicalName(name, resource)));
            case "AWS::S3::Bucket.Arn" ->
                TextNode.valueOf("arn:" + PARTITION + ":s3:::" + physicalName(name, resource));
            case "AWS::S3::Bucket.DomainName" -> TextNode.valueOf(physicalName(name, resource) + ".s3." + URL_SUFFIX);
            case "AWS::S3::Bucket.RegionalDomainName" ->
                TextNode.valueOf(physicalName(name, resource) + ".s3." + REGION + "." + URL_SUFFIX);
            case "AWS::Logs::LogGroup.Arn" ->
                TextNode.valueOf(arn("logs", REGION, "log-group:" + physicalName(name, resource) + ":*"));
            case "AWS::IAM::Role.Arn" ->
                TextNode.valueOf(arn("iam", "", "role" + path(resource) + physicalName(name, resource)));
            case "AWS::IAM::Role.RoleId" -> TextNode.valueOf("AROA" + id(name, 17));
            case "AWS::Events::Rule.Arn" -> {
                JsonNode bus = resource.at("/Properties/EventBusName");
                String busName = bus.isMissingNode() ? "default" : text(bus);
                String rule = physicalName(name, resource);
                yield TextNode.valueOf(arn(
                        "events", REGION, busName.equals("default") ? "rule/" + rule : "rule/" + busName + "/" + rule));
            }
            case "AWS::Events::EventBus.Arn" ->
                TextNode.valueOf(arn("events", REGION, "event-bus/" + physicalName(name, resource)));
            case "AWS::Scheduler::Schedule.Arn" -> {
                JsonNode group = resource.at("/Properties/GroupName");
                yield TextNode.valueOf(arn(
                        "scheduler",
                        REGION,
                        "schedule/" + (group.isMissingNode() ? "default" : text(group)) + "/"
                                + physicalName(name, resource)));
            }
            case "AWS::CloudWatch::Alarm.Arn" ->
                TextNode.valueOf(arn("cloudwatch", REGION, "alarm:" + physicalName(name, resource)));
            case "AWS::ApiGateway::RestApi.RootResourceId" ->
                TextNode.valueOf(id(name + " root", 10).toLowerCase(Locale.ROOT));
            case "AWS::ApiGateway::RestApi.RestApiId", "AWS::ApiGatewayV2::Api.ApiId" -> ref(name);
            case "AWS::ApiGatewayV2::Api.ApiEndpoint" ->
                TextNode.valueOf("https://" + text(ref(name)) + ".execute-api." + REGION + "." + URL_SUFFIX);
            case "AWS::CloudFront::Distribution.Id", "AWS::CloudFront::OriginAccessControl.Id" -> ref(name);
            case "AWS::CloudFront::Distribution.DomainName" ->
                TextNode.valueOf(id(name, 14).toLowerCase(Locale.ROOT) + ".cloudfront.net");
            case "AWS::KMS::Key.Arn" -> TextNode.valueOf(arn("kms", REGION, "key/" + uuid(name)));
            default -> throw unknown("Fn::GetAtt " + name + "." + attribute, type);
        });
        return value;
    }

    private JsonNode parameter(String name, JsonNode parameter) {
        String type = parameter.path("Type").asText("String");
        if (parameter.has("Default")) {
            JsonNode value = parameter.get("Default");
            if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                ArrayNode list = NODES.arrayNode();
                for (String element : value.asText().split(",", -1)) {
                    list.add(element.trim());
                }
                return list;
            }
            return TextNode.valueOf(value.asText());
        }
        String placeholder = "placeholder-" + name.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "String" -> TextNode.valueOf(placeholder);
            case "Number" -> TextNode.valueOf("1");
            case "CommaDelimitedList" -> NODES.arrayNode().add(placeholder);
            default ->
                throw new IllegalStateException("Parameter " + name + " of type " + type
                        + " has no Default and no placeholder in ConcretePolicies");
        };
    }

    /** The name a resource is deployed under: its name property as written, or one made up as CloudFormation does. */
    private String physicalName(String logicalId, JsonNode resource) {
        String type = resource.path("Type").asText();
        String property = switch (type) {
            case "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::DynamoDB::Table" -> "TableName";
            case "AWS::Kinesis::Stream",
                    "AWS::Events::Rule",
                    "AWS::Events::EventBus",
                    "AWS::Scheduler::Schedule",
                    "AWS::CodePipeline::Pipeline",
                    "AWS::CodeBuild::Project" -> "Name";
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::Logs::LogGroup" -> "LogGroupName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::IAM::ManagedPolicy" -> "ManagedPolicyName";
            case "AWS::CloudWatch::Alarm" -> "AlarmName";
            case "AWS::CloudWatch::Dashboard" -> "DashboardName";
            case "AWS::ApiGateway::Stage" -> "StageName";
            default -> throw unknown("the name of " + logicalId, type);
        };
        JsonNode written = resource.path("Properties").path(property);
        // A name left out, or set to AWS::NoValue, is one CloudFormation makes up.
        if (!written.isMissingNode() && resolve(written) != null) {
            return text(written);
        }
        String generated = stackName + "-" + logicalId + "-" + id(logicalId, 12);
        if (type.equals("AWS::SQS::Queue")
                && resource.at("/Properties/FifoQueue").asBoolean()) {
            generated += ".fifo";
        }
        return type.equals("AWS::S3::Bucket") ? generated.toLowerCase(Locale.ROOT) : generated;
    }

    private String tableArn(String logicalId, JsonNode resource) {
        return arn("dynamodb", REGION, "table/" + physicalName(logicalId, resource));
    }

    private String aliasArn(JsonNode alias) {
        return qualified(text(alias.at("/Properties/FunctionName")), text(alias.at("/Properties/Name")));
    }

    private String versionArn(JsonNode version) {
        return qualified(text(version.at("/Properties/FunctionName")), "1");
    }

    /** A function's ARN with a qualifier, from its name or its ARN as an alias or version names it. */
    private static String qualified(String function, String qualifier) {
        return (function.startsWith("arn:") ? function : functionArn(function)) + ":" + qualifier;
    }

    private static String functionArn(String name) {
        return arn("lambda", REGION, "function:" + name);
    }

    private String path(JsonNode resource) {
        JsonNode path = resource.at("/Properties/Path");
        return path.isMissingNode() ? "/" : text(path);
    }

    private static String arn(String service, String region, String resource) {
        return "arn:" + PARTITION + ":" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
    }

    private JsonNode resource(String logicalId) {
        JsonNode resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalStateException(
                    "The template has no resource or parameter " + logicalId + ": " + template.path("Description"));
        }
        return resource;
    }

    /** Resolves a resource's own properties, refusing a cycle through them. */
    private JsonNode enter(String logicalId, java.util.function.Supplier<JsonNode> value) {
        if (resolving.contains(logicalId)) {
            throw new IllegalStateException("Cycle resolving " + resolving + " -> " + logicalId);
        }
        resolving.push(logicalId);
        try {
            return value.get();
        } finally {
            resolving.pop();
        }
    }

    private static IllegalStateException unknown(String what, String type) {
        return new IllegalStateException(what + ": resource type " + (type.isEmpty() ? "(none)" : type)
                + " has no concrete value in ConcretePolicies; add it there");
    }

    /** {@code length} upper-case letters and digits, the same for the same seed. */
    private static String id(String seed, int length) {
        byte[] digest = sha256(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt((digest[i % digest.length] & 0xff) % alphabet.length()));
        }
        return id.toString();
    }

    private static String uuid(String seed) {
        byte[] digest = sha256(seed);
        String hex = java.util.HexFormat.of().formatHex(digest, 0, 16);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
