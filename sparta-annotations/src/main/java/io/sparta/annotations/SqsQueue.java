package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An SQS queue the service owns, standard or FIFO, encrypted with SQS-managed keys, optionally with a dead-letter
 * queue.
 *
 * <pre>{@code
 * @SqsQueue(name = "orders", fifo = true, contentBasedDeduplication = true, deadLetterQueue = "orders-failed")
 * @SqsQueue(name = "orders-failed", fifo = true)
 * }</pre>
 */
@Documented
@Repeatable(SqsQueues.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SqsQueue {

    /**
     * The resource's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter:
     * what grants and triggers refer to, and what {@code Discover} looks up at run time.
     */
    String name();

    /**
     * Seconds a received message stays hidden from other consumers, 0 to 43200; at least the timeout of every
     * function the queue feeds, which Lambda requires of a mapping (AWS recommends six times that timeout).
     */
    int visibilityTimeout() default 30;

    /**
     * A FIFO queue: messages in one group are delivered once and in order. Its name ends in {@code .fifo}; only a
     * FIFO queue can be its dead-letter queue.
     */
    boolean fifo() default false;

    /** With {@link #fifo()} only: SQS deduplicates by a SHA-256 of the body when a message carries no id. */
    boolean contentBasedDeduplication() default false;

    /**
     * Another declared {@code @SqsQueue}'s name: where a message goes after {@link #maxReceiveCount()} receives
     * without deletion, such as a function failing on it every time. None when empty. See
     * <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html">Dead-letter
     * queues</a>.
     */
    String deadLetterQueue() default "";

    /** With {@link #deadLetterQueue()}: receives before a message moves there, 1 to 1000. */
    int maxReceiveCount() default 5;
}
