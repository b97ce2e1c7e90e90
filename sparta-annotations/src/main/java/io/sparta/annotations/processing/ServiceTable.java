package io.sparta.annotations.processing;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.AuthorizerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ServiceRules} needs from the declarations of a service, noted as each annotation is checked, so a rule
 * between two declarations (a queue and the function it feeds, two notifications of one bucket) is applied once both
 * are read.
 *
 * @param <W> where a fact was declared, for reporting: a source element or a class name
 */
public final class ServiceTable<W> {

    /** One thing a declaration says that a rule between declarations reads. */
    public sealed interface Fact {}

    /**
     * A function's timeout.
     *
     * @param function the class or method, such as {@code acme.Orders#place}
     */
    public record Function(String function, int timeout) implements Fact {}

    /**
     * A declared queue.
     *
     * @param where the declaring class, for the message
     */
    public record Queue(String name, int visibilityTimeout, boolean fifo, String deadLetterQueue, String where)
            implements Fact {}

    /** A declared topic. */
    public record Topic(String name, boolean fifo) implements Fact {}

    /** A function fed by a queue, a declared one's name or an existing one's ARN. */
    public record QueueConsumer(String function, String queue, int batchSize, int batchingWindowSeconds)
            implements Fact {}

    /** A function subscribed to a topic, a declared one's name or an existing one's ARN. */
    public record TopicSubscriber(String function, String topic) implements Fact {}

    /**
     * Where a function's failed invocations or a mapping's failed records go: a declared queue's or topic's name,
     * or an ARN.
     *
     * @param label the annotation that says so, such as {@code @DynamoDbTrigger}
     */
    public record FailureDestination(String function, String label, String destination) implements Fact {}

    /**
     * A function fed by a Kinesis or DynamoDB stream.
     *
     * @param label {@code @KinesisTrigger} or {@code @DynamoDbTrigger}
     * @param attribute the attribute naming the source: {@code stream} or {@code table}
     */
    public record StreamConsumer(String function, String label, String attribute, String source) implements Fact {}

    /** A function notified of a bucket's events. */
    public record BucketNotification(String function, String bucket, List<String> events, String prefix, String suffix)
            implements Fact {
        public BucketNotification {
            events = List.copyOf(events);
        }
    }

    /**
     * A function by its name in the service.
     *
     * @param customResourceHandler whether its class extends {@link CustomResourceRules#HANDLER_CLASS}
     */
    public record NamedFunction(String name, boolean customResourceHandler) implements Fact {}

    /** A custom resource and the function named to handle it. */
    public record CustomResourceHandler(String resource, String function) implements Fact {}

    /** A function subscribed to a log group. */
    public record LogSubscriber(String function, String logGroup) implements Fact {}

    /**
     * A declared authorizer.
     *
     * @param function the function a Lambda authorizer calls; empty for the other types
     */
    public record DeclaredAuthorizer(String name, AuthorizerType type, String function) implements Fact {}

