package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link SpartaLambda} function on a schedule, through an EventBridge rule. Repeatable. The function
 * receives a {@code ScheduledEvent}.
 *
 * <pre>{@code
 * @SpartaLambda
 * @Schedule("rate(1 day)")
 * @Schedule("cron(0 12 ? * MON-FRI *)")
 * public class Nightly implements RequestHandler<ScheduledEvent, Void> { ... }
 * }</pre>
 */
@Documented
@Repeatable(Schedules.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Schedule {

    /**
     * The schedule as EventBridge writes it: {@code rate(5 minutes)} (minute, hour or day, singular for 1) or
     * {@code cron(minutes hours day-of-month month day-of-week year)}, with {@code ?} in exactly one of the two
     * day fields. Checked when the code compiles.
     */
    String value();

    /** Describes the rule, at most 512 characters. */
    String description() default "";

    /** Whether the rule runs; a disabled rule keeps its schedule for later. */
    boolean enabled() default true;
}
