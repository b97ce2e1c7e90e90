package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An SNS topic the service owns, standard or FIFO, encrypted with the AWS-managed SNS key. */
@Documented
@Repeatable(SnsTopics.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SnsTopic {

    /**
     * The resource's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter:
     * what grants and triggers refer to, and what {@code Discover} looks up at run time.
     */
    String name();

    /**
     * A FIFO topic: ordered, deduplicated delivery to SQS queues (FIFO topics deliver to no Lambda function, so no
     * {@code @SnsTrigger} may read one). Its name ends in {@code .fifo}.
     */
    boolean fifo() default false;

    /** With {@link #fifo()} only: SNS deduplicates by a SHA-256 of the body when a message carries no id. */
    boolean contentBasedDeduplication() default false;
}
