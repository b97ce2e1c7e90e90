package io.sparta.api;

/**
 * An EventBridge schedule that invokes the function.
 *
 * @param expression {@code rate(...)} or {@code cron(...)}, already checked
 */
public record ScheduleTrigger(String expression, String description, boolean enabled) implements Trigger {}
