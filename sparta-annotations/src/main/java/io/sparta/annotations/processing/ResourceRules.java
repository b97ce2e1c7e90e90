package io.sparta.annotations.processing;

import io.sparta.annotations.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What AWS accepts for declared resources, the ARNs of existing ones, and triggers' settings. */
public final class ResourceRules {

    public static final int NAME_MAX = 32;
    public static final int VISIBILITY_TIMEOUT_MAX = 43_200;
    public static final int SHARDS_MAX = 500;
    public static final int STREAM_BATCH_MAX = 10_000;
    public static final int RETRY_ATTEMPTS_MAX = 10_000;
    public static final int MAX_RECEIVE_COUNT_MAX = 1_000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final String PSEUDO = "(?:\\$\\{AWS::(?:Partition|Region|AccountId)})";
    private static final String PARTITION = "(?:aws[a-z-]*|" + PSEUDO + ")";
    private static final String REGION = "(?:[a-z0-9-]+|" + PSEUDO + ")";
    private static final String ACCOUNT = "(?:\\d{12}|" + PSEUDO + ")";
    private static final Pattern BUCKET_ARN =
            Pattern.compile("arn:" + PARTITION + ":s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern TOPIC_ARN = Pattern.compile(
            "arn:" + PARTITION + ":sns:" + REGION + ":" + ACCOUNT + ":[A-Za-z0-9_-]{1,256}(?:\\.fifo)?");
    private static final Pattern TABLE_STREAM_ARN = Pattern.compile("arn:" + PARTITION + ":dynamodb:" + REGION + ":"
            + ACCOUNT + ":table/[A-Za-z0-9_.-]{3,255}/stream/[A-Za-z0-9:._-]+");
    private static final Pattern KINESIS_ARN = Pattern.compile(
            "arn:" + PARTITION + ":kinesis:" + REGION + ":" + ACCOUNT + ":stream/[A-Za-z0-9_.-]{1,128}");
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+|\\*");
    private static final Set<String> S3_EVENTS = Set.of(
            "s3:ObjectCreated:*",
            "s3:ObjectCreated:Put",
            "s3:ObjectCreated:Post",
            "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:*",
            "s3:ObjectRemoved:Delete",
            "s3:ObjectRemoved:DeleteMarkerCreated",
            "s3:ObjectRestore:*",
            "s3:ObjectRestore:Post",
            "s3:ObjectRestore:Completed",
            "s3:ObjectRestore:Delete",
            "s3:ObjectTagging:*",
            "s3:ObjectTagging:Put",
            "s3:ObjectTagging:Delete",
            "s3:ObjectAcl:Put",
            "s3:LifecycleExpiration:*",
            "s3:LifecycleTransition",
            "s3:IntelligentTiering",
            "s3:Replication:*",
            "s3:ReducedRedundancyLostObject");

    private ResourceRules() {}

    public static Optional<String> name(String name) {
        return NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("name = \"" + name + "\" must be 1 to " + NAME_MAX
                        + " lower-case letters, digits or '-', starting with a letter");
    }

    /** Whether a trigger's reference names an existing resource by ARN rather than a declared one by name. */
    public static boolean isArn(String reference) {
        return reference.startsWith("arn:");
    }

    /** @param attribute the trigger attribute holding the reference, for the message */
    public static Optional<String> existingArn(ResourceKind kind, String attribute, String arn) {
        Optional<String> wildcard = wildcardArn(kind, attribute, arn);
        if (wildcard.isPresent()) {
            return wildcard;
        }
        Pattern pattern = switch (kind) {
            case BUCKET -> BUCKET_ARN;
            case TOPIC -> TOPIC_ARN;
            case TABLE -> TABLE_STREAM_ARN;
            case STREAM -> KINESIS_ARN;
            case QUEUE, CUSTOM -> null;
        };
        if (pattern == null) {
            return QueueRules.queue(arn);
        }
        return pattern.matcher(arn).matches()
                ? Optional.empty()
                : Optional.of(attribute + " = \"" + arn + "\" is neither a declared " + kind.annotation()
                        + "'s name nor an ARN like " + example(kind));
    }

