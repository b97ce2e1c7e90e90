package io.sparta.api;

/**
 * A topic the function is subscribed to.
 *
 * @param topic a declared topic's name, or an existing topic's ARN
 * @param filterPolicy a JSON filter policy; every message when empty
 */
public record SnsTopicTrigger(String topic, String filterPolicy) implements Trigger {}