    /**
     * A route that names a declared authorizer (not {@code AWS_IAM}, {@code NONE} or the API's default).
     *
     * @param function the class or method declaring the route, for the message
     * @param route its method and path, such as {@code GET /orders}
     */
    public record RouteAuthorization(String function, String route, ApiKind api, String authorizer, List<String> scopes)
            implements Fact {
        public RouteAuthorization {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * A function of the service named as another's CodeDeploy hook.
     *
     * @param function the class or method declaring the hook, for the message
     * @param attribute {@code preTrafficHook} or {@code postTrafficHook}
     */
    public record TrafficHook(String function, String attribute, String hook) implements Fact {}

    private record Noted<W>(Fact fact, W where) {}

    private final List<Noted<W>> facts = new ArrayList<>();
    private final Set<ResourceTable.Problem<W>> reported = new HashSet<>();

    public void note(Fact fact, W where) {
        facts.add(new Noted<>(fact, where));
    }

    /** Each problem between the facts noted so far that was not returned before, at the later declaration. */
    public List<ResourceTable.Problem<W>> problems() {
        List<ResourceTable.Problem<W>> problems = new ArrayList<>();
        Map<String, Integer> timeouts = new HashMap<>();
        Map<String, Queue> queues = new HashMap<>();
        Map<String, Boolean> handlers = new java.util.TreeMap<>();
        Set<String> fifoTopics = new HashSet<>();
        for (Noted<W> noted : facts) {
            if (noted.fact() instanceof NamedFunction function) {
                handlers.put(function.name(), function.customResourceHandler());
            } else if (noted.fact() instanceof Function function) {
                timeouts.put(function.function(), function.timeout());
            } else if (noted.fact() instanceof Queue queue) {
                queues.putIfAbsent(queue.name(), queue);
            } else if (noted.fact() instanceof Topic topic && topic.fifo()) {
                fifoTopics.add(topic.name());
            }
        }
        Map<String, DeclaredAuthorizer> authorizers = new java.util.TreeMap<>();
        for (Noted<W> noted : facts) {
            if (noted.fact() instanceof DeclaredAuthorizer authorizer
                    && authorizers.putIfAbsent(authorizer.name(), authorizer) != null) {
                add(
                        problems,
                        noted,
                        "@Authorizer(name = \"" + authorizer.name() + "\") is declared twice; each"
                                + " authorizer's name is declared once in the service");
            }
        }
        Set<String> mappings = new HashSet<>();
        List<Noted<W>> notifications = new ArrayList<>();
        Map<String, List<Noted<W>>> subscribers = new LinkedHashMap<>();
        for (Noted<W> noted : facts) {
            Fact fact = noted.fact();
            if (fact instanceof QueueConsumer consumer) {
                if (!mappings.add(consumer.function() + " " + consumer.queue())) {
                    add(problems, noted, ServiceRules.duplicateMapping("@SqsTrigger", "queue", consumer.queue()));
                }
                Queue queue = queues.get(consumer.queue());
                Integer timeout = timeouts.get(consumer.function());
                if (queue != null
                        && queue.fifo()
                        && QueueRules.batch(
                                        consumer.queue(), false, consumer.batchSize(), consumer.batchingWindowSeconds())
                                .isEmpty()) {
                    QueueRules.batch(consumer.queue(), true, consumer.batchSize(), consumer.batchingWindowSeconds())
                            .ifPresent(message -> add(problems, noted, "@SqsTrigger: " + message));
                }
                if (queue != null && timeout != null) {
                    ServiceRules.queueVisibility(
                                    queue.name(),
                                    queue.where(),
                                    queue.visibilityTimeout(),
                                    timeout,
                                    consumer.batchingWindowSeconds())
                            .ifPresent(message -> add(problems, noted, message));
                }
            } else if (fact instanceof Queue queue && queues.containsKey(queue.deadLetterQueue())) {
                Queue deadLetter = queues.get(queue.deadLetterQueue());
                ServiceRules.deadLetterQueue(queue.name(), queue.fifo(), deadLetter.name(), deadLetter.fifo())
                        .ifPresent(message ->
                                add(problems, noted, "@SqsQueue(name = \"" + queue.name() + "\"): " + message));
            } else if (fact instanceof TopicSubscriber subscriber && fifoTopics.contains(subscriber.topic())) {
                add(problems, noted, "@SnsTrigger: " + ResourceRules.fifoTopicTrigger(subscriber.topic()));
            } else if (fact instanceof FailureDestination failure) {
                Queue queue = queues.get(failure.destination());
                if ((queue != null && queue.fifo()) || fifoTopics.contains(failure.destination())) {
                    add(
                            problems,
                            noted,
                            failure.label() + ": "
                                    + ResourceRules.fifoDestination(failure.destination(), queue != null));
                }
            } else if (fact instanceof StreamConsumer consumer) {
                if (!mappings.add(consumer.function() + " " + consumer.label() + " " + consumer.source())) {
                    add(
                            problems,
                            noted,
                            ServiceRules.duplicateMapping(consumer.label(), consumer.attribute(), consumer.source()));
                }
            } else if (fact instanceof BucketNotification notification) {
                for (Noted<W> earlier : notifications) {
                    BucketNotification other = (BucketNotification) earlier.fact();
                    if (other.bucket().equals(notification.bucket())) {
                        overlap(notification, other).ifPresent(message -> add(problems, noted, message));
                    }
                }
                notifications.add(noted);
            } else if (fact instanceof CustomResourceHandler use
                    && !Boolean.TRUE.equals(handlers.get(use.function()))) {
                add(
                        problems,
                        noted,
                        CustomResourceRules.handler(
                                use.resource(),
                                use.function(),
                                handlers.containsKey(use.function()),
                                handlers.entrySet().stream()
                                        .filter(Map.Entry::getValue)
                                        .map(Map.Entry::getKey)
                                        .toList()));
            } else if (fact instanceof DeclaredAuthorizer authorizer
                    && authorizer.type() == AuthorizerType.LAMBDA
                    && !authorizer.function().isEmpty()
                    && !handlers.containsKey(authorizer.function())) {
                add(
                        problems,
                        noted,
                        unknownFunction(
                                "@Authorizer(name = \"" + authorizer.name() + "\"): function",
                                authorizer.function(),
                                handlers.keySet()));
            } else if (fact instanceof TrafficHook hook && !handlers.containsKey(hook.hook())) {
                add(
                        problems,
                        noted,
                        unknownFunction(FunctionRules.labelled(hook.attribute()), hook.hook(), handlers.keySet()));
            } else if (fact instanceof RouteAuthorization route) {
                String label = "authorizer = \"" + route.authorizer() + "\"";
                DeclaredAuthorizer authorizer = authorizers.get(route.authorizer());
                if (authorizer == null) {
                    add(
                            problems,
                            noted,
                            "@HttpRoute: " + route.route() + ": "
                                    + AuthorizerRules.unknown(label, authorizers.keySet()));
                } else {
                    AuthorizerRules.route(label, route.api(), route.authorizer(), authorizer.type(), route.scopes())
                            .ifPresent(
                                    message -> add(problems, noted, "@HttpRoute: " + route.route() + ": " + message));
                }
            } else if (fact instanceof LogSubscriber subscriber) {
                subscribers
                        .computeIfAbsent(subscriber.logGroup(), group -> new ArrayList<>())
                        .add(noted);
            }
        }
        subscribers.forEach((logGroup, subscribed) -> ServiceRules.subscriptionFilters(
                        logGroup,
                        subscribed.stream()
                                .map(each -> ((LogSubscriber) each.fact()).function())
                                .toList())
                .ifPresent(message -> subscribed
                        .subList(ServiceRules.SUBSCRIPTION_FILTERS_MAX, subscribed.size())
                        .forEach(each -> add(problems, each, message))));
        return problems;
    }

    private static Optional<String> overlap(BucketNotification notification, BucketNotification other) {
        return ServiceRules.s3Overlap(
                notification.bucket(),
                notification.events(),
                notification.prefix(),
                notification.suffix(),
                other.function(),
                other.events(),
                other.prefix(),
                other.suffix());
    }

    /** An attribute naming a function the service does not have, with the names it has. */
    private static String unknownFunction(String attribute, String name, Set<String> functions) {
        return attribute + " = \"" + name + "\" names no @SpartaLambda function of this service; functions: "
                + functions;
    }

    private void add(List<ResourceTable.Problem<W>> problems, Noted<W> noted, String message) {
        ResourceTable.Problem<W> problem = new ResourceTable.Problem<>(noted.where(), message);
        if (reported.add(problem)) {
            problems.add(problem);
        }
    }
}
