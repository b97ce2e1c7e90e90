package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes a {@link SpartaLambda} function for events on the default EventBridge bus that match a pattern. The
 * function receives the event, such as a {@code ScheduledEvent}-shaped {@code Map}.
 *
 * <pre>{@code
 * @EventRule(pattern = "{\"source\": [\"aws.ec2\"], \"detail-type\": [\"EC2 Instance State-change Notification\"]}")
 * }</pre>
 */
@Documented
@Repeatable(EventRules.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EventRule {

    /** The event pattern as JSON: an object such as {@code {"source": ["com.example.shop"]}}. */
    String pattern();

    /** Describes the rule, at most 512 characters. */
    String description() default "";
}