    private static String example(ResourceKind kind) {
        return switch (kind) {
            case BUCKET -> "arn:aws:s3:::BUCKET";
            case TOPIC -> "arn:aws:sns:REGION:ACCOUNT:TOPIC";
            case TABLE -> "arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL";
            case STREAM -> "arn:aws:kinesis:REGION:ACCOUNT:stream/STREAM";
            case QUEUE -> "arn:aws:sqs:REGION:ACCOUNT:QUEUE";
            case CUSTOM -> "(none: a custom resource is named, never given by ARN)";
        };
    }

    /**
     * A trigger's source is one resource, named by its exact ARN: Lambda's mappings, SNS subscriptions and S3
     * notifications take no wildcard, unlike IAM policies, so an ARN with {@code *} or {@code ?} names nothing.
     */
    private static Optional<String> wildcardArn(ResourceKind kind, String attribute, String arn) {
        if (arn.indexOf('*') < 0 && arn.indexOf('?') < 0) {
            return Optional.empty();
        }
        String fix = kind == ResourceKind.TABLE
                ? "write the stream's own ARN, whose label is the time the stream was enabled (such as"
                        + " 2024-01-01T00:00:00.000; aws dynamodbstreams list-streams --table-name TABLE lists it)"
                : "write the ARN of one " + kind.name().toLowerCase(java.util.Locale.ROOT) + ", like " + example(kind)
                        + ", and one trigger per " + kind.name().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(attribute + " = \"" + arn + "\" holds a wildcard, but AWS reads a trigger's source as one"
                + " exact ARN (wildcards work in IAM policies, not here); " + fix);
    }

    /**
     * An on-failure destination given by ARN: a standard SQS queue or SNS topic; Lambda's destinations take no FIFO
     * queue or topic. See
     * <a href="https://docs.aws.amazon.com/lambda/latest/api/API_DestinationConfig.html">DestinationConfig</a>.
     */
    public static Optional<String> onFailureArn(String arn) {
        if (arn.indexOf('*') >= 0 || arn.indexOf('?') >= 0) {
            return Optional.of("onFailure = \"" + arn + "\" holds a wildcard, but a destination is one queue or topic,"
                    + " by its exact ARN; write the ARN of one, like arn:aws:sqs:REGION:ACCOUNT:QUEUE");
        }
        if (!(QueueRules.queue(arn).isEmpty() || TOPIC_ARN.matcher(arn).matches())) {
            return Optional.of("onFailure = \"" + arn + "\" is neither a declared @SqsQueue's or @SnsTopic's name nor"
                    + " an SQS queue's or SNS topic's ARN");
        }
        return arn.endsWith(".fifo") ? Optional.of(fifoDestination(arn, arn.contains(":sqs:"))) : Optional.empty();
    }

    /**
     * Lambda's on-failure destinations, of asynchronous invocations and of stream mappings alike, take a standard
     * queue or topic only.
     *
     * @param destination the declared resource's name or the ARN, as written
     */
    public static String fifoDestination(String destination, boolean queue) {
        return "onFailure = \"" + destination + "\" is a FIFO " + (queue ? "queue" : "topic") + ", but Lambda sends"
                + " failed invocations and records only to a standard SQS queue or SNS topic; name a standard one";
    }

    /** What a maximum retry count of a stream mapping may be: -1 (until the records expire), or 0 to 10000. */
    public static Optional<String> maximumRetryAttempts(int attempts) {
        return attempts < -1 || attempts > RETRY_ATTEMPTS_MAX
                ? Optional.of("maximumRetryAttempts = " + attempts + " is out of range; allowed 0 to "
                        + RETRY_ATTEMPTS_MAX + ", or -1 to retry until the records expire")
                : Optional.empty();
    }

