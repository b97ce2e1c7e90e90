package io.sparta.core.model;

import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import java.util.SortedMap;

/**
 * One validated Lambda function.
 *
 * @param name the name within the service; the deployed function is {@code <stackName>-<name>}
 * @param logicalIdPrefix the CloudFormation logical id stem of the function's resources
 * @param handler what Lambda calls: {@code pkg.Class} or {@code pkg.Class::method}
 * @param source where it was declared, for messages
 */
public record LambdaFunction(
        String name,
        String logicalIdPrefix,
        String handler,
        String source,
        String description,
        int memory,
        int timeout,
        LambdaRuntime runtime,
        Architecture architecture,
        SortedMap<String, String> environment,
        int logRetentionDays) {

    public LambdaFunction {
        environment = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(environment));
    }
}
