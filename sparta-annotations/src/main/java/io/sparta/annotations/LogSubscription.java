package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a CloudWatch Logs log group's events that match a filter to a {@link SpartaLambda} function, through a
 * subscription filter. The function receives a {@code CloudWatchLogsEvent}.
 */
@Documented
@Repeatable(LogSubscriptions.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LogSubscription {

    /** The log group's name, such as {@code /aws/lambda/other-service-worker}. */
    String logGroup();

    /** A CloudWatch Logs filter pattern, such as {@code ERROR}; every event when empty. */
    String filterPattern() default "";
}
