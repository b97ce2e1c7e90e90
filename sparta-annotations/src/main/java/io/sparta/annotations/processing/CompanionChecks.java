package io.sparta.annotations.processing;

import io.sparta.annotations.Allow;
import io.sparta.annotations.DynamoDbTrigger;
import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.EventRule;
import io.sparta.annotations.FunctionUrl;
import io.sparta.annotations.Grant;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.KinesisStream;
import io.sparta.annotations.KinesisTrigger;
import io.sparta.annotations.LogSubscription;
import io.sparta.annotations.S3Bucket;
import io.sparta.annotations.S3Trigger;
import io.sparta.annotations.Schedule;
import io.sparta.annotations.SnsTopic;
import io.sparta.annotations.SnsTrigger;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.SqsTrigger;
import io.sparta.annotations.StreamView;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The processor's checks of what goes beside {@code @SpartaLambda} (triggers, routes, grants, raw statements)
 * and of declared resources, and, once a round's sources are read, of references to resources nobody declared.
 */
final class CompanionChecks {

    private static final List<ResourceKind> ANY = List.of(ResourceKind.values());

    private final Messager messager;
    private final Function<Element, String> location;
    private final RouteTable routes = new RouteTable();
    private final ResourceTable<Site> resources = new ResourceTable<>();

    /** An annotation on an element: where a reference's error belongs. */
    private record Site(Element element, AnnotationMirror mirror) {}

    /** @param location names a class or method in messages, such as {@code com.acme.Greeter#greet} */
    CompanionChecks(Messager messager, Function<Element, String> location) {
        this.messager = messager;
        this.location = location;
    }

    void round(RoundEnvironment round) {
        onFunctions(
                round,
                Schedule.class,
                (element, schedule) -> report(
                        element,
                        Schedule.class,
                        Stream.of(
                                ScheduleRules.expression(schedule.value()),
                                ScheduleRules.description(schedule.description()))));
        onFunctions(round, SqsTrigger.class, (element, queue) -> {
            reference(element, SqsTrigger.class, ResourceKind.QUEUE, "queue", queue.queue(), false);
            report(
                    element,
                    SqsTrigger.class,
                    Stream.of(QueueRules.batch(queue.batchSize(), queue.batchingWindowSeconds())));
        });
        onFunctions(
                round,
                HttpRoute.class,
                (element, route) -> report(
                        element,
                        HttpRoute.class,
                        Stream.of(RouteRules.method(route.method())
                                .or(() -> RouteRules.path(route.path()))
                                .or(() -> routes.add(
                                        route.api().name(), route.method(), route.path(), location.apply(element))))));
        onFunctions(round, FunctionUrl.class, (element, url) -> {});

        declarations(
                round,
                DynamoTable.class,
                table -> Stream.of(
                        ResourceRules.name(table.name()),
                        ResourceRules.keyAttribute("partitionKey", table.partitionKey()),
                        table.sortKey().isEmpty()
                                ? Optional.empty()
                                : ResourceRules.keyAttribute("sortKey", table.sortKey())),
                ResourceKind.TABLE,
                DynamoTable::name,
                table -> table.stream() != StreamView.NONE);
        declarations(
                round,
                S3Bucket.class,
                bucket -> Stream.of(ResourceRules.name(bucket.name())),
                ResourceKind.BUCKET,
                S3Bucket::name,
                bucket -> false);
        declarations(
                round,
                SqsQueue.class,
                queue -> Stream.of(
                        ResourceRules.name(queue.name()), ResourceRules.visibilityTimeout(queue.visibilityTimeout())),
                ResourceKind.QUEUE,
                SqsQueue::name,
                queue -> false);
        declarations(
                round,
                SnsTopic.class,
                topic -> Stream.of(ResourceRules.name(topic.name())),
                ResourceKind.TOPIC,
                SnsTopic::name,
                topic -> false);
        declarations(
                round,
                KinesisStream.class,
                stream -> Stream.of(ResourceRules.name(stream.name()), ResourceRules.shards(stream.shards())),
                ResourceKind.STREAM,
                KinesisStream::name,
                stream -> false);

        for (Element element : round.getElementsAnnotatedWith(SpartaLambda.class)) {
            String onFailure = element.getAnnotation(SpartaLambda.class).onFailure();
            if (ResourceRules.isArn(onFailure)) {
                report(element, SpartaLambda.class, Stream.of(ResourceRules.onFailureArn(onFailure)));
            } else if (!onFailure.isEmpty()) {
                resources.refer(
                        onFailure,
                        List.of(ResourceKind.QUEUE, ResourceKind.TOPIC),
                        false,
                        "@SpartaLambda onFailure",
                        new Site(element, mirror(element, SpartaLambda.class)));
            }
        }
        onFunctions(
                round,
                Grant.class,
                (element, grant) -> resources.refer(
                        grant.resource(), ANY, false, "@Grant", new Site(element, mirror(element, Grant.class))));
        onFunctions(
                round,
                Allow.class,
                (element, allow) -> report(
                        element,
                        Allow.class,
                        Stream.of(ResourceRules.statement(List.of(allow.actions()), List.of(allow.resources())))));
        onFunctions(round, S3Trigger.class, (element, trigger) -> {
            reference(element, S3Trigger.class, ResourceKind.BUCKET, "bucket", trigger.bucket(), false);
            report(element, S3Trigger.class, Stream.of(ResourceRules.s3Events(List.of(trigger.events()))));
        });
        onFunctions(round, SnsTrigger.class, (element, trigger) -> {
            reference(element, SnsTrigger.class, ResourceKind.TOPIC, "topic", trigger.topic(), false);
            report(
                    element,
                    SnsTrigger.class,
                    Stream.of(ResourceRules.jsonObject("filterPolicy", trigger.filterPolicy(), true)));
        });
        onFunctions(round, DynamoDbTrigger.class, (element, trigger) -> {
            reference(element, DynamoDbTrigger.class, ResourceKind.TABLE, "table", trigger.table(), true);
            report(element, DynamoDbTrigger.class, Stream.of(ResourceRules.streamBatch(trigger.batchSize())));
        });
        onFunctions(round, KinesisTrigger.class, (element, trigger) -> {
            reference(element, KinesisTrigger.class, ResourceKind.STREAM, "stream", trigger.stream(), false);
            report(element, KinesisTrigger.class, Stream.of(ResourceRules.streamBatch(trigger.batchSize())));
        });
        onFunctions(
                round,
                EventRule.class,
                (element, rule) -> report(
                        element,
                        EventRule.class,
                        Stream.of(ResourceRules.jsonObject("pattern", rule.pattern(), false)
                                .or(() -> ScheduleRules.description(rule.description())))));
        onFunctions(
                round,
                LogSubscription.class,
                (element, subscription) -> report(
                        element, LogSubscription.class, Stream.of(ResourceRules.logGroup(subscription.logGroup()))));

        // Reported while the sources' positions are at hand: javac has none left for them in the final round.
        if (!round.getRootElements().isEmpty()) {
            resources
                    .unresolved()
                    .forEach(problem -> messager.printMessage(
                            Diagnostic.Kind.ERROR,
                            problem.message(),
                            problem.where().element(),
                            problem.where().mirror()));
        }
    }

