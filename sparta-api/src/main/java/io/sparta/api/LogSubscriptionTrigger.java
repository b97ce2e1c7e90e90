package io.sparta.api;

/**
 * A CloudWatch Logs subscription filter that sends a log group's matching events to the function.
 *
 * @param filterPattern every event when empty
 */
public record LogSubscriptionTrigger(String logGroup, String filterPattern) implements Trigger {}
