package io.sparta.annotations;

/** The kinds of resource a service can declare, each with the annotation that declares it. */
public enum ResourceKind {
    TABLE("@DynamoTable"),
    BUCKET("@S3Bucket"),
    QUEUE("@SqsQueue"),
    TOPIC("@SnsTopic"),
    STREAM("@KinesisStream");

    private final String annotation;

    ResourceKind(String annotation) {
        this.annotation = annotation;
    }

    public String annotation() {
        return annotation;
    }
}
