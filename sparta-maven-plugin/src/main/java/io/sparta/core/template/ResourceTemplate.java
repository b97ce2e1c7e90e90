package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.Projection;
import io.sparta.annotations.StreamView;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.TemplateJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resources a service declares, each with safe defaults: encrypted at rest, buckets private and TLS-only,
 * tables with point-in-time recovery, and tables and buckets kept when the stack goes unless declared otherwise.
 * Each is an output, exported for other stacks.
 */
final class ResourceTemplate {

    /** SQS's longest queue name, {@code .fifo} included. */
    static final int QUEUE_NAME_MAX = 80;

    /** SNS's longest topic name, {@code .fifo} included. */
    static final int TOPIC_NAME_MAX = 256;

    private ResourceTemplate() {}

    static void add(ObjectNode resources, ObjectNode outputs, ServiceModel service) {
        for (OwnedResource resource : service.resources()) {
            if (resource instanceof OwnedResource.Custom custom) {
                custom(resources, outputs, custom, service);
                continue;
            }
            String id = resource.logicalId();
            ObjectNode node = Cfn.resource(resources, id, type(resource));
            ObjectNode properties = node.putObject("Properties");
            if (resource instanceof OwnedResource.Table table) {
                retain(node, table.retainOnDelete());
                table(properties, table);
            } else if (resource instanceof OwnedResource.Bucket bucket) {
                retain(node, bucket.retainOnDelete());
                bucket(resources, properties, bucket, service);
            } else if (resource instanceof OwnedResource.Queue queue) {
                queue(properties, queue, service);
            } else if (resource instanceof OwnedResource.Topic topic) {
                properties.put("KmsMasterKeyId", "alias/aws/sns");
                if (topic.fifo()) {
                    properties.set("TopicName", Cfn.sub(fifoName(service.stackName(), topic.name(), TOPIC_NAME_MAX)));
                    properties.put("FifoTopic", true);
                    if (topic.contentBasedDeduplication()) {
                        properties.put("ContentBasedDeduplication", true);
                    }
                }
            } else if (resource instanceof OwnedResource.Stream stream) {
                properties.put("ShardCount", stream.shards());
                properties
                        .putObject("StreamEncryption")
                        .put("EncryptionType", "KMS")
                        .put("KeyId", "alias/aws/kinesis");
            }
            Cfn.output(
                    outputs,
                    id + "Name",
                    refMeaning(resource) + " of " + resource.kind().annotation() + " " + resource.name(),
                    Cfn.ref(id));
            Cfn.output(
                    outputs,
                    id + "Arn",
                    "ARN of " + resource.kind().annotation() + " " + resource.name(),
                    ResourceArns.arn(service, resource));
        }
    }

    /** What CloudFormation's Ref gives for the resource's type, for its output's description. */
    private static String refMeaning(OwnedResource resource) {
        return switch (resource.kind()) {
            case QUEUE -> "URL";
            case TOPIC -> "ARN";
            case CUSTOM -> "Physical id";
            default -> "Name";
        };
    }

    private static String type(OwnedResource resource) {
        return switch (resource.kind()) {
            case TABLE -> "AWS::DynamoDB::Table";
            case BUCKET -> "AWS::S3::Bucket";
            case QUEUE -> "AWS::SQS::Queue";
            case TOPIC -> "AWS::SNS::Topic";
            case STREAM -> "AWS::Kinesis::Stream";
            case CUSTOM -> ((OwnedResource.Custom) resource).type();
        };
    }