    /**
     * A queue's own settings: content-based deduplication is a FIFO queue's, a dead-letter queue is another queue,
     * and {@code maxReceiveCount} is 1 to 1000. See
     * <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html">SetQueueAttributes</a>.
     *
     * @return each problem, with the attribute it concerns
     */
    public static List<Map.Entry<String, String>> queueSettings(
            String name, boolean fifo, boolean contentBasedDeduplication, String deadLetterQueue, int maxReceiveCount) {
        List<Map.Entry<String, String>> problems = new java.util.ArrayList<>();
        if (contentBasedDeduplication && !fifo) {
            problems.add(Map.entry(
                    "contentBasedDeduplication",
                    "contentBasedDeduplication = true on a standard queue; SQS deduplicates FIFO queues only: set"
                            + " fifo = true, or remove contentBasedDeduplication"));
        }
        if (deadLetterQueue.equals(name)) {
            problems.add(Map.entry(
                    "deadLetterQueue",
                    "deadLetterQueue = \"" + name + "\" is the queue itself; declare another @SqsQueue to hold the"
                            + " messages that fail, such as @SqsQueue(name = \"" + deadLetterName(name) + "\""
                            + (fifo ? ", fifo = true" : "")
                            + ")"));
        }
        if (maxReceiveCount < 1 || maxReceiveCount > MAX_RECEIVE_COUNT_MAX) {
            problems.add(Map.entry(
                    "maxReceiveCount",
                    "maxReceiveCount = " + maxReceiveCount + " is out of range; allowed 1 to "
                            + MAX_RECEIVE_COUNT_MAX));
        }
        return problems;
    }

    private static String deadLetterName(String name) {
        String suffix = "-failed";
        return name.length() + suffix.length() <= NAME_MAX ? name + suffix : "failed";
    }

    /** A topic's own settings: content-based deduplication is a FIFO topic's. */
    public static Optional<String> topicSettings(boolean fifo, boolean contentBasedDeduplication) {
        return contentBasedDeduplication && !fifo
                ? Optional.of("contentBasedDeduplication = true on a standard topic; SNS deduplicates FIFO topics"
                        + " only: set fifo = true, or remove contentBasedDeduplication")
                : Optional.empty();
    }

    /**
     * SNS FIFO topics deliver to SQS queues only, so Lambda cannot subscribe to one. See
     * <a href="https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html">Message delivery in SNS FIFO
     * topics</a>.
     */
    public static Optional<String> lambdaTopic(String topic) {
        return isArn(topic) && topic.endsWith(".fifo") ? Optional.of(fifoTopicTrigger(topic)) : Optional.empty();
    }

    /** @param topic a declared FIFO topic's name or a FIFO topic's ARN */
    public static String fifoTopicTrigger(String topic) {
        return "topic = \"" + topic + "\" is an SNS FIFO topic, which delivers only to SQS queues, not to Lambda:"
                + " subscribe an SQS FIFO queue to the topic and feed the function from that queue with @SqsTrigger";
    }

    public static Optional<String> visibilityTimeout(int seconds) {
        return seconds < 0 || seconds > VISIBILITY_TIMEOUT_MAX
                ? Optional.of("visibilityTimeout = " + seconds + " is out of range; allowed 0 to "
                        + VISIBILITY_TIMEOUT_MAX + " (seconds)")
                : Optional.empty();
    }

    public static Optional<String> shards(int shards) {
        return shards < 1 || shards > SHARDS_MAX
                ? Optional.of("shards = " + shards + " is out of range; allowed 1 to " + SHARDS_MAX)
                : Optional.empty();
    }

    public static Optional<String> streamBatch(int batchSize) {
        return batchSize < 1 || batchSize > STREAM_BATCH_MAX
                ? Optional.of("batchSize = " + batchSize + " is out of range; allowed 1 to " + STREAM_BATCH_MAX)
                : Optional.empty();
    }

    public static Optional<String> keyAttribute(String attribute, String value) {
        return value.isEmpty() || value.length() > 255
                ? Optional.of(attribute + " = \"" + value + "\" must be 1 to 255 characters")
                : Optional.empty();
    }

    public static Optional<String> s3Events(List<String> events) {
        if (events.isEmpty()) {
            return Optional.of("events is empty; name at least one, such as s3:ObjectCreated:*");
        }
        return events.stream()
                .filter(event -> !S3_EVENTS.contains(event))
                .findFirst()
                .map(event -> "events: \"" + event + "\" is not an S3 event type, such as s3:ObjectCreated:* or"
                        + " s3:ObjectRemoved:Delete");
    }

