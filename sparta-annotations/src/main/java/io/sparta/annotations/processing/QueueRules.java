package io.sparta.annotations.processing;

import java.util.Optional;
import java.util.regex.Pattern;

/** What Lambda's SQS event source mappings accept. */
public final class QueueRules {

    public static final int BATCH_SIZE_MAX_WITHOUT_WINDOW = 10;
    public static final int BATCH_SIZE_MAX = 10_000;
    public static final int BATCHING_WINDOW_MAX = 300;

    private static final String PSEUDO = "(?:\\$\\{AWS::(?:Partition|Region|AccountId)})";
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:(?:aws[a-z-]*|" + PSEUDO + "):sqs:(?:[a-z0-9-]+|"
            + PSEUDO + "):(?:\\d{12}|" + PSEUDO + "):[A-Za-z0-9_-]{1,80}(?:\\.fifo)?");

    private QueueRules() {}

    public static Optional<String> queue(String queue) {
        return QUEUE_ARN.matcher(queue).matches()
                ? Optional.empty()
                : Optional.of("queue = \"" + queue + "\" is not an SQS queue ARN (arn:aws:sqs:REGION:ACCOUNT:NAME;"
                        + " ${AWS::Partition}, ${AWS::Region} and ${AWS::AccountId} may stand in)");
    }

    /** Whether a queue reference is an existing FIFO queue's ARN; a declared queue is a standard one. */
    public static boolean isFifo(String queue) {
        return ResourceRules.isArn(queue) && queue.endsWith(".fifo");
    }

    /**
     * A mapping's batch size and window, for the queue it reads: a standard queue takes up to 10 messages, or 10000
     * with a batching window; a FIFO queue up to 10 and no window. See
     * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html">Lambda parameters for
     * Amazon SQS event source mappings</a>.
     */
    public static Optional<String> batch(String queue, int batchSize, int batchingWindowSeconds) {
        return batch(queue, isFifo(queue), batchSize, batchingWindowSeconds);
    }

    /**
     * As {@link #batch(String, int, int)}, for a queue whose type is known: a declared one's name says nothing of it.
     *
     * @param queue the declared queue's name or the ARN, for the message
     */
    public static Optional<String> batch(String queue, boolean fifo, int batchSize, int batchingWindowSeconds) {
        if (batchingWindowSeconds < 0 || batchingWindowSeconds > BATCHING_WINDOW_MAX) {
            return Optional.of("batchingWindowSeconds = " + batchingWindowSeconds + " is out of range; allowed 0 to "
                    + BATCHING_WINDOW_MAX);
        }
        if (fifo) {
            if (batchingWindowSeconds != 0) {
                return Optional.of("batchingWindowSeconds = " + batchingWindowSeconds + " is set for the FIFO queue "
                        + queue + ", but Lambda supports no batching window on FIFO queues; remove"
                        + " batchingWindowSeconds (0)");
            }
            return batchSize < 1 || batchSize > BATCH_SIZE_MAX_WITHOUT_WINDOW
                    ? Optional.of("batchSize = " + batchSize + " is out of range for the FIFO queue " + queue
                            + "; allowed 1 to " + BATCH_SIZE_MAX_WITHOUT_WINDOW)
                    : Optional.empty();
        }
        int max = batchingWindowSeconds == 0 ? BATCH_SIZE_MAX_WITHOUT_WINDOW : BATCH_SIZE_MAX;
        return batchSize < 1 || batchSize > max
                ? Optional.of("batchSize = " + batchSize + " is out of range; allowed 1 to " + max
                        + (batchingWindowSeconds == 0
                                ? " (up to " + BATCH_SIZE_MAX + " with batchingWindowSeconds = 1 or more)"
                                : ""))
                : Optional.empty();
    }
}
