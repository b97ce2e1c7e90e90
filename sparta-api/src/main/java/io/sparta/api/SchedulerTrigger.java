package io.sparta.api;

/**
 * An EventBridge Scheduler schedule that invokes the function through a role only it may assume.
 *
 * @param expression {@code rate(...)}, {@code cron(...)} or {@code at(...)}, already checked
 * @param timezone an IANA time zone name, or empty for UTC
 * @param flexibleWindowMinutes 0 for exactly on time, else the window's length in minutes
 */
public record SchedulerTrigger(
        String expression, String timezone, int flexibleWindowMinutes, String description, boolean enabled)
        implements Trigger {}
