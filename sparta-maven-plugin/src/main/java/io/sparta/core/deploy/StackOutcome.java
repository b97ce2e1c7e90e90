package io.sparta.core.deploy;

import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** A settled stack and the events its last operation recorded, oldest first. */
public record StackOutcome(Stack stack, List<StackEvent> events) {

    public StackOutcome {
        events = List.copyOf(events);
    }
}