    /**
     * A custom resource: its type, the ARN of the function that handles it as {@code ServiceToken}, and its
     * properties, references written as {@code Ref} or {@code Fn::GetAtt} so CloudFormation creates what they name
     * first. The function's own dependencies (its role and log group) come with the reference to it, so the first
     * call finds the function able to write its logs.
     */
    private static void custom(
            ObjectNode resources, ObjectNode outputs, OwnedResource.Custom custom, ServiceModel service) {
        String id = custom.logicalId();
        LambdaFunction function = service.function(custom.function())
                .orElseThrow(() -> new IllegalStateException(
                        "The model's custom resource " + custom.name() + " names no function " + custom.function()));
        ObjectNode properties = Cfn.resource(resources, id, type(custom)).putObject("Properties");
        properties.set("ServiceToken", Cfn.getAtt(function.functionLogicalId(), "Arn"));
        for (OwnedResource.Custom.Property property : custom.properties()) {
            if (property.ref().isEmpty()) {
                properties.put(property.name(), property.value());
            } else {
                String target = ResourceArns.declared(service, property.ref()).logicalId();
                properties.set(
                        property.name(),
                        property.attribute().isEmpty() ? Cfn.ref(target) : Cfn.getAtt(target, property.attribute()));
            }
        }
        for (String key : custom.outputs()) {
            Cfn.output(
                    outputs,
                    custom.outputName(key),
                    key + " of @CustomResource " + custom.name() + " (" + custom.type() + "), as function "
                            + custom.function() + " returned it",
                    Cfn.getAtt(id, key));
        }
    }

    private static void retain(ObjectNode node, boolean retain) {
        if (retain) {
            node.put("DeletionPolicy", "Retain");
            node.put("UpdateReplacePolicy", "Retain");
        }
    }

    /**
     * A table: its keys and every index's in one list of attribute definitions (DynamoDB refuses a definition no key
     * uses), on-demand or provisioned capacity, and time to live.
     */
    private static void table(ObjectNode properties, OwnedResource.Table table) {
        properties.put("BillingMode", table.provisioned() ? "PROVISIONED" : "PAY_PER_REQUEST");
        if (table.provisioned()) {
            throughput(properties, table.readCapacity(), table.writeCapacity());
        }
        // Written first as before indexes existed, so a table without them keeps its template's bytes.
        ArrayNode definitions = properties.putArray("AttributeDefinitions");
        Map<String, String> attributes = new LinkedHashMap<>();
        properties.set(
                "KeySchema",
                keySchema(
                        attributes,
                        table.partitionKey(),
                        table.partitionKeyType(),
                        table.sortKey(),
                        table.sortKeyType()));
        if (!table.globalIndexes().isEmpty()) {
            ArrayNode indexes = properties.putArray("GlobalSecondaryIndexes");
            for (OwnedResource.Table.Index index : table.globalIndexes()) {
                ObjectNode node = index(indexes, attributes, index, index.partitionKey(), index.partitionKeyType());
                if (table.provisioned()) {
                    boolean own = index.readCapacity() > 0;
                    throughput(
                            node,
                            own ? index.readCapacity() : table.readCapacity(),
                            own ? index.writeCapacity() : table.writeCapacity());
                }
            }
        }
        if (!table.localIndexes().isEmpty()) {
            ArrayNode indexes = properties.putArray("LocalSecondaryIndexes");
            for (OwnedResource.Table.Index index : table.localIndexes()) {
                index(indexes, attributes, index, table.partitionKey(), table.partitionKeyType());
            }
        }
        attributes.forEach((name, type) ->
                definitions.addObject().put("AttributeName", name).put("AttributeType", type));
        properties.putObject("SSESpecification").put("SSEEnabled", true);
        properties.putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
        if (table.stream() != StreamView.NONE) {
            properties
                    .putObject("StreamSpecification")
                    .put("StreamViewType", table.stream().name());
        }
        if (!table.timeToLiveAttribute().isEmpty()) {
            properties
                    .putObject("TimeToLiveSpecification")
                    .put("AttributeName", table.timeToLiveAttribute())
                    .put("Enabled", true);
        }
    }

