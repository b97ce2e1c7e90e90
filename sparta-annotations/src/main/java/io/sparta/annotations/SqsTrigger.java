package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@link SpartaLambda} function from an SQS queue through an event source mapping. Repeatable, one per
 * queue. The function receives an {@code SQSEvent}; its role may receive, delete and read the attributes of
 * messages on that queue and nothing else.
 */
@Documented
@Repeatable(SqsTriggers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SqsTrigger {

    /**
     * A queue the service declares ({@link SqsQueue}), by name, or an existing queue's ARN, where
     * {@code ${AWS::Region}}, {@code ${AWS::AccountId}} and {@code ${AWS::Partition}} are resolved at deployment:
     * {@code arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders}.
     */
    String queue();

    /**
     * Messages per invocation: 1 to 10, or up to 10000 with a batching window; a FIFO queue takes 1 to 10 and no
     * batching window.
     */
    int batchSize() default 10;

    /** Seconds to gather a batch before invoking, 0 to 300. */
    int batchingWindowSeconds() default 0;

    /** Whether the function reports failed messages one by one ({@code SQSBatchResponse}) instead of all or none. */
    boolean reportBatchItemFailures() default false;
}
