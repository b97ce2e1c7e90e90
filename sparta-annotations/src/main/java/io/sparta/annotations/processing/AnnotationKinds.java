package io.sparta.annotations.processing;

import io.sparta.annotations.Allow;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.Authorizer;
import io.sparta.annotations.AuthorizerType;
import io.sparta.annotations.CustomResource;
import io.sparta.annotations.DynamoDbTrigger;
import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.EventRule;
import io.sparta.annotations.FunctionUrl;
import io.sparta.annotations.Grant;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.KinesisStream;
import io.sparta.annotations.KinesisTrigger;
import io.sparta.annotations.LogSubscription;
import io.sparta.annotations.Projection;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.ResourceProperty;
import io.sparta.annotations.S3Bucket;
import io.sparta.annotations.S3Trigger;
import io.sparta.annotations.Schedule;
import io.sparta.annotations.SchedulerSchedule;
import io.sparta.annotations.SnsTopic;
import io.sparta.annotations.SnsTrigger;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.SqsTrigger;
import io.sparta.annotations.StreamView;
import io.sparta.annotations.TableIndex;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.List;
import java.util.Optional;

/**
 * Every Sparta annotation and its rules, in one place: javac's processor and the plugin's {@code package} both
 * walk this list, so the rules a build checks cannot drift from the ones the IDE shows. Adding an annotation kind
 * is an entry here, its model in the plugin and its template piece; Sparta's own tests fail while a piece is
 * missing.
 */
public final class AnnotationKinds {

    /** Where an annotation goes. */
    public enum Placement {
        /** {@code @SpartaLambda} itself, on a handler class or method. */
        FUNCTION,
        /** Beside {@code @SpartaLambda}: a trigger, route, URL, grant or raw statement of that function. */
        COMPANION,
        /** On any class of the module: a resource the service declares and owns. */
        RESOURCE
    }

    /**
     * Where one annotation is used, as the checks see it: the processor reports at the source position, the
     * plugin prefixes the class or method.
     */
    public interface Use {

        /** @param attribute the attribute at fault, or {@code null} for the annotation as a whole */
        void problem(String attribute, String message);

        /**
         * A reference by name to a resource the service declares, resolved once every declaration is read.
         *
         * @param what what refers, for the message: {@code @Grant}, {@code @SpartaLambda onFailure}
         * @param used whether the function then uses the resource, and so can find it with {@code Discover}
         */
        void refer(String name, List<ResourceKind> kinds, boolean needsStream, String what, boolean used);

        /** A resource declared under a name; a name declared twice is reported by the implementation. */
        void declare(ResourceKind kind, String name, boolean hasStream);

        /** The routes declared so far in the service. */
        RouteTable routes();

        /** Something a rule between two declarations reads ({@link ServiceRules}), applied once all are read. */
        void note(ServiceTable.Fact fact);

        /** The class or method, as messages name it: {@code acme.Orders#place}. */
        String location();
    }

    /** The rules of one annotation, reporting each problem to the use. */
    @FunctionalInterface
    public interface Check {
        void check(AttributeValues values, Use use);
    }

    /**
     * One annotation kind.
     *
     * @param annotation the annotation; a {@link Repeatable} one is also found through its container
     */
    public record Kind(Class<? extends Annotation> annotation, Placement placement, Check check) {

        /** The container javac writes when the annotation is repeated, or {@code null}. */
        public Class<? extends Annotation> container() {
            Repeatable repeatable = annotation.getAnnotation(Repeatable.class);
            return repeatable == null ? null : repeatable.value();
        }

        /** {@code @Schedule}: how messages name the annotation. */
        public String label() {
            return "@" + annotation.getSimpleName();
        }
    }

    private static final List<ResourceKind> ANY_RESOURCE = List.of(ResourceKind.values());

