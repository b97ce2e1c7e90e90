package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes a {@link SpartaLambda} function to a topic: one the service declares ({@link SnsTopic}), by name, or an
 * existing one, by ARN. The function receives an {@code SNSEvent}.
 */
@Documented
@Repeatable(SnsTriggers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SnsTrigger {

    /** A declared topic's name, or an existing standard topic's ARN: SNS FIFO topics deliver to SQS queues only. */
    String topic();

    /**
     * A subscription filter policy as JSON, such as {@code {"kind": ["order"]}}; every message when empty. SNS
     * compares strings exactly: match a beginning with {@code {"kind": [{"prefix": "order-"}]}}, not
     * {@code "order-*"}.
     */
    String filterPolicy() default "";
}
