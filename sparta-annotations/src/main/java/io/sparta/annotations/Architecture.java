package io.sparta.annotations;

/** The instruction sets AWS Lambda runs functions on. */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String identifier;

    Architecture(String identifier) {
        this.identifier = identifier;
    }

    /** The identifier CloudFormation and the Lambda API use, such as {@code arm64}. */
    public String identifier() {
        return identifier;
    }
}
