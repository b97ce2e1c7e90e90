package io.sparta.core.model;

import io.sparta.annotations.Authorizer;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.processing.AttributeValues;
import io.sparta.annotations.processing.AuthorizerRules;
import io.sparta.annotations.processing.CustomResourceRules;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.annotations.processing.QueueRules;
import io.sparta.annotations.processing.ResourceRules;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.annotations.processing.ScheduleRules;
import io.sparta.annotations.processing.ServiceTable;
import io.sparta.annotations.processing.TableRules;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.EventPatternTrigger;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.LogSubscriptionTrigger;
import io.sparta.api.OwnedResource;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.SchedulerTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.api.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
        ServiceTable<String> between = new ServiceTable<>();
        for (OwnedResource resource : service.resources()) {
            String where = "resource \"" + resource.name() + "\"";
            if (resource instanceof OwnedResource.Custom custom) {
                custom(custom, declared, between, problems);
            } else if (resource instanceof OwnedResource.Table table) {
                TableRules.problems(table(table))
                        .forEach(
                                problem -> problems.add(where + ": " + problem.attribute() + ": " + problem.message()));
            } else if (resource instanceof OwnedResource.Queue queue) {
                queue(queue, declared, between, problems);
            } else if (resource instanceof OwnedResource.Topic topic) {
                ResourceRules.topicSettings(topic.fifo(), topic.contentBasedDeduplication())
                        .ifPresent(problem -> problems.add(where + ": " + problem));
                between.note(new ServiceTable.Topic(topic.name(), topic.fifo()), where);
            }
        }
        for (LambdaFunction function : service.functions()) {
            // The model keeps no class hierarchy: whether the class extends the handler was checked when scanned.
            between.note(new ServiceTable.NamedFunction(function.name(), true), function.source());
            String where = "function \"" + function.name() + "\" (" + function.source() + ")";
            values(function, service.stackName())
                    .flatMap(Optional::stream)
                    .forEach(problem -> problems.add(where + ": " + problem));
            references(function, declared, where);
            facts(function).forEach(fact -> between.note(fact, where));
        }
        for (ApiAuthorizer authorizer : service.http().authorizers()) {
            String where = "authorizer \"" + authorizer.name() + "\"";
            AuthorizerRules.problems(values(authorizer))
                    .forEach(problem -> problems.add(where + ": " + problem.getKey() + ": " + problem.getValue()));
            between.note(
                    new ServiceTable.DeclaredAuthorizer(authorizer.name(), authorizer.type(), authorizer.function()),
                    where);
        }
        declared.unresolved().forEach(problem -> problems.add(problem.where() + ": " + problem.message()));
        between.problems().forEach(problem -> problems.add(problem.where() + ": " + problem.message()));
        ServiceModelBuilder.checkUnique(service.functions(), service.parameters(), problems, UnaryOperator.identity());
        ServiceModelBuilder.checkHooks(service.functions(), problems);
        return problems;
    }

    private static void queue(
            OwnedResource.Queue queue,
            ResourceTable<String> declared,
            ServiceTable<String> between,
            List<String> problems) {
        String where = "resource \"" + queue.name() + "\"";
        ResourceRules.visibilityTimeout(queue.visibilityTimeout())
                .ifPresent(problem -> problems.add(where + ": " + problem));
        ResourceRules.queueSettings(
                        queue.name(),
                        queue.fifo(),
                        queue.contentBasedDeduplication(),
                        queue.deadLetterQueue(),
                        queue.maxReceiveCount())
                .forEach(problem -> problems.add(where + ": " + problem.getValue()));
        if (!queue.deadLetterQueue().isEmpty() && !queue.deadLetterQueue().equals(queue.name())) {
            declared.refer(
                    queue.deadLetterQueue(),
                    List.of(ResourceKind.QUEUE),
                    false,
                    "@SqsQueue(name = \"" + queue.name() + "\") deadLetterQueue",
                    where);
        }
        between.note(
                new ServiceTable.Queue(
                        queue.name(),
                        queue.visibilityTimeout(),
                        queue.fifo(),
                        queue.deadLetterQueue(),
                        "the service model"),
                where);
    }

    /** The table as {@link TableRules} reads it. */
    private static Stream<ServiceTable.Fact> hooks(String at, FunctionOptions.Deployment deployment) {
        if (!deployment.enabled()) {
            return Stream.empty();
        }
        List<ServiceTable.Fact> hooks = new ArrayList<>();
        if (!deployment.preTrafficHook().isEmpty()) {
            hooks.add(new ServiceTable.TrafficHook(at, "preTrafficHook", deployment.preTrafficHook()));
        }
        if (!deployment.postTrafficHook().isEmpty()) {
            hooks.add(new ServiceTable.TrafficHook(at, "postTrafficHook", deployment.postTrafficHook()));
        }
        return hooks.stream();
    }

    /** The authorizer as its annotation's values, for the rules javac's processor applies. */
    private static AttributeValues values(ApiAuthorizer authorizer) {
        return AttributeValues.scanned(
                Authorizer.class,
                Map.of(
                        "name", authorizer.name(),
                        "type", authorizer.type().name(),
                        "issuer", authorizer.issuer(),
                        "audiences", authorizer.audiences(),
                        "userPoolArns", authorizer.userPoolArns(),
                        "function", authorizer.function(),
                        "identitySources", authorizer.identitySources(),
                        "resultTtlSeconds", authorizer.resultTtlSeconds(),
                        "simpleResponses", authorizer.simpleResponses()));
    }

    private static TableRules.Table table(OwnedResource.Table table) {
        return new TableRules.Table(
                new TableRules.Key(table.partitionKey(), table.partitionKeyType()),
                new TableRules.Key(table.sortKey(), table.sortKeyType()),
                indexes(table.globalIndexes()),
                indexes(table.localIndexes()),
                table.timeToLiveAttribute(),
                table.readCapacity(),
                table.writeCapacity());
    }

    private static List<TableRules.Index> indexes(List<OwnedResource.Table.Index> indexes) {
        return indexes.stream()
                .map(index -> new TableRules.Index(
                        index.name(),
                        new TableRules.Key(index.partitionKey(), index.partitionKeyType()),
                        new TableRules.Key(index.sortKey(), index.sortKeyType()),
                        index.projection(),
                        index.nonKeyAttributes(),
                        index.readCapacity(),
                        index.writeCapacity()))
                .toList();
    }

    private static void custom(
            OwnedResource.Custom custom,
            ResourceTable<String> declared,
            ServiceTable<String> between,
            List<String> problems) {
        String where = "resource \"" + custom.name() + "\"";
        Stream.of(
                        CustomResourceRules.type(custom.type()),
                        CustomResourceRules.function(custom.function()),
                        CustomResourceRules.propertyNames(custom.properties().stream()
                                .map(OwnedResource.Custom.Property::name)
                                .toList()),
                        CustomResourceRules.outputs(custom.outputs()))
                .flatMap(Optional::stream)
                .forEach(problem -> problems.add(where + ": " + problem));
        for (OwnedResource.Custom.Property property : custom.properties()) {
            CustomResourceRules.property(
                            custom.name(), property.name(), property.value(), property.ref(), property.attribute())
                    .ifPresent(problem -> problems.add(where + ": " + problem));
            if (!property.ref().isEmpty() && !property.ref().equals(custom.name())) {
                declared.refer(
                        property.ref(),
                        List.of(ResourceKind.values()),
                        false,
                        "@CustomResource(name = \"" + custom.name() + "\") property " + property.name(),
                        where);
            }
        }
        between.note(new ServiceTable.CustomResourceHandler(custom.name(), custom.function()), where);
    }

    private static Stream<Optional<String>> values(LambdaFunction function, String stackName) {
        var options = function.options();
        return Stream.of(
                        Stream.of(
                                FunctionRules.name(function.name()),
                                Limits.deployedName(stackName, function.name()),
                                FunctionRules.memory(function.memory()),
                                FunctionRules.timeout(function.timeout()),
                                FunctionRules.logRetentionDays(function.logRetentionDays()),
                                FunctionRules.description(function.description()),
                                FunctionRules.reservedConcurrency(options.reservedConcurrency()),
                                FunctionRules.ephemeralStorage(options.ephemeralStorage()),
                                FunctionRules.layers(options.layers()),
                                FunctionRules.managedPolicies(options.managedPolicies(), options.role()),
                                FunctionRules.role(options.role()),
                                FunctionRules.snapStart(options.snapStart(), options.ephemeralStorage()),
                                FunctionRules.provisionedConcurrency(
                                        options.provisionedConcurrency(),
                                        options.reservedConcurrency(),
                                        options.snapStart()),
                                FunctionRules.vpc(options.subnetIds(), options.securityGroupIds()),
                                Limits.environmentSize(function.environment())),
                        FunctionRules.tags(
                                        List.copyOf(options.tags().keySet()),
                                        List.copyOf(options.tags().values()))
                                .stream()
                                .map(Optional::of),
                        FunctionRules.concurrencySchedule(
                                        options.provisionedConcurrency(),
                                        options.reservedConcurrency(),
                                        options.concurrencySchedule().stream()
                                                .map(change -> new FunctionRules.ConcurrencyChange(
                                                        change.schedule(), change.concurrency(), change.timezone()))
                                                .toList())
                                .stream()
                                .map(Optional::of),
                        FunctionRules.deployment(
                                        options.deployment().type(),
                                        options.deployment().alarms(),
                                        options.deployment().preTrafficHook(),
                                        options.deployment().postTrafficHook(),
                                        function.name())
                                .stream()
                                .map(problem -> Optional.of(problem.getKey() + ": " + problem.getValue())),
                        function.environment().keySet().stream().map(FunctionRules::environmentName),
                        function.triggers().stream().flatMap(ModelValidator::triggerRules))
                .flatMap(each -> each);
    }

    /**
     * A trigger's own settings, by the rules its annotation was checked with; each new trigger kind with settings
     * adds its rules here (see the site page "Contributing").
     */
    private static Stream<Optional<String>> triggerRules(Trigger trigger) {
        if (trigger instanceof ScheduleTrigger schedule) {
            return Stream.of(
                    ScheduleRules.expression(schedule.expression()), ScheduleRules.description(schedule.description()));
        }
        if (trigger instanceof SchedulerTrigger schedule) {
            return Stream.of(
                    ScheduleRules.schedulerExpression(schedule.expression()),
                    ScheduleRules.timezone(schedule.timezone()),
                    ScheduleRules.flexibleWindow(schedule.flexibleWindowMinutes()),
                    ScheduleRules.description(schedule.description()));
        }
        if (trigger instanceof EventPatternTrigger rule) {
            return Stream.of(ResourceRules.eventPattern(rule.pattern()), ScheduleRules.description(rule.description()));
        }
        if (trigger instanceof SqsQueueTrigger queue) {
            return Stream.of(QueueRules.batch(queue.queue(), queue.batchSize(), queue.batchingWindowSeconds()));
        }
        if (trigger instanceof S3BucketTrigger bucket) {
            return Stream.of(
                    ResourceRules.s3Events(bucket.events()),
                    ResourceRules.s3KeyFilter("prefix", bucket.prefix()),
                    ResourceRules.s3KeyFilter("suffix", bucket.suffix()));
        }
        if (trigger instanceof SnsTopicTrigger topic) {
            return Stream.of(
                    ResourceRules.lambdaTopic(topic.topic()), ResourceRules.filterPolicy(topic.filterPolicy()));
        }
        if (trigger instanceof StreamTrigger stream) {
            return Stream.of(
                    ResourceRules.streamBatch(stream.batchSize()),
                    ResourceRules.maximumRetryAttempts(stream.maximumRetryAttempts()),
                    ResourceRules.isArn(stream.onFailure())
                            ? ResourceRules.onFailureArn(stream.onFailure())
                            : Optional.empty());
        }
        if (trigger instanceof LogSubscriptionTrigger subscription) {
            return Stream.of(ResourceRules.logGroup(subscription.logGroup()));
        }
        if (trigger instanceof HttpRouteTrigger route) {
            return Stream.of(
                    RouteRules.method(route.method()),
                    RouteRules.path(route.path()),
                    RouteRules.authorizer(route.authorizer()),
                    AuthorizerRules.scopes(route.scopes()),
                    RouteRules.AUTHORIZERS.contains(route.authorizer())
                            ? AuthorizerRules.route(
                                    "authorizer = \"" + route.authorizer() + "\"",
                                    route.api(),
                                    route.authorizer(),
                                    null,
                                    route.scopes())
                            : Optional.empty());
        }
        return Stream.empty();
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
            declared.refer(grant.resource(), ResourceKind.GRANTABLE, false, "@Grant", where);
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
        for (StreamTrigger stream : function.triggers(StreamTrigger.class)) {
            if (!stream.onFailure().isEmpty() && !ResourceRules.isArn(stream.onFailure())) {
                declared.refer(
                        stream.onFailure(),
                        List.of(ResourceKind.QUEUE, ResourceKind.TOPIC),
                        false,
                        (stream.kind() == ResourceKind.TABLE ? "@DynamoDbTrigger" : "@KinesisTrigger") + " onFailure",
                        where);
            }
        }
    }

    /** What the rules between declarations read of a function, as its annotations note it. */
    private static Stream<ServiceTable.Fact> facts(LambdaFunction function) {
        String at = function.source();
        String onFailure = function.options().onFailure();
        return Stream.concat(
                Stream.concat(
                        Stream.of(new ServiceTable.Function(at, function.timeout())),
                        Stream.concat(
                                onFailure.isEmpty() || ResourceRules.isArn(onFailure)
                                        ? Stream.empty()
                                        : Stream.of(
                                                new ServiceTable.FailureDestination(at, "@SpartaLambda", onFailure)),
                                hooks(at, function.options().deployment()))),
                function.triggers().stream().flatMap(trigger -> {
                    if (trigger instanceof SqsQueueTrigger queue) {
                        return Stream.of(new ServiceTable.QueueConsumer(
                                at, queue.queue(), queue.batchSize(), queue.batchingWindowSeconds()));
                    }
                    if (trigger instanceof SnsTopicTrigger topic) {
                        return Stream.of(new ServiceTable.TopicSubscriber(at, topic.topic()));
                    }
                    if (trigger instanceof StreamTrigger stream) {
                        boolean table = stream.kind() == ResourceKind.TABLE;
                        ServiceTable.Fact consumer = new ServiceTable.StreamConsumer(
                                at,
                                table ? "@DynamoDbTrigger" : "@KinesisTrigger",
                                table ? "table" : "stream",
                                stream.source());
                        return stream.onFailure().isEmpty() || ResourceRules.isArn(stream.onFailure())
                                ? Stream.of(consumer)
                                : Stream.of(
                                        consumer,
                                        new ServiceTable.FailureDestination(
                                                at,
                                                table ? "@DynamoDbTrigger" : "@KinesisTrigger",
                                                stream.onFailure()));
                    }
                    if (trigger instanceof S3BucketTrigger bucket) {
                        return Stream.of(new ServiceTable.BucketNotification(
                                at, bucket.bucket(), bucket.events(), bucket.prefix(), bucket.suffix()));
                    }
                    if (trigger instanceof LogSubscriptionTrigger subscription) {
                        return Stream.of(new ServiceTable.LogSubscriber(at, subscription.logGroup()));
                    }
                    if (trigger instanceof HttpRouteTrigger route
                            && !route.authorizer().isEmpty()
                            && !RouteRules.AUTHORIZERS.contains(route.authorizer())) {
                        return Stream.of(new ServiceTable.RouteAuthorization(
                                at, route.routeKey(), route.api(), route.authorizer(), route.scopes()));
                    }
                    return Stream.empty();
                }));
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