    private static ObjectNode index(
            ArrayNode indexes,
            Map<String, String> attributes,
            OwnedResource.Table.Index index,
            String partitionKey,
            KeyType partitionKeyType) {
        ObjectNode node = indexes.addObject().put("IndexName", index.name());
        node.set(
                "KeySchema",
                keySchema(attributes, partitionKey, partitionKeyType, index.sortKey(), index.sortKeyType()));
        ObjectNode projection = node.putObject("Projection")
                .put("ProjectionType", index.projection().name());
        if (index.projection() == Projection.INCLUDE) {
            ArrayNode nonKey = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        return node;
    }

    /** A key schema, each of its attributes defined once in {@code attributes} (name to type code). */
    private static ArrayNode keySchema(
            Map<String, String> attributes,
            String partitionKey,
            KeyType partitionKeyType,
            String sortKey,
            KeyType sortKeyType) {
        ArrayNode keys = TemplateJson.array();
        attributes.putIfAbsent(partitionKey, partitionKeyType.code());
        keys.addObject().put("AttributeName", partitionKey).put("KeyType", "HASH");
        if (!sortKey.isEmpty()) {
            attributes.putIfAbsent(sortKey, sortKeyType.code());
            keys.addObject().put("AttributeName", sortKey).put("KeyType", "RANGE");
        }
        return keys;
    }

    private static void throughput(ObjectNode node, int read, int write) {
        node.putObject("ProvisionedThroughput").put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }

    /**
     * A queue: encrypted, FIFO if declared (named, since SQS requires the {@code .fifo} suffix of a FIFO queue), and
     * its redrive policy to the dead-letter queue.
     */
    private static void queue(ObjectNode properties, OwnedResource.Queue queue, ServiceModel service) {
        properties.put("SqsManagedSseEnabled", true);
        properties.put("VisibilityTimeout", queue.visibilityTimeout());
        if (queue.fifo()) {
            properties.set("QueueName", Cfn.sub(fifoName(service.stackName(), queue.name(), QUEUE_NAME_MAX)));
            properties.put("FifoQueue", true);
            if (queue.contentBasedDeduplication()) {
                properties.put("ContentBasedDeduplication", true);
            }
        }
        if (!queue.deadLetterQueue().isEmpty()) {
            ObjectNode redrive = properties.putObject("RedrivePolicy");
            redrive.set(
                    "deadLetterTargetArn",
                    ResourceArns.arn(service, ResourceArns.declared(service, queue.deadLetterQueue())));
            redrive.put("maxReceiveCount", queue.maxReceiveCount());
        }
    }

    /**
     * A FIFO queue's or topic's name for Fn::Sub: {@code <stack>-<name>-<stack id>.fifo}, the stack's name shortened
     * to fit {@code max}. New for each creation of the stack, as CloudFormation's generated names are, so a stack
     * made again does not collide with one being deleted.
     */
    static String fifoName(String stackName, String name, int max) {
        String tail = "-" + name + "-${" + OwnedResource.Bucket.STACK_SUFFIX + "}.fifo";
        int tailLength = tail.length()
                - ("${" + OwnedResource.Bucket.STACK_SUFFIX + "}").length()
                + OwnedResource.Bucket.STACK_SUFFIX_LENGTH;
        String stack = stackName.substring(0, Math.min(stackName.length(), max - tailLength));
        return stack + tail;
    }

    private static void bucket(
            ObjectNode resources, ObjectNode properties, OwnedResource.Bucket bucket, ServiceModel service) {
        String name = bucket.physicalName(service.stackName());
        properties.set("BucketName", Cfn.sub(name));
        Cfn.privateEncryptedBucket(properties);
        if (bucket.versioned()) {
            properties.putObject("VersioningConfiguration").put("Status", "Enabled");
        }
        Cfn.tlsOnlyPolicy(
                resources,
                bucket.logicalId() + "Policy",
                bucket.logicalId(),
                ResourceArns.arn(service, bucket),
                Cfn.sub("arn:${AWS::Partition}:s3:::" + name + "/*"));
    }
}