    /** Every kind, in the order the processor checks them. */
    public static final List<Kind> ALL = List.of(
            new Kind(SpartaLambda.class, Placement.FUNCTION, FunctionRules::check),
            new Kind(Schedule.class, Placement.COMPANION, (values, use) -> {
                report(use, "value", ScheduleRules.expression(values.string("value")));
                report(use, "description", ScheduleRules.description(values.string("description")));
            }),
            new Kind(SchedulerSchedule.class, Placement.COMPANION, (values, use) -> {
                report(use, "value", ScheduleRules.schedulerExpression(values.string("value")));
                report(use, "timezone", ScheduleRules.timezone(values.string("timezone")));
                report(
                        use,
                        "flexibleWindowMinutes",
                        ScheduleRules.flexibleWindow(values.integer("flexibleWindowMinutes")));
                report(use, "description", ScheduleRules.description(values.string("description")));
            }),
            new Kind(SqsTrigger.class, Placement.COMPANION, (values, use) -> {
                reference(use, ResourceKind.QUEUE, values, "queue", false);
                report(
                        use,
                        "batchSize",
                        QueueRules.batch(
                                values.string("queue"),
                                values.integer("batchSize"),
                                values.integer("batchingWindowSeconds")));
                use.note(new ServiceTable.QueueConsumer(
                        use.location(),
                        values.string("queue"),
                        values.integer("batchSize"),
                        values.integer("batchingWindowSeconds")));
            }),
            new Kind(HttpRoute.class, Placement.COMPANION, (values, use) -> {
                String method = values.string("method");
                String path = values.string("path");
                route(use, values);
                report(
                        use,
                        RouteRules.method(method)
                                .or(() -> RouteRules.path(path))
                                .or(() -> use.routes()
                                        .add(
                                                values.enumeration("api", ApiKind.class)
                                                        .name(),
                                                method,
                                                path,
                                                use.location())));
            }),
            new Kind(FunctionUrl.class, Placement.COMPANION, (values, use) -> {}),
            new Kind(S3Trigger.class, Placement.COMPANION, (values, use) -> {
                reference(use, ResourceKind.BUCKET, values, "bucket", false);
                report(use, "events", ResourceRules.s3Events(values.strings("events")));
                report(use, "prefix", ResourceRules.s3KeyFilter("prefix", values.string("prefix")));
                report(use, "suffix", ResourceRules.s3KeyFilter("suffix", values.string("suffix")));
                use.note(new ServiceTable.BucketNotification(
                        use.location(),
                        values.string("bucket"),
                        values.strings("events"),
                        values.string("prefix"),
                        values.string("suffix")));
            }),
            new Kind(SnsTrigger.class, Placement.COMPANION, (values, use) -> {
                reference(use, ResourceKind.TOPIC, values, "topic", false);
                report(use, "topic", ResourceRules.lambdaTopic(values.string("topic")));
                report(use, "filterPolicy", ResourceRules.filterPolicy(values.string("filterPolicy")));
                use.note(new ServiceTable.TopicSubscriber(use.location(), values.string("topic")));
            }),
            new Kind(DynamoDbTrigger.class, Placement.COMPANION, (values, use) -> {
                reference(use, ResourceKind.TABLE, values, "table", true);
                report(use, "batchSize", ResourceRules.streamBatch(values.integer("batchSize")));
                streamFailures(use, values);
                use.note(new ServiceTable.StreamConsumer(
                        use.location(), "@DynamoDbTrigger", "table", values.string("table")));
            }),
            new Kind(KinesisTrigger.class, Placement.COMPANION, (values, use) -> {
                reference(use, ResourceKind.STREAM, values, "stream", false);
                report(use, "batchSize", ResourceRules.streamBatch(values.integer("batchSize")));
                streamFailures(use, values);
                use.note(new ServiceTable.StreamConsumer(
                        use.location(), "@KinesisTrigger", "stream", values.string("stream")));
            }),
            new Kind(EventRule.class, Placement.COMPANION, (values, use) -> {
                report(use, "pattern", ResourceRules.eventPattern(values.string("pattern")));
                report(use, "description", ScheduleRules.description(values.string("description")));
            }),
            new Kind(LogSubscription.class, Placement.COMPANION, (values, use) -> {
                report(use, "logGroup", ResourceRules.logGroup(values.string("logGroup")));
                use.note(new ServiceTable.LogSubscriber(use.location(), values.string("logGroup")));
            }),
            new Kind(
                    Grant.class,
                    Placement.COMPANION,
                    (values, use) ->
                            use.refer(values.string("resource"), ResourceKind.GRANTABLE, false, "@Grant", true)),
            new Kind(
                    Allow.class,
                    Placement.COMPANION,
                    (values, use) -> report(
                            use, ResourceRules.statement(values.strings("actions"), values.strings("resources")))),
            new Kind(DynamoTable.class, Placement.RESOURCE, (values, use) -> {
                report(use, "name", ResourceRules.name(values.string("name")));
                report(use, "partitionKey", ResourceRules.keyAttribute("partitionKey", values.string("partitionKey")));
                if (!values.string("sortKey").isEmpty()) {
                    report(use, "sortKey", ResourceRules.keyAttribute("sortKey", values.string("sortKey")));
                }
                TableRules.problems(table(values))
                        .forEach(problem -> use.problem(problem.attribute(), problem.message()));
                use.declare(
                        ResourceKind.TABLE,
                        values.string("name"),
                        values.enumeration("stream", StreamView.class) != StreamView.NONE);
            }),
            new Kind(S3Bucket.class, Placement.RESOURCE, (values, use) -> declared(use, ResourceKind.BUCKET, values)),
            new Kind(SqsQueue.class, Placement.RESOURCE, (values, use) -> {
                report(use, "name", ResourceRules.name(values.string("name")));
                report(use, "visibilityTimeout", ResourceRules.visibilityTimeout(values.integer("visibilityTimeout")));
                String deadLetterQueue = values.string("deadLetterQueue");
                ResourceRules.queueSettings(
                                values.string("name"),
                                values.bool("fifo"),
                                values.bool("contentBasedDeduplication"),
                                deadLetterQueue,
                                values.integer("maxReceiveCount"))
                        .forEach(problem -> use.problem(problem.getKey(), problem.getValue()));
                if (!deadLetterQueue.isEmpty() && !deadLetterQueue.equals(values.string("name"))) {
                    use.refer(
                            deadLetterQueue,
                            List.of(ResourceKind.QUEUE),
                            false,
                            "@SqsQueue(name = \"" + values.string("name") + "\") deadLetterQueue",
                            false);
                }
                use.declare(ResourceKind.QUEUE, values.string("name"), false);
                use.note(new ServiceTable.Queue(
                        values.string("name"),
                        values.integer("visibilityTimeout"),
                        values.bool("fifo"),
                        deadLetterQueue,
                        use.location()));
            }),
            new Kind(SnsTopic.class, Placement.RESOURCE, (values, use) -> {
                declared(use, ResourceKind.TOPIC, values);
                report(
                        use,
                        "contentBasedDeduplication",
                        ResourceRules.topicSettings(values.bool("fifo"), values.bool("contentBasedDeduplication")));
                use.note(new ServiceTable.Topic(values.string("name"), values.bool("fifo")));
            }),
            new Kind(KinesisStream.class, Placement.RESOURCE, (values, use) -> {
                report(use, "name", ResourceRules.name(values.string("name")));
                report(use, "shards", ResourceRules.shards(values.integer("shards")));
                use.declare(ResourceKind.STREAM, values.string("name"), false);
            }),
            new Kind(CustomResource.class, Placement.RESOURCE, AnnotationKinds::customResource),
            new Kind(Authorizer.class, Placement.RESOURCE, (values, use) -> {
                AuthorizerRules.problems(values).forEach(problem -> use.problem(problem.getKey(), problem.getValue()));
                use.note(new ServiceTable.DeclaredAuthorizer(
                        values.string("name"),
                        values.enumeration("type", AuthorizerType.class),
                        values.string("function")));
            }));

