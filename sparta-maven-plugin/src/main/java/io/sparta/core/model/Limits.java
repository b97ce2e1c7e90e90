package io.sparta.core.model;

import java.util.Set;
import java.util.regex.Pattern;

/** The limits AWS documents for names and values Sparta generates or passes through. */
final class Limits {

    static final int MEMORY_MIN = 128;
    static final int MEMORY_MAX = 10_240;
    static final int TIMEOUT_MIN = 1;
    static final int TIMEOUT_MAX = 900;
    static final int FUNCTION_NAME_MAX = 64;
    static final int DESCRIPTION_MAX = 256;
    static final int STACK_NAME_MAX = 128;
    static final int ENVIRONMENT_BYTES_MAX = 4096;
    static final int TAGS_MAX = 50;
    static final int TAG_KEY_MAX = 128;
    static final int TAG_VALUE_MAX = 256;
    static final int PARAMETERS_MAX = 200;
    static final int LOGICAL_ID_MAX = 255;

    static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9]+");
    static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** Variables the Lambda runtime sets itself and refuses in a function's configuration. */
    static final Set<String> RESERVED_ENVIRONMENT = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    static final Set<String> PSEUDO_PARAMETERS = Set.of(
            "AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    /** Template parameters Sparta itself declares. */
    static final Set<String> RESERVED_PARAMETERS = Set.of("ArtifactBucket", "ArtifactKey");

    private Limits() {}
}
