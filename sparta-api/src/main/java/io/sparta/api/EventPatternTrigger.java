package io.sparta.api;

/**
 * An EventBridge rule on the default bus whose matching events invoke the function.
 *
 * @param pattern the event pattern, a JSON object, already checked
 */
public record EventPatternTrigger(String pattern, String description) implements Trigger {}
