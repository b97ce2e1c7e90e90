package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A change of a function's provisioned concurrency at a time, written inside
 * {@link SpartaLambda#concurrencySchedule()}: an Application Auto Scaling scheduled action on the alias
 * {@code live}
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html).
 * From then on, the alias keeps {@link #concurrency()} execution environments initialized, until the next change.
 *
 * <pre>{@code
 * @SpartaLambda(provisionedConcurrency = 2, concurrencySchedule = {
 *         @ScheduledConcurrency(schedule = "cron(0 8 ? * MON-FRI *)", concurrency = 20, timezone = "Europe/Berlin"),
 *         @ScheduledConcurrency(schedule = "cron(0 18 ? * MON-FRI *)", concurrency = 2, timezone = "Europe/Berlin")})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ScheduledConcurrency {

    /**
     * When: {@code cron(minutes hours day-of-month month day-of-week year)}, {@code rate(value unit)} or, once,
     * {@code at(yyyy-mm-ddThh:mm:ss)}.
     */
    String schedule();

    /** Execution environments kept initialized from then on: 1 or more. */
    int concurrency();

    /** The IANA time zone of {@code cron} and {@code at}, such as {@code Europe/Berlin}; UTC by default. */
    String timezone() default "UTC";
}
