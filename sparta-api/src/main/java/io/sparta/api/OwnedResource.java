package io.sparta.api;

import io.sparta.annotations.ResourceKind;
import java.util.List;

/**
 * A resource the service declares and its stack creates: a table, bucket, queue, topic, stream or custom resource,
 * known in the service by its name.
 */
public sealed interface OwnedResource
        permits OwnedResource.Table,
                OwnedResource.Bucket,
                OwnedResource.Queue,
                OwnedResource.Topic,
                OwnedResource.Stream,
                OwnedResource.Custom {

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
                    case CUSTOM -> "Resource";
                };
    }

    /** The environment variable that carries its physical name (a queue's URL) to functions that use it. */
    default String environmentVariable() {
        return ENVIRONMENT_PREFIX + kind().name() + "_"
                + name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /**
     * A DynamoDB table, as {@code @DynamoTable} declares it.
     *
     * @param sortKey none when empty
     * @param stream {@code NONE} for no stream
     * @param timeToLiveAttribute none when empty
     * @param readCapacity read capacity units; 0, with {@code writeCapacity} 0, for on-demand capacity
     */
    record Table(
            String name,
            String partitionKey,
            io.sparta.annotations.KeyType partitionKeyType,
            String sortKey,
            io.sparta.annotations.KeyType sortKeyType,
            io.sparta.annotations.StreamView stream,
            boolean retainOnDelete,
            List<Index> globalIndexes,
            List<Index> localIndexes,
            String timeToLiveAttribute,
            int readCapacity,
            int writeCapacity)
            implements OwnedResource {

        public Table {
            globalIndexes = List.copyOf(globalIndexes);
            localIndexes = List.copyOf(localIndexes);
        }

        /** An on-demand table without indexes or time to live. */
        public Table(
                String name,
                String partitionKey,
                io.sparta.annotations.KeyType partitionKeyType,
                String sortKey,
                io.sparta.annotations.KeyType sortKeyType,
                io.sparta.annotations.StreamView stream,
                boolean retainOnDelete) {
            this(
                    name,
                    partitionKey,
                    partitionKeyType,
                    sortKey,
                    sortKeyType,
                    stream,
                    retainOnDelete,
                    List.of(),
                    List.of(),
                    "",
                    0,
                    0);
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.TABLE;
        }

        /** Whether the table has provisioned capacity rather than on-demand. */
        public boolean provisioned() {
            return readCapacity > 0 || writeCapacity > 0;
        }

        /**
         * A secondary index, as {@code @TableIndex} declares it.
         *
         * @param partitionKey a local index's is empty: it shares the table's
         * @param nonKeyAttributes with projection {@code INCLUDE} only
         * @param readCapacity a global index's on a provisioned table; 0 takes the table's
         */
        public record Index(
                String name,
                String partitionKey,
                io.sparta.annotations.KeyType partitionKeyType,
                String sortKey,
                io.sparta.annotations.KeyType sortKeyType,
                io.sparta.annotations.Projection projection,
                List<String> nonKeyAttributes,
                int readCapacity,
                int writeCapacity) {
            public Index {
                nonKeyAttributes = List.copyOf(nonKeyAttributes);
            }
        }
    }

    record Bucket(String name, boolean versioned, boolean retainOnDelete) implements OwnedResource {

        /**
         * The Fn::Sub variable that {@link #physicalName} ends with: the first group of the UUID that ends
         * {@code AWS::StackId}, 8 hexadecimal digits, different for each creation of the stack and the same across
         * its updates. The template defines it in each Fn::Sub that uses it.
         */
        public static final String STACK_SUFFIX = "StackSuffix";

        /** How many characters {@link #STACK_SUFFIX} stands for. */
        public static final int STACK_SUFFIX_LENGTH = 8;

        @Override
        public ResourceKind kind() {
            return ResourceKind.BUCKET;
        }

        /**
         * The bucket's name for Fn::Sub: {@code <stack>-<name>-<account>-<stack id>}, lower-case. Unique as S3
         * needs, known without a reference to the bucket (its notifications and the policies naming it must not
         * depend on it), and new for each creation of the stack, so a stack made again after a delete that kept
         * the bucket does not ask for the kept bucket's name.
         */
        public String physicalName(String stackName) {
            return stackName.toLowerCase(java.util.Locale.ROOT) + "-" + name + "-${AWS::AccountId}-${" + STACK_SUFFIX
                    + "}";
        }
    }

    /**
     * An SQS queue, as {@code @SqsQueue} declares it.
     *
     * @param visibilityTimeout seconds
     * @param deadLetterQueue another declared queue's name, or empty for none
     * @param maxReceiveCount with a dead-letter queue: receives before a message moves there
     */
    record Queue(
            String name,
            int visibilityTimeout,
            boolean fifo,
            boolean contentBasedDeduplication,
            String deadLetterQueue,
            int maxReceiveCount)
            implements OwnedResource {

        /** A standard queue without a dead-letter queue. */
        public Queue(String name, int visibilityTimeout) {
            this(name, visibilityTimeout, false, false, "", 5);
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.QUEUE;
        }
    }

    /** An SNS topic, as {@code @SnsTopic} declares it. */
    record Topic(String name, boolean fifo, boolean contentBasedDeduplication) implements OwnedResource {

        /** A standard topic. */
        public Topic(String name) {
            this(name, false, false);
        }

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

    /**
     * A custom resource, created, updated and deleted by one of the service's functions as CloudFormation calls it.
     *
     * @param type its CloudFormation type, {@code Custom::Name}
     * @param function the name of the function that handles it
     * @param properties in the order declared
     * @param outputs keys of the data the function returns, each written as a stack output
     */
    record Custom(String name, String type, String function, List<Property> properties, List<String> outputs)
            implements OwnedResource {

        public Custom {
            properties = List.copyOf(properties);
            outputs = List.copyOf(outputs);
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.CUSTOM;
        }

        /** The stack output carrying one key of its data: the logical id and the key. */
        public String outputName(String key) {
            return logicalId() + key;
        }

        /**
         * One property: a literal value, or a declared resource's {@code Ref} or {@code Fn::GetAtt}.
         *
         * @param ref the declared resource's name, or empty for a literal
         * @param attribute with {@code ref}, the attribute to read instead of its {@code Ref}; else empty
         */
        public record Property(String name, String value, String ref, String attribute) {}
    }
}
