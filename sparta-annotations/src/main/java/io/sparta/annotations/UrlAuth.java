package io.sparta.annotations;

/** How a Lambda function URL authenticates its callers. */
public enum UrlAuth {
    /** Only IAM principals allowed {@code lambda:InvokeFunctionUrl}, with signed requests. */
    AWS_IAM,
    /** Anyone: the function must authenticate callers itself. */
    NONE
}
