package io.sparta.core.model;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits AWS documents for the service as a whole; those of one function are in
 * {@link io.sparta.annotations.processing.FunctionRules}.
 */
final class Limits {

    static final int STACK_NAME_MAX = 128;
    static final int ENVIRONMENT_BYTES_MAX = 4096;
    static final int TAGS_MAX = 50;
    static final int PARAMETERS_MAX = 200;
    static final int LOGICAL_ID_MAX = 255;

    static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9]+");
    static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** In name order, so that messages listing them read the same on every run. */
    static final Set<String> PSEUDO_PARAMETERS =
            java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(Set.of(
                    "AWS::AccountId",
                    "AWS::Partition",
                    "AWS::Region",
                    "AWS::StackId",
                    "AWS::StackName",
                    "AWS::URLSuffix")));

    /** A {@code ${name}} that is neither one of the pom's {@code <parameters>} nor a pseudo parameter. */
    static String unknownReference(String referenced) {
        return "refers to ${" + referenced + "}, which is neither a <parameters> entry nor one of " + PSEUDO_PARAMETERS
                + "; write ${!" + referenced + "} for a literal";
    }

    /** The names a value's {@code ${...}} references that are neither among {@code parameters} nor pseudo parameters. */
    static java.util.List<String> unknownReferences(String value, Set<String> parameters) {
        java.util.List<String> unknown = new java.util.ArrayList<>();
        java.util.regex.Matcher reference = SUBSTITUTION.matcher(value);
        while (reference.find()) {
            String name = reference.group(1);
            if (!parameters.contains(name) && !PSEUDO_PARAMETERS.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Template parameters Sparta itself declares. */
    static final Set<String> RESERVED_PARAMETERS = Set.of("ArtifactBucket", "ArtifactKey", "DependenciesLayerKey");

    private Limits() {}

    /** Lambda's limit on a function's variables, names and values together, in UTF-8 bytes. */
    static java.util.Optional<String> environmentSize(java.util.Map<String, String> variables) {
        int bytes = variables.entrySet().stream()
                .mapToInt(e -> e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sum();
        return bytes > ENVIRONMENT_BYTES_MAX
                ? java.util.Optional.of("environment variables take " + bytes + " bytes; Lambda allows at most "
                        + ENVIRONMENT_BYTES_MAX)
                : java.util.Optional.empty();
    }

    /** The deployed name, {@code <stack>-<name>}, within Lambda's 64 characters. */
    static java.util.Optional<String> deployedName(String stackName, String name) {
        int deployedLength = stackName.length() + 1 + name.length();
        return deployedLength > io.sparta.annotations.processing.FunctionRules.FUNCTION_NAME_MAX
                ? java.util.Optional.of("name = \"" + name + "\" makes the deployed function name \"" + stackName + "-"
                        + name + "\" " + deployedLength + " characters long; Lambda allows at most "
                        + io.sparta.annotations.processing.FunctionRules.FUNCTION_NAME_MAX
                        + ", so shorten the name (at most "
                        + Math.max(
                                0,
                                io.sparta.annotations.processing.FunctionRules.FUNCTION_NAME_MAX
                                        - stackName.length()
                                        - 1)
                        + " characters here) or the stackName")
                : java.util.Optional.empty();
    }
}
