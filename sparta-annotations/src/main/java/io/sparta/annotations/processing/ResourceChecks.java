package io.sparta.annotations.processing;

import io.sparta.annotations.Allow;
import io.sparta.annotations.DynamoDbTrigger;
import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.EventRule;
import io.sparta.annotations.Grant;
import io.sparta.annotations.KinesisStream;
import io.sparta.annotations.KinesisTrigger;
import io.sparta.annotations.LogSubscription;
import io.sparta.annotations.S3Bucket;
import io.sparta.annotations.S3Trigger;
import io.sparta.annotations.SnsTopic;
import io.sparta.annotations.SnsTrigger;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.SqsTrigger;
import io.sparta.annotations.StreamView;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The processor's checks of declared resources, grants, raw statements and the triggers that read resources, and,
 * once every round is done, of references to resources nobody declared.
 */
final class ResourceChecks {

    private static final List<ResourceKind> ANY = List.of(ResourceKind.values());

    private final Messager messager;
    private final ResourceTable<Site> resources = new ResourceTable<>();

    /** An annotation on an element: where a reference's error belongs. */
    private record Site(Element element, AnnotationMirror mirror) {}

    ResourceChecks(Messager messager) {
        this.messager = messager;
    }

    void round(RoundEnvironment round) {
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
                table -> table.name(),
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
                report(element, SpartaLambda.class, ResourceRules.onFailureArn(onFailure));
            } else if (!onFailure.isEmpty()) {
                resources.refer(
                        onFailure,
                        List.of(ResourceKind.QUEUE, ResourceKind.TOPIC),
                        false,
                        "@SpartaLambda onFailure",
                        new Site(element, mirror(element, SpartaLambda.class)));
            }
        }
        for (Element element : onFunctions(round, Grant.class)) {
            for (Grant grant : element.getAnnotationsByType(Grant.class)) {
                resources.refer(
                        grant.resource(), ANY, false, "@Grant", new Site(element, mirror(element, Grant.class)));
            }
        }
        for (Element element : onFunctions(round, Allow.class)) {
            for (Allow allow : element.getAnnotationsByType(Allow.class)) {
                report(
                        element,
                        Allow.class,
                        ResourceRules.statement(List.of(allow.actions()), List.of(allow.resources())));
            }
        }
        for (Element element : annotated(round, SqsTrigger.class)) {
            for (SqsTrigger trigger : element.getAnnotationsByType(SqsTrigger.class)) {
                if (!ResourceRules.isArn(trigger.queue())) {
                    resources.refer(
                            trigger.queue(),
                            List.of(ResourceKind.QUEUE),
                            false,
                            "@SqsTrigger",
                            new Site(element, mirror(element, SqsTrigger.class)));
                }
            }
        }
        for (Element element : onFunctions(round, S3Trigger.class)) {
            for (S3Trigger trigger : element.getAnnotationsByType(S3Trigger.class)) {
                reference(element, S3Trigger.class, ResourceKind.BUCKET, "bucket", trigger.bucket(), false);
                report(element, S3Trigger.class, ResourceRules.s3Events(List.of(trigger.events())));
            }
        }
        for (Element element : onFunctions(round, SnsTrigger.class)) {
            for (SnsTrigger trigger : element.getAnnotationsByType(SnsTrigger.class)) {
                reference(element, SnsTrigger.class, ResourceKind.TOPIC, "topic", trigger.topic(), false);
                report(
                        element,
                        SnsTrigger.class,
                        ResourceRules.jsonObject("filterPolicy", trigger.filterPolicy(), true));
            }
        }
        for (Element element : onFunctions(round, DynamoDbTrigger.class)) {
            for (DynamoDbTrigger trigger : element.getAnnotationsByType(DynamoDbTrigger.class)) {
                reference(element, DynamoDbTrigger.class, ResourceKind.TABLE, "table", trigger.table(), true);
                report(element, DynamoDbTrigger.class, ResourceRules.streamBatch(trigger.batchSize()));
            }
        }
        for (Element element : onFunctions(round, KinesisTrigger.class)) {
            for (KinesisTrigger trigger : element.getAnnotationsByType(KinesisTrigger.class)) {
                reference(element, KinesisTrigger.class, ResourceKind.STREAM, "stream", trigger.stream(), false);
                report(element, KinesisTrigger.class, ResourceRules.streamBatch(trigger.batchSize()));
            }
        }
        for (Element element : onFunctions(round, EventRule.class)) {
            for (EventRule rule : element.getAnnotationsByType(EventRule.class)) {
                report(
                        element,
                        EventRule.class,
                        ResourceRules.jsonObject("pattern", rule.pattern(), false)
                                .or(() -> ScheduleRules.description(rule.description())));
            }
        }
        for (Element element : onFunctions(round, LogSubscription.class)) {
            for (LogSubscription subscription : element.getAnnotationsByType(LogSubscription.class)) {
                report(element, LogSubscription.class, ResourceRules.logGroup(subscription.logGroup()));
            }
        }
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
            java.util.function.Function<A, Stream<Optional<String>>> checks,
            ResourceKind kind,
            java.util.function.Function<A, String> name,
            java.util.function.Predicate<A> hasStream) {
        for (Element element : annotated(round, type)) {
            for (A declaration : element.getAnnotationsByType(type)) {
                checks.apply(declaration).flatMap(Optional::stream).forEach(problem -> error(element, type, problem));
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

    private void reference(
            Element element,
            Class<? extends Annotation> type,
            ResourceKind kind,
            String attribute,
            String value,
            boolean needsStream) {
        if (ResourceRules.isArn(value)) {
            report(element, type, ResourceRules.existingArn(kind, attribute, value));
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
        Class<? extends Annotation> container =
                type.getAnnotation(java.lang.annotation.Repeatable.class).value();
        return List.copyOf(round.getElementsAnnotatedWithAny(java.util.Set.of(type, container)));
    }

    /** The elements carrying an annotation that only means something beside @SpartaLambda. */
    private List<? extends Element> onFunctions(RoundEnvironment round, Class<? extends Annotation> type) {
        List<? extends Element> elements = annotated(round, type);
        elements.stream()
                .filter(element -> element.getAnnotation(SpartaLambda.class) == null)
                .forEach(element -> messager.printMessage(
                        Diagnostic.Kind.ERROR,
                        "@" + type.getSimpleName() + " needs @SpartaLambda on the same class or method",
                        element,
                        mirror(element, type)));
        return elements;
    }

    private void report(Element element, Class<? extends Annotation> type, Optional<String> problem) {
        problem.ifPresent(message -> error(element, type, message));
    }

    private void error(Element element, Class<? extends Annotation> type, String message) {
        messager.printMessage(
                Diagnostic.Kind.ERROR, "@" + type.getSimpleName() + ": " + message, element, mirror(element, type));
    }

    private static AnnotationMirror mirror(Element element, Class<? extends Annotation> type) {
        java.lang.annotation.Repeatable repeatable = type.getAnnotation(java.lang.annotation.Repeatable.class);
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