    /**
     * S3 matches a notification's prefix and suffix literally: a {@code *} or {@code ?} never matches anything, so
     * the trigger would never fire. See
     * <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html">Configuring
     * event notifications using object key name filtering</a>.
     */
    public static Optional<String> s3KeyFilter(String attribute, String value) {
        if (value.indexOf('*') < 0 && value.indexOf('?') < 0) {
            return Optional.empty();
        }
        String literal = attribute.equals("suffix")
                ? value.substring(value.lastIndexOf('*') + 1).replace("?", "")
                : value.substring(0, value.indexOf('*') < 0 ? value.indexOf('?') : value.indexOf('*'));
        return Optional.of(attribute + " = \"" + value + "\" holds a wildcard, but S3 matches " + attribute + "es"
                + " literally, so the trigger would never fire; write " + attribute + " = \"" + literal + "\"");
    }

    public static Optional<String> logGroup(String name) {
        if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
            return Optional.of("logGroup = \"" + name + "\" holds a wildcard, but a subscription filter belongs to"
                    + " one log group, named exactly; declare one @LogSubscription per log group, such as logGroup ="
                    + " \"/aws/lambda/orders\"");
        }
        return LOG_GROUP.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("logGroup = \"" + name + "\" is not a log group name (1 to 512 of letters, digits and"
                        + " ._-/#)");
    }

    /**
     * An SNS filter policy: JSON whose strings SNS compares exactly; it has no wildcard, so {@code "order-*"} only
     * matches that very text. See
     * <a href="https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html">String value matching</a>.
     */
    public static Optional<String> filterPolicy(String policy) {
        return jsonObject("filterPolicy", policy, true)
                .or(() -> JsonText.strings(policy).stream()
                        .filter(string -> hasWildcard(string.value()))
                        .findFirst()
                        .map(string -> "filterPolicy matches \"" + string.value() + "\" exactly, since SNS has no"
                                + " wildcards; " + snsForm(string.value())));
    }

    private static String snsForm(String value) {
        int first = value.indexOf('*');
        if (first == value.length() - 1) {
            return "write {\"prefix\": \"" + value.substring(0, first) + "\"} to match what starts with it";
        }
        if (first == 0 && value.lastIndexOf('*') == 0) {
            return "write {\"suffix\": \"" + value.substring(1) + "\"} to match what ends with it";
        }
        return "match a part with {\"prefix\": \"...\"} or {\"suffix\": \"...\"}";
    }

    /**
     * An EventBridge event pattern: JSON whose strings EventBridge compares exactly, except in a
     * {@code {"wildcard": ...}} match. See
     * <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html">Content
     * filtering in event patterns</a>.
     */
    public static Optional<String> eventPattern(String pattern) {
        return jsonObject("pattern", pattern, false)
                .or(() -> JsonText.strings(pattern).stream()
                        .filter(string -> !"wildcard".equals(string.member()) && hasWildcard(string.value()))
                        .findFirst()
                        .map(string -> "pattern matches \"" + string.value()
                                + "\" exactly, since EventBridge reads * as a"
                                + " wildcard only in a wildcard match; write {\"wildcard\": \"" + string.value() + "\"}"
                                + (string.value().indexOf('*') == string.value().length() - 1
                                        ? " or {\"prefix\": \""
                                                + string.value()
                                                        .substring(
                                                                0,
                                                                string.value().length() - 1) + "\"}"
                                        : "")));
    }

    /** An unescaped {@code *} in a JSON string's text, as written between its quotes. */
    private static boolean hasWildcard(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '\\') {
                i++;
            } else if (raw.charAt(i) == '*') {
                return true;
            }
        }
        return false;
    }

    /** A JSON object as text, such as an event pattern or a filter policy, parsed for real. */
    public static Optional<String> jsonObject(String attribute, String json, boolean optional) {
        String trimmed = json.trim();
        if (optional && trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return Optional.of(attribute + " must be a JSON object, such as {\"source\": [\"com.example\"]}");
        }
        return JsonText.problem(json).map(problem -> attribute + " is not valid JSON: " + problem);
    }

    public static Optional<String> statement(List<String> actions, List<String> resources) {
        if (actions.isEmpty() || resources.isEmpty()) {
            return Optional.of("@Allow needs at least one action and one resource");
        }
        return actions.stream()
                .filter(action -> !ACTION.matcher(action).matches())
                .findFirst()
                .map(action -> "@Allow action \"" + action + "\" is not service:Action, such as ses:SendEmail");
    }
}
