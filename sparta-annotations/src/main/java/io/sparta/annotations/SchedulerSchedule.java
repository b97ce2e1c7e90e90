package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link SpartaLambda} function on an Amazon EventBridge Scheduler schedule: like {@link Schedule}, plus a
 * time zone (cron schedules follow its daylight saving time), one-time {@code at(...)} schedules and a flexible
 * window that spreads invocations. Repeatable. The function receives an empty JSON object, {@code {}}. See
 * <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html">Schedule types</a>.
 *
 * <pre>{@code
 * @SpartaLambda
 * @SchedulerSchedule(value = "cron(0 9 ? * MON-FRI *)", timezone = "Europe/Berlin")
 * @SchedulerSchedule("at(2027-01-01T00:00:00)")
 * public class Reports implements RequestHandler<Map<String, Object>, Void> { ... }
 * }</pre>
 */
@Documented
@Repeatable(SchedulerSchedules.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SchedulerSchedule {

    /**
     * {@code rate(5 minutes)}, {@code cron(minutes hours day-of-month month day-of-week year)} or, once,
     * {@code at(yyyy-mm-ddThh:mm:ss)}. Checked when the code compiles.
     */
    String value();

    /** The IANA time zone the expression is read in, such as {@code Europe/Berlin}; empty means UTC. */
    String timezone() default "";

    /** Minutes (1 to 1440) within which the invocation may start, or 0 for exactly on time. */
    int flexibleWindowMinutes() default 0;

    /** Describes the schedule, at most 512 characters. */
    String description() default "";

    /** Whether the schedule runs; a disabled schedule keeps its expression for later. */
    boolean enabled() default true;
}
