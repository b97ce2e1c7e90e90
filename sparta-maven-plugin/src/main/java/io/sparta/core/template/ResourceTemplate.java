package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.StreamView;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;

/**
 * The resources a service declares, each with safe defaults: encrypted at rest, buckets private and TLS-only,
 * tables with point-in-time recovery, and tables and buckets kept when the stack goes unless declared otherwise.
 * Each is an output, exported for other stacks.
 */
final class ResourceTemplate {

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
                properties.put("SqsManagedSseEnabled", true);
                properties.put("VisibilityTimeout", queue.visibilityTimeout());
            } else if (resource instanceof OwnedResource.Topic) {
                properties.put("KmsMasterKeyId", "alias/aws/sns");
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

    private static void table(ObjectNode properties, OwnedResource.Table table) {
        properties.put("BillingMode", "PAY_PER_REQUEST");
        ArrayNode attributes = properties.putArray("AttributeDefinitions");
        ArrayNode keys = properties.putArray("KeySchema");
        attributes
                .addObject()
                .put("AttributeName", table.partitionKey())
                .put("AttributeType", table.partitionKeyType().code());
        keys.addObject().put("AttributeName", table.partitionKey()).put("KeyType", "HASH");
        if (!table.sortKey().isEmpty()) {
            attributes
                    .addObject()
                    .put("AttributeName", table.sortKey())
                    .put("AttributeType", table.sortKeyType().code());
            keys.addObject().put("AttributeName", table.sortKey()).put("KeyType", "RANGE");
        }
        properties.putObject("SSESpecification").put("SSEEnabled", true);
        properties.putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
        if (table.stream() != StreamView.NONE) {
            properties
                    .putObject("StreamSpecification")
                    .put("StreamViewType", table.stream().name());
        }
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