    private AnnotationKinds() {}

    /** A route's authorizer and scopes: checked alone here, against the declared authorizers once all are read. */
    private static void route(Use use, AttributeValues values) {
        String authorizer = values.string("authorizer");
        List<String> scopes = values.strings("scopes");
        // Repeated routes share their container's position: the method and path say which route is meant.
        String route = values.string("method") + " " + values.string("path") + ": ";
        Optional<String> named = RouteRules.authorizer(authorizer);
        report(use, "authorizer", named.map(route::concat));
        report(use, "scopes", AuthorizerRules.scopes(scopes).map(route::concat));
        ApiKind api = values.enumeration("api", ApiKind.class);
        if (RouteRules.AUTHORIZERS.contains(authorizer)) {
            report(
                    use,
                    "scopes",
                    AuthorizerRules.route("authorizer = \"" + authorizer + "\"", api, authorizer, null, scopes)
                            .map(route::concat));
        } else if (!authorizer.isEmpty() && named.isEmpty()) {
            use.note(new ServiceTable.RouteAuthorization(
                    use.location(), values.string("method") + " " + values.string("path"), api, authorizer, scopes));
        }
    }

    private static void customResource(AttributeValues values, Use use) {
        String name = values.string("name");
        report(use, "name", ResourceRules.name(name));
        report(use, "type", CustomResourceRules.type(values.string("type")));
        report(use, "function", CustomResourceRules.function(values.string("function")));
        List<AttributeValues> properties = values.annotations("properties", ResourceProperty.class);
        report(
                use,
                "properties",
                CustomResourceRules.propertyNames(properties.stream()
                        .map(property -> property.string("name"))
                        .toList()));
        for (AttributeValues property : properties) {
            String ref = property.string("ref");
            report(
                    use,
                    "properties",
                    CustomResourceRules.property(
                            name,
                            property.string("name"),
                            property.string("value"),
                            ref,
                            property.string("attribute")));
            if (!ref.isEmpty() && !ref.equals(name)) {
                use.refer(
                        ref,
                        ANY_RESOURCE,
                        false,
                        "@CustomResource(name = \"" + name + "\") property " + property.string("name"),
                        false);
            }
        }
        report(use, "outputs", CustomResourceRules.outputs(values.strings("outputs")));
        use.declare(ResourceKind.CUSTOM, name, false);
        use.note(new ServiceTable.CustomResourceHandler(name, values.string("function")));
    }

