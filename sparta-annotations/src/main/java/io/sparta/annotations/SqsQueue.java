package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An SQS queue the service owns, encrypted with SQS-managed keys. */
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
}
