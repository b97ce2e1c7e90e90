package io.sparta.api;

import io.sparta.annotations.ResourceKind;

/**
 * A resource the service declares and its stack creates: a table, bucket, queue, topic or stream, known in the
 * service by its name.
 */
public sealed interface OwnedResource
        permits OwnedResource.Table,
                OwnedResource.Bucket,
                OwnedResource.Queue,
                OwnedResource.Topic,
                OwnedResource.Stream {

    /** What the variables that carry declared resources' names to functions start with, for {@code Discover}. */
    String ENVIRONMENT_PREFIX = "SPARTA_";

    String name();

    ResourceKind kind();

    /** The logical id of its CloudFormation resource: the kind and the name, such as {@code OrdersTable}. */
    default String logicalId() {
        StringBuilder id = new StringBuilder();
        for (String part : name().split("-")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id
                + switch (kind()) {
                    case TABLE -> "Table";
                    case BUCKET -> "Bucket";
                    case QUEUE -> "Queue";
                    case TOPIC -> "Topic";
                    case STREAM -> "Stream";
                };
    }

    /** The environment variable that carries its physical name (a queue's URL) to functions that use it. */
    default String environmentVariable() {
        return ENVIRONMENT_PREFIX + kind().name() + "_"
                + name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /**
     * @param sortKey none when empty
     * @param stream {@code NONE} for no stream
     */
    record Table(
            String name,
            String partitionKey,
            io.sparta.annotations.KeyType partitionKeyType,
            String sortKey,
            io.sparta.annotations.KeyType sortKeyType,
            io.sparta.annotations.StreamView stream,
            boolean retainOnDelete)
            implements OwnedResource {
        @Override
        public ResourceKind kind() {
            return ResourceKind.TABLE;
        }
    }

    record Bucket(String name, boolean versioned, boolean retainOnDelete) implements OwnedResource {
        @Override
        public ResourceKind kind() {
            return ResourceKind.BUCKET;
        }

        /**
         * The bucket's name for Fn::Sub: {@code <stack>-<name>-<account>-<region>}, lower-case, unique as S3 needs
         * and known without a reference to the bucket.
         */
        public String physicalName(String stackName) {
            return stackName.toLowerCase(java.util.Locale.ROOT) + "-" + name + "-${AWS::AccountId}-${AWS::Region}";
        }
    }

    record Queue(String name, int visibilityTimeout) implements OwnedResource {
        @Override
        public ResourceKind kind() {
            return ResourceKind.QUEUE;
        }
    }

    record Topic(String name) implements OwnedResource {
        @Override
        public ResourceKind kind() {
            return ResourceKind.TOPIC;
        }
    }

    record Stream(String name, int shards) implements OwnedResource {
        @Override
        public ResourceKind kind() {
            return ResourceKind.STREAM;
        }
    }
}