    private <A extends Annotation> void declarations(
            RoundEnvironment round,
            Class<A> type,
            Function<A, Stream<Optional<String>>> checks,
            ResourceKind kind,
            Function<A, String> name,
            Predicate<A> hasStream) {
        for (Element element : annotated(round, type)) {
            for (A declaration : element.getAnnotationsByType(type)) {
                report(element, type, checks.apply(declaration));
                resources
                        .declare(
                                kind,
                                name.apply(declaration),
                                hasStream.test(declaration),
                                new Site(element, mirror(element, type)),
                                ((TypeElement) element).getQualifiedName().toString())
                        .ifPresent(problem -> error(element, type, problem));
            }
        }
    }

    /**
     * Runs a check on each use of an annotation that only means something beside {@code @SpartaLambda}, each
     * element's missing {@code @SpartaLambda} reported before its own problems.
     */
    private <A extends Annotation> void onFunctions(
            RoundEnvironment round, Class<A> type, BiConsumer<Element, A> check) {
        for (Element element : annotated(round, type)) {
            if (element.getAnnotation(SpartaLambda.class) == null) {
                messager.printMessage(
                        Diagnostic.Kind.ERROR,
                        "@" + type.getSimpleName() + " needs @SpartaLambda on the same class or method",
                        element,
                        mirror(element, type));
            }
            for (A annotation : element.getAnnotationsByType(type)) {
                check.accept(element, annotation);
            }
        }
    }

    /** A declared resource's name, resolved with the others; or an existing resource's ARN, checked here. */
    private void reference(
            Element element,
            Class<? extends Annotation> type,
            ResourceKind kind,
            String attribute,
            String value,
            boolean needsStream) {
        if (ResourceRules.isArn(value)) {
            report(element, type, Stream.of(ResourceRules.existingArn(kind, attribute, value)));
        } else {
            resources.refer(
                    value,
                    List.of(kind),
                    needsStream,
                    "@" + type.getSimpleName(),
                    new Site(element, mirror(element, type)));
        }
    }

    private static List<? extends Element> annotated(RoundEnvironment round, Class<? extends Annotation> type) {
        Repeatable repeatable = type.getAnnotation(Repeatable.class);
        Set<Class<? extends Annotation>> types = repeatable == null ? Set.of(type) : Set.of(type, repeatable.value());
        return List.copyOf(round.getElementsAnnotatedWithAny(types));
    }

    private void report(Element element, Class<? extends Annotation> type, Stream<Optional<String>> problems) {
        problems.flatMap(Optional::stream).forEach(message -> error(element, type, message));
    }

    private void error(Element element, Class<? extends Annotation> type, String message) {
        messager.printMessage(
                Diagnostic.Kind.ERROR, "@" + type.getSimpleName() + ": " + message, element, mirror(element, type));
    }

    /** The annotation on the element, or the container javac wrote when it was repeated; where errors point. */
    static AnnotationMirror mirror(Element element, Class<? extends Annotation> type) {
        Repeatable repeatable = type.getAnnotation(Repeatable.class);
        String container = repeatable == null ? null : repeatable.value().getCanonicalName();
        return element.getAnnotationMirrors().stream()
                .filter(m -> {
                    String name = ((TypeElement) m.getAnnotationType().asElement())
                            .getQualifiedName()
                            .toString();
                    return name.equals(type.getCanonicalName()) || name.equals(container);
                })
                .findFirst()
                .orElse(null);
    }
}
