package io.sparta.api;

import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import java.util.List;
import java.util.SortedMap;

/**
 * One validated Lambda function, as decorators and hooks see it.
 *
 * @param name the name within the service; the deployed function is {@code <stackName>-<name>}
 * @param logicalIdPrefix the CloudFormation logical id stem of the function's resources
 * @param handler what Lambda calls: {@code pkg.Class} or {@code pkg.Class::method}
 * @param source where it was declared, for messages
 * @param triggers what invokes the function besides direct calls, in declaration order
 * @param access what it may use besides its logs and its triggers' sources
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
        int logRetentionDays,
        FunctionOptions options,
        List<Trigger> triggers,
        FunctionAccess access) {

    public LambdaFunction {
        environment = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(environment));
        triggers = List.copyOf(triggers);
    }

    /** A function with no access beyond its logs and triggers. */
    public LambdaFunction(
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
            int logRetentionDays,
            FunctionOptions options,
            List<Trigger> triggers) {
        this(
                name,
                logicalIdPrefix,
                handler,
                source,
                description,
                memory,
                timeout,
                runtime,
                architecture,
                environment,
                logRetentionDays,
                options,
                triggers,
                FunctionAccess.NONE);
    }

    /** The triggers of one kind, in declaration order. */
    public <T extends Trigger> List<T> triggers(Class<T> kind) {
        return triggers.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Its routes on one kind of API, in declaration order. */
    public List<HttpRouteTrigger> routes(io.sparta.annotations.ApiKind api) {
        return triggers(HttpRouteTrigger.class).stream()
                .filter(route -> route.api() == api)
                .toList();
    }

    /** The logical id of the {@code AWS::Lambda::Function}: {@code Ref} gives its name, {@code GetAtt Arn} its ARN. */
    public String functionLogicalId() {
        return logicalIdPrefix + "Function";
    }

    /**
     * The alias Sparta publishes versions behind, for SnapStart and provisioned concurrency
     * ({@link FunctionOptions#publishesAlias()}); triggers, routes and URLs call it.
     */
    public static final String ALIAS = "live";

    /** The logical id of the alias {@link #ALIAS} Sparta publishes for a function that {@code publishesAlias()}. */
    public String aliasLogicalId() {
        return logicalIdPrefix + "Alias";
    }

    /** The logical id of the function's own {@code AWS::IAM::Role}. */
    public String roleLogicalId() {
        return logicalIdPrefix + "Role";
    }

    /** The logical id of the function's {@code AWS::Logs::LogGroup}. */
    public String logGroupLogicalId() {
        return logicalIdPrefix + "LogGroup";
    }
}
