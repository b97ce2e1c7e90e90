package io.sparta.annotations;

/** The Java runtimes AWS Lambda offers. */
public enum LambdaRuntime {
    JAVA17("java17"),
    JAVA21("java21"),
    JAVA25("java25");

    private final String identifier;

    LambdaRuntime(String identifier) {
        this.identifier = identifier;
    }

    /** The runtime identifier CloudFormation and the Lambda API use, such as {@code java21}. */
    public String identifier() {
        return identifier;
    }
}
