package io.sparta.annotations;

/** The kinds of resource a service can declare, each with the annotation that declares it. */
public enum ResourceKind {
    TABLE("@DynamoTable"),
    BUCKET("@S3Bucket"),
    QUEUE("@SqsQueue"),
    TOPIC("@SnsTopic"),
    STREAM("@KinesisStream"),
    CUSTOM("@CustomResource");

    /** The kinds a function can be granted access to: a custom resource has no actions to grant. */
    public static final java.util.List<ResourceKind> GRANTABLE = java.util.List.of(TABLE, BUCKET, QUEUE, TOPIC, STREAM);

    private final String annotation;

    ResourceKind(String annotation) {
        this.annotation = annotation;
    }

    public String annotation() {
        return annotation;
    }
}
