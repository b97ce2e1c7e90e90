package io.sparta.core.model;

import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.annotations.processing.ResourceRules;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.api.FunctionAccess;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.api.Trigger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a service model that a PreMarshall hook returned against the same rules the annotations were checked
 * with, so a hook cannot slip past them what javac and {@code package} would refuse: values out of range, names
 * taken twice, references to resources the service does not declare.
 */
public final class ModelValidator {

    private ModelValidator() {}

    /** @return every problem, each naming the function or resource; empty when the model is sound */
    public static List<String> problems(ServiceModel service) {
        List<String> problems = new ArrayList<>();
        ResourceTable<String> declared = new ResourceTable<>();
        for (OwnedResource resource : service.resources()) {
            String where = "resource \"" + resource.name() + "\"";
            ResourceRules.name(resource.name()).ifPresent(problem -> problems.add(where + ": " + problem));
            boolean hasStream = resource instanceof OwnedResource.Table table
                    && table.stream() != io.sparta.annotations.StreamView.NONE;
            declared.declare(resource.kind(), resource.name(), hasStream, where, where)
                    .ifPresent(problem -> problems.add(where + ": " + problem));
        }
        for (LambdaFunction function : service.functions()) {
            String where = "function \"" + function.name() + "\" (" + function.source() + ")";
            values(function, service.stackName())
                    .flatMap(Optional::stream)
                    .forEach(problem -> problems.add(where + ": " + problem));
            references(function, declared, where);
        }
        declared.unresolved().forEach(problem -> problems.add(problem.where() + ": " + problem.message()));
        ServiceModelBuilder.checkUnique(service.functions(), service.parameters(), problems);
        return problems;
    }

    private static Stream<Optional<String>> values(LambdaFunction function, String stackName) {
        var options = function.options();
        int deployedLength = stackName.length() + 1 + function.name().length();
        int environmentBytes = function.environment().entrySet().stream()
                .mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        return Stream.concat(
                Stream.of(
                        FunctionRules.name(function.name()),
                        deployedLength > FunctionRules.FUNCTION_NAME_MAX
                                ? Optional.of("the deployed name " + stackName + "-" + function.name() + " is "
                                        + deployedLength + " characters long; Lambda allows at most "
                                        + FunctionRules.FUNCTION_NAME_MAX)
                                : Optional.empty(),
                        FunctionRules.memory(function.memory()),
                        FunctionRules.timeout(function.timeout()),
                        FunctionRules.logRetentionDays(function.logRetentionDays()),
                        FunctionRules.description(function.description()),
                        FunctionRules.reservedConcurrency(options.reservedConcurrency()),
                        FunctionRules.ephemeralStorage(options.ephemeralStorage()),
                        FunctionRules.layers(options.layers()),
                        FunctionRules.role(options.role()),
                        FunctionRules.snapStart(options.snapStart(), options.ephemeralStorage()),
                        FunctionRules.vpc(options.subnetIds(), options.securityGroupIds()),
                        FunctionRules.tags(
                                List.copyOf(options.tags().keySet()),
                                List.copyOf(options.tags().values())),
                        environmentBytes > Limits.ENVIRONMENT_BYTES_MAX
                                ? Optional.of("environment variables take " + environmentBytes
                                        + " bytes; Lambda allows at most " + Limits.ENVIRONMENT_BYTES_MAX)
                                : Optional.empty()),
                function.environment().keySet().stream().map(FunctionRules::environmentName));
    }

    /** What the function reads, invokes on failure or is granted must be declared, unless given by ARN. */
    private static void references(LambdaFunction function, ResourceTable<String> declared, String where) {
        for (Trigger trigger : function.triggers()) {
            source(trigger).ifPresent(source -> {
                if (!ResourceRules.isArn(source.name())) {
                    declared.refer(source.name(), List.of(source.kind()), source.needsStream(), source.what(), where);
                }
            });
        }
        for (FunctionAccess.ResourceGrant grant : function.access().grants()) {
            declared.refer(grant.resource(), List.of(ResourceKind.values()), false, "@Grant", where);
        }
        String onFailure = function.options().onFailure();
        if (!onFailure.isEmpty() && !ResourceRules.isArn(onFailure)) {
            declared.refer(
                    onFailure,
                    List.of(ResourceKind.QUEUE, ResourceKind.TOPIC),
                    false,
                    "@SpartaLambda onFailure",
                    where);
        }
    }

    private record Source(String name, ResourceKind kind, boolean needsStream, String what) {}

    /** The resource a trigger reads, for the kinds that read one. */
    private static Optional<Source> source(Trigger trigger) {
        if (trigger instanceof SqsQueueTrigger queue) {
            return Optional.of(new Source(queue.queue(), ResourceKind.QUEUE, false, "@SqsTrigger"));
        }
        if (trigger instanceof S3BucketTrigger bucket) {
            return Optional.of(new Source(bucket.bucket(), ResourceKind.BUCKET, false, "@S3Trigger"));
        }
        if (trigger instanceof SnsTopicTrigger topic) {
            return Optional.of(new Source(topic.topic(), ResourceKind.TOPIC, false, "@SnsTrigger"));
        }
        if (trigger instanceof StreamTrigger stream) {
            boolean table = stream.kind() == ResourceKind.TABLE;
            return Optional.of(
                    new Source(stream.source(), stream.kind(), table, table ? "@DynamoDbTrigger" : "@KinesisTrigger"));
        }
        return Optional.empty();
    }
}