    /** A {@code @DynamoTable}'s keys, indexes, time to live and capacity, as {@link TableRules} reads them. */
    public static TableRules.Table table(AttributeValues values) {
        return new TableRules.Table(
                new TableRules.Key(
                        values.string("partitionKey"), values.enumeration("partitionKeyType", KeyType.class)),
                new TableRules.Key(values.string("sortKey"), values.enumeration("sortKeyType", KeyType.class)),
                indexes(values.annotations("globalIndexes", TableIndex.class)),
                indexes(values.annotations("localIndexes", TableIndex.class)),
                values.string("timeToLiveAttribute"),
                values.integer("readCapacity"),
                values.integer("writeCapacity"));
    }

    private static List<TableRules.Index> indexes(List<AttributeValues> indexes) {
        return indexes.stream()
                .map(index -> new TableRules.Index(
                        index.string("name"),
                        new TableRules.Key(
                                index.string("partitionKey"), index.enumeration("partitionKeyType", KeyType.class)),
                        new TableRules.Key(index.string("sortKey"), index.enumeration("sortKeyType", KeyType.class)),
                        index.enumeration("projection", Projection.class),
                        index.strings("nonKeyAttributes"),
                        index.integer("readCapacity"),
                        index.integer("writeCapacity")))
                .toList();
    }

    /** A stream mapping's retries and where its failed records go. */
    private static void streamFailures(Use use, AttributeValues values) {
        report(use, "maximumRetryAttempts", ResourceRules.maximumRetryAttempts(values.integer("maximumRetryAttempts")));
        failureDestination(use, values.string("onFailure"), "@" + values.type().getSimpleName());
    }

    /**
     * An on-failure destination: an ARN checked here, or a declared queue's or topic's name, resolved with the
     * others and checked to be a standard one once every declaration is read.
     *
     * @param label the annotation, for the message: {@code @SpartaLambda}, {@code @DynamoDbTrigger}
     */
    static void failureDestination(Use use, String destination, String label) {
        if (ResourceRules.isArn(destination)) {
            report(use, "onFailure", ResourceRules.onFailureArn(destination));
        } else if (!destination.isEmpty()) {
            use.refer(destination, List.of(ResourceKind.QUEUE, ResourceKind.TOPIC), false, label + " onFailure", false);
            use.note(new ServiceTable.FailureDestination(use.location(), label, destination));
        }
    }

    /** The kinds placed as given, in {@link #ALL}'s order. */
    public static List<Kind> placed(Placement placement) {
        return ALL.stream().filter(kind -> kind.placement() == placement).toList();
    }

    /** The kind whose annotation has this simple name, such as {@code SqsTrigger}. */
    public static Optional<Kind> named(String simpleName) {
        return ALL.stream()
                .filter(kind -> kind.annotation().getSimpleName().equals(simpleName))
                .findFirst();
    }

    /** The message for a companion annotation found where no {@code @SpartaLambda} is. */
    public static String needsFunction(String label) {
        return label + " needs @SpartaLambda on the same class or method";
    }

    static void report(Use use, Optional<String> problem) {
        problem.ifPresent(message -> use.problem(null, message));
    }

    /** A problem of one attribute, which javac then points at. */
    static void report(Use use, String attribute, Optional<String> problem) {
        problem.ifPresent(message -> use.problem(attribute, message));
    }

    /** A resource that has nothing to check but its name. */
    private static void declared(Use use, ResourceKind kind, AttributeValues values) {
        report(use, "name", ResourceRules.name(values.string("name")));
        use.declare(kind, values.string("name"), false);
    }

    /** A declared resource's name, resolved with the others, or an existing resource's ARN, checked here. */
    private static void reference(
            Use use, ResourceKind kind, AttributeValues values, String attribute, boolean needsStream) {
        String value = values.string(attribute);
        if (ResourceRules.isArn(value)) {
            report(use, attribute, ResourceRules.existingArn(kind, attribute, value));
        } else {
            use.refer(value, List.of(kind), needsStream, "@" + values.type().getSimpleName(), true);
        }
    }
}
