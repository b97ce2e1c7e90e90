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

    public static Optional<String> batch(int batchSize, int batchingWindowSeconds) {
        if (batchingWindowSeconds < 0 || batchingWindowSeconds > BATCHING_WINDOW_MAX) {
            return Optional.of("batchingWindowSeconds = " + batchingWindowSeconds + " is out of range; allowed 0 to "
                    + BATCHING_WINDOW_MAX);
        }
        int max = batchingWindowSeconds == 0 ? BATCH_SIZE_MAX_WITHOUT_WINDOW : BATCH_SIZE_MAX;
        return batchSize < 1 || batchSize > max
                ? Optional.of("batchSize = " + batchSize + " is out of range; allowed 1 to " + max
                        + (batchingWindowSeconds == 0 ? " (up to " + BATCH_SIZE_MAX + " with a batching window)" : ""))
                : Optional.empty();
    }
}
