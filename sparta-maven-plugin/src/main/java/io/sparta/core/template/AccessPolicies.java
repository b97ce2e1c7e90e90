package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.Access;
import io.sparta.annotations.ResourceKind;
import io.sparta.api.FunctionAccess;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a function's role beyond its logs: what its queue and stream triggers need to be consumed,
 * what its grants map to on each declared resource, and its raw statements as written. Nothing broader: each
 * action on exactly the ARNs it concerns.
 */
final class AccessPolicies {

    static final List<String> CONSUME_QUEUE =
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    /** On the table's stream ARN; Lambda's polling also lists streams, which {@link #LIST_TABLE_STREAMS} allows. */
    static final List<String> READ_TABLE_STREAM =
            List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator");
    /** DynamoDB defines no resource for this action: it is allowed on {@code *} or not at all. */
    static final String LIST_TABLE_STREAMS = "dynamodb:ListStreams";
    /**
     * On the stream ARN. No {@code kinesis:SubscribeToShard}: it applies to a registered consumer's ARN (enhanced
     * fan-out), and Sparta reads streams through their shards' iterators, never through a consumer.
     */
    static final List<String> READ_KINESIS_STREAM = List.of(
            "kinesis:DescribeStream",
            "kinesis:DescribeStreamSummary",
            "kinesis:GetRecords",
            "kinesis:GetShardIterator",
            "kinesis:ListShards");
    /** What Lambda does with a function's network interfaces, beyond describing them. */
    static final List<String> MANAGE_NETWORK_INTERFACES = List.of(
            "ec2:AssignPrivateIpAddresses",
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:UnassignPrivateIpAddresses");

    private AccessPolicies() {}

    static void add(ArrayNode policies, LambdaFunction function, ServiceModel service) {
        List<SqsQueueTrigger> queues = function.triggers(SqsQueueTrigger.class);
        if (!queues.isEmpty()) {
            List<JsonNode> arns = new ArrayList<>();
            queues.forEach(queue -> arns.add(ResourceArns.arn(service, queue.queue())));
            policy(policies, "consume-own-queues", List.of(Cfn.allow(null, CONSUME_QUEUE, arns)));
        }
        List<StreamTrigger> streams = function.triggers(StreamTrigger.class);
        if (!streams.isEmpty()) {
            List<ObjectNode> statements = new ArrayList<>();
            for (StreamTrigger stream : streams) {
                statements.add(Cfn.allow(
                        null,
                        stream.kind() == ResourceKind.TABLE ? READ_TABLE_STREAM : READ_KINESIS_STREAM,
                        List.of(ResourceArns.streamArn(service, stream.kind(), stream.source()))));
            }
            if (streams.stream().anyMatch(stream -> stream.kind() == ResourceKind.TABLE)) {
                statements.add(onEveryResource("ListStreams", List.of(LIST_TABLE_STREAMS)));
            }
            policy(policies, "read-own-streams", statements);
        }
        String onFailure = function.options().onFailure();
        if (!onFailure.isEmpty()) {
            policy(policies, "send-failed-invocations", List.of(sendTo(service, onFailure)));
        }
        List<ObjectNode> failedRecords = streams.stream()
                .map(StreamTrigger::onFailure)
                .filter(destination -> !destination.isEmpty())
                .distinct()
                .map(destination -> sendTo(service, destination))
                .toList();
        if (!failedRecords.isEmpty()) {
            policy(policies, "send-failed-records", failedRecords);
        }
        if (function.options().inVpc()) {
            policy(policies, "vpc-network-interfaces", vpcStatements());
        }
        FunctionAccess access = function.access();
        if (!access.grants().isEmpty()) {
            List<ObjectNode> statements = new ArrayList<>();
            for (FunctionAccess.ResourceGrant grant : access.grants()) {
                statements.addAll(
                        grantStatements(service, ResourceArns.declared(service, grant.resource()), grant.access()));
            }
            policy(policies, "use-declared-resources", statements);
        }
        if (!access.statements().isEmpty()) {
            List<ObjectNode> statements = new ArrayList<>();
            for (FunctionAccess.RawStatement raw : access.statements()) {
                List<JsonNode> resources = new ArrayList<>();
                raw.resources().forEach(resource -> resources.add(Cfn.text(resource)));
                statements.add(Cfn.allow(null, raw.actions(), resources));
            }
            policy(policies, "declared-statements", statements);
        }
    }

    /** Sending to one on-failure destination: a queue's or topic's name in the service, or an ARN. */
    private static ObjectNode sendTo(ServiceModel service, String destination) {
        boolean topic = destination.startsWith("arn:")
                ? destination.contains(":sns:")
                : ResourceArns.declared(service, destination).kind() == ResourceKind.TOPIC;
        return Cfn.allow(
                null,
                List.of(topic ? "sns:Publish" : "sqs:SendMessage"),
                List.of(ResourceArns.arn(service, destination)));
    }

    /** What each access means on each kind of resource; the site's Access page has the same table. */
    static List<ObjectNode> grantStatements(ServiceModel service, OwnedResource resource, Access access) {
        boolean read = access != Access.WRITE;
        boolean write = access != Access.READ;
        String sid = resource.logicalId()
                + access.name().charAt(0)
                + access.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        JsonNode arn = ResourceArns.arn(service, resource);
        List<String> actions = new ArrayList<>();
        switch (resource.kind()) {
            case TABLE -> {
                if (read) {
                    actions.addAll(List.of(
                            "dynamodb:BatchGetItem",
                            "dynamodb:ConditionCheckItem",
                            "dynamodb:DescribeTable",
                            "dynamodb:GetItem",
                            "dynamodb:Query",
                            "dynamodb:Scan"));
                }
                if (write) {
                    actions.addAll(List.of(
                            "dynamodb:BatchWriteItem",
                            "dynamodb:DeleteItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem"));
                }
                return List.of(
                        Cfn.allow(sid, actions, List.of(arn, Cfn.sub("${" + resource.logicalId() + ".Arn}/index/*"))));
            }
            case BUCKET -> {
                String objects = "arn:${AWS::Partition}:s3:::"
                        + ((OwnedResource.Bucket) resource).physicalName(service.stackName()) + "/*";
                if (read) {
                    actions.add("s3:GetObject");
                }
                if (write) {
                    actions.addAll(List.of("s3:DeleteObject", "s3:PutObject"));
                }
                List<ObjectNode> statements = new ArrayList<>();
                statements.add(Cfn.allow(sid + "Objects", actions, List.of(Cfn.sub(objects))));
                if (read) {
                    statements.add(Cfn.allow(sid + "Listing", List.of("s3:ListBucket"), List.of(arn)));
                }
                return statements;
            }
            case QUEUE -> {
                if (read) {
                    actions.addAll(List.of("sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:ReceiveMessage"));
                }
                if (write) {
                    actions.add("sqs:SendMessage");
                }
                actions.add("sqs:GetQueueAttributes");
                return List.of(Cfn.allow(sid, actions, List.of(arn)));
            }
            case TOPIC -> {
                if (read) {
                    actions.add("sns:GetTopicAttributes");
                }
                if (write) {
                    actions.add("sns:Publish");
                }
                return List.of(Cfn.allow(sid, actions, List.of(arn)));
            }
            case STREAM -> {
                if (read) {
                    actions.addAll(READ_KINESIS_STREAM);
                }
                if (write) {
                    actions.addAll(List.of("kinesis:PutRecord", "kinesis:PutRecords"));
                    if (!read) {
                        actions.add("kinesis:DescribeStreamSummary");
                    }
                }
                return List.of(Cfn.allow(sid, actions, List.of(arn)));
            }
            default -> throw new IllegalStateException("No access for " + resource.kind());
        }
    }

    /**
     * What Lambda needs to place the function's network interfaces: describing them works only on every resource,
     * as EC2 defines it; the rest is held to the resource types those actions concern (network interfaces, and the
     * subnets and security groups an interface is created in) in the stack's own account and region.
     */
    private static List<ObjectNode> vpcStatements() {
        List<JsonNode> resources = new ArrayList<>();
        for (String type : List.of("network-interface", "subnet", "security-group")) {
            resources.add(Cfn.sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:" + type + "/*"));
        }
        return List.of(
                onEveryResource("DescribeNetworkInterfaces", List.of("ec2:DescribeNetworkInterfaces")),
                Cfn.allow("ManageNetworkInterfaces", MANAGE_NETWORK_INTERFACES, resources));
    }

    /** A statement on {@code *}, for actions their service defines no resource for. */
    private static ObjectNode onEveryResource(String sid, List<String> actions) {
        ObjectNode statement = Cfn.allow(sid, actions, List.of());
        statement.put("Resource", "*");
        return statement;
    }

    private static void policy(ArrayNode policies, String name, List<ObjectNode> statements) {
        ObjectNode policy = policies.addObject();
        policy.put("PolicyName", name);
        ObjectNode document = Cfn.policyDocument();
        ArrayNode statementArray = (ArrayNode) document.get("Statement");
        statements.forEach(statementArray::add);
        policy.set("PolicyDocument", document);
    }
}
