package io.sparta.api;

/**
 * An SQS queue that feeds the function through an event source mapping.
 *
 * @param queueArn the queue's ARN, possibly with {@code ${AWS::...}} pseudo parameters for Fn::Sub
 */
public record SqsQueueTrigger(
        String queueArn, int batchSize, int batchingWindowSeconds, boolean reportBatchItemFailures)
        implements Trigger {}
