package io.sparta.api;

/**
 * An SQS queue that feeds the function through an event source mapping.
 *
 * @param queue a declared queue's name, or an existing queue's ARN, possibly with {@code ${AWS::...}} pseudo
 *     parameters for Fn::Sub
 */
public record SqsQueueTrigger(String queue, int batchSize, int batchingWindowSeconds, boolean reportBatchItemFailures)
        implements Trigger {

    public boolean existingQueue() {
        return queue.startsWith("arn:");
    }
}
