package io.sparta.annotations.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules AWS enforces between two declarations of a service, such as a queue and the function it feeds, taking
 * plain values: {@link ServiceTable} applies them to what javac's processor or {@code package} read from the
 * annotations, and the plugin's model validator to a model a hook returned. Each returns the problem in words, or
 * nothing.
 *
 * <p>javac checks them across the classes of one compilation; a declaration compiled on its own (an IDE compiling
 * one file) is not seen there, and {@code package}, which reads every class of the module, checks them again.
 */
public final class ServiceRules {

    /** How many subscription filters CloudWatch Logs allows on one log group. */
    public static final int SUBSCRIPTION_FILTERS_MAX = 2;

    /** The factor of the function's timeout AWS recommends for a queue's visibility timeout. */
    public static final int RECOMMENDED_VISIBILITY_FACTOR = 6;

    private ServiceRules() {}

    /**
     * Lambda refuses an SQS event source mapping whose queue's visibility timeout is below the function's timeout
     * ({@code InvalidParameterValueException: Queue visibility timeout: 30 seconds is less than Function timeout:
     * 120 seconds}). See <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html">Creating
     * and configuring an Amazon SQS event source mapping</a>.
     *
     * @param queueWhere the class that declares the queue, for the message
     */
    public static Optional<String> queueVisibility(
            String queue, String queueWhere, int visibilityTimeout, int functionTimeout, int batchingWindowSeconds) {
        if (visibilityTimeout >= functionTimeout) {
            return Optional.empty();
        }
        int recommended = Math.min(
                ResourceRules.VISIBILITY_TIMEOUT_MAX,
                RECOMMENDED_VISIBILITY_FACTOR * functionTimeout + batchingWindowSeconds);
        return Optional.of("@SqsTrigger(queue = \"" + queue + "\") feeds a function with timeout = " + functionTimeout
                + ", but @SqsQueue(name = \"" + queue + "\") on " + queueWhere + " has visibilityTimeout = "
                + visibilityTimeout + "; Lambda refuses an SQS mapping whose queue's visibility timeout is less than"
                + " the function's timeout (allowed " + functionTimeout + " to " + ResourceRules.VISIBILITY_TIMEOUT_MAX
                + "): declare the queue with visibilityTimeout = " + functionTimeout + " or more (AWS recommends "
                + recommended + ", six times the timeout plus the batching window), or lower the timeout");
    }

    /**
     * SQS moves a FIFO queue's failed messages only to a FIFO queue, and a standard queue's only to a standard one.
     * See <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html">Using
     * dead-letter queues</a>.
     */
    public static Optional<String> deadLetterQueue(
            String queue, boolean fifo, String deadLetter, boolean deadLetterFifo) {
        if (fifo == deadLetterFifo) {
            return Optional.empty();
        }
        String kind = fifo ? "FIFO" : "standard";
        return Optional.of("deadLetterQueue = \"" + deadLetter + "\" is a " + (deadLetterFifo ? "FIFO" : "standard")
                + " queue, but the dead-letter queue of a " + kind + " queue must be " + kind + " too: declare"
                + " @SqsQueue(name = \"" + deadLetter + "\", fifo = " + fifo + ")");
    }

    /**
     * Lambda keeps one event source mapping per function and source: a second one fails with
     * {@code ResourceConflictException: The event source arn ... and function ... provided mapping already exists}.
     *
     * @param label the trigger, such as {@code @SqsTrigger}
     * @param attribute the attribute naming the source, such as {@code queue}
     */
    public static String duplicateMapping(String label, String attribute, String source) {
        return label + "(" + attribute + " = \"" + source + "\") is declared twice on this function; Lambda allows one"
                + " event source mapping per function and " + attribute + " and refuses the second: declare it once";
    }

    /**
     * Two notifications of one bucket that share an event type and could both match one key: S3 refuses the
     * configuration ({@code Configuration is ambiguously defined}). See
     * <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html">Configuring
     * event notifications using object key name filtering</a>.
     *
     * @param other the function the earlier notification invokes, for the message
     */
    public static Optional<String> s3Overlap(
            String bucket,
            List<String> events,
            String prefix,
            String suffix,
            String other,
            List<String> otherEvents,
            String otherPrefix,
            String otherSuffix) {
        List<String> shared = new ArrayList<>();
        for (String event : events) {
            for (String otherEvent : otherEvents) {
                if (covers(event, otherEvent)) {
                    shared.add(otherEvent);
                } else if (covers(otherEvent, event)) {
                    shared.add(event);
                }
            }
        }
        boolean prefixesMeet = prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix);
        boolean suffixesMeet = suffix.endsWith(otherSuffix) || otherSuffix.endsWith(suffix);
        if (shared.isEmpty() || !prefixesMeet || !suffixesMeet) {
            return Optional.empty();
        }
        String key = (prefix.length() >= otherPrefix.length() ? prefix : otherPrefix) + "x"
                + (suffix.length() >= otherSuffix.length() ? suffix : otherSuffix);
        return Optional.of("@S3Trigger(bucket = \"" + bucket + "\", prefix = \"" + prefix + "\", suffix = \"" + suffix
                + "\") overlaps the one of " + other + " (prefix = \"" + otherPrefix + "\", suffix = \"" + otherSuffix
                + "\"): both would be notified of " + shared.get(0) + " for a key such as \"" + key + "\", and S3"
                + " refuses such a bucket configuration as ambiguous; give them prefixes or suffixes no key has both"
                + " of (such as suffix = \".csv\" and suffix = \".json\"), or event types they do not share");
    }

    /** Whether an S3 event type, possibly ending in {@code *}, includes another. */
    private static boolean covers(String event, String other) {
        return event.equals(other)
                || (event.endsWith(":*") && other.startsWith(event.substring(0, event.length() - 1)));
    }

    /**
     * CloudWatch Logs allows two subscription filters per log group
     * ({@code LimitExceededException: Resource limit exceeded}). See
     * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutSubscriptionFilter.html">
     * PutSubscriptionFilter</a>.
     *
     * @param subscribers the functions subscribing, in declaration order
     */
    public static Optional<String> subscriptionFilters(String logGroup, List<String> subscribers) {
        return subscribers.size() <= SUBSCRIPTION_FILTERS_MAX
                ? Optional.empty()
                : Optional.of("@LogSubscription(logGroup = \"" + logGroup + "\") is declared " + subscribers.size()
                        + " times in the service (" + String.join(", ", subscribers) + "); CloudWatch Logs allows at"
                        + " most " + SUBSCRIPTION_FILTERS_MAX + " subscription filters on a log group (fewer when it"
                        + " already has its own): subscribe at most " + SUBSCRIPTION_FILTERS_MAX
                        + " functions to it");
    }
}
