package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Follows one stack operation to its end, printing each new stack event as CloudFormation records it. The SDK's
 * waiters only report the end, so this polls events and status together.
 */
final class StackWatcher {

    private static final Duration FIRST_POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

    private final CloudFormationClient cloudFormation;
    private final Console console;
    private final String stackId;
    private final Set<String> seenEventIds = new HashSet<>();
    private final List<StackEvent> newEvents = new ArrayList<>();

    /** Remembers the events already recorded, so only those of the coming operation are reported. */
    StackWatcher(CloudFormationClient cloudFormation, Console console, String stackId) {
        this.cloudFormation = cloudFormation;
        this.console = console;
        this.stackId = stackId;
        cloudFormation.describeStackEvents(r -> r.stackName(stackId)).stackEvents().stream()
                .map(StackEvent::eventId)
                .forEach(seenEventIds::add);
    }

    /** Polls until the stack settles; returns it with the events of this operation, oldest first. */
    StackOutcome awaitSettled() {
        return awaitSettled(null);
    }

    /**
     * Polls until the stack settles, following the CodeDeploy deployments the operation starts alongside; returns the
     * stack with the events of this operation, oldest first.
     *
     * @param shifts the deployments' watch; {@code null} for a stack without CodeDeploy
     */
    StackOutcome awaitSettled(TrafficShiftWatch shifts) {
        Duration pause = FIRST_POLL;
        while (true) {
            Optional<Stack> found = Stacks.find(cloudFormation, stackId);
            if (found.isEmpty()) {
                // AWS keeps answering for a deleted stack by its id, but an API may forget it at once (as fakecloud
                // does, or AWS past its retention): gone is deleted, as the SDK's StackDeleteComplete waiter also
                // reads a ValidationError. Its last events went with it.
                return new StackOutcome(
                        Stack.builder()
                                .stackId(stackId)
                                .stackStatus(StackStatus.DELETE_COMPLETE)
                                .build(),
                        List.copyOf(newEvents));
            }
            Stack stack = found.get();
            reportNewEvents();
            if (StackStates.settled(stack.stackStatusAsString())) {
                if (shifts != null) {
                    shifts.finish();
                }
                return new StackOutcome(stack, List.copyOf(newEvents));
            }
            if (shifts != null) {
                shifts.poll();
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
        }
    }

    private void reportNewEvents() {
        List<StackEvent> batch = new ArrayList<>();
        try {
            // Newest first: page back only until the events already seen.
            for (StackEvent event : cloudFormation
                    .describeStackEventsPaginator(r -> r.stackName(stackId))
                    .stackEvents()) {
                if (seenEventIds.contains(event.eventId())) {
                    break;
                }
                batch.add(0, event);
            }
        } catch (CloudFormationException e) {
            if (!Stacks.missing(e)) {
                throw e;
            }
            // Deleted since its status was read: the next look finds it gone.
        }
        for (StackEvent event : batch) {
            seenEventIds.add(event.eventId());
            newEvents.add(event);
            console.info("  " + StackEvents.line(event));
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stack", e);
        }
    }
}
