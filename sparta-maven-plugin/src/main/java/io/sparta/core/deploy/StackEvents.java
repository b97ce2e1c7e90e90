package io.sparta.core.deploy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** Reading a list of stack events, oldest first: lines to print, failures, how long each resource took. */
final class StackEvents {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private StackEvents() {}

    /** {@code 12:03:04  HelloFunction  AWS::Lambda::Function  CREATE_FAILED  reason}. */
    static String line(StackEvent event) {
        String line = TIME.format(event.timestamp()) + "  " + event.logicalResourceId() + "  " + event.resourceType()
                + "  " + event.resourceStatusAsString();
        return event.resourceStatusReason() == null ? line : line + "  " + event.resourceStatusReason();
    }

    /** The resources that failed and why, the first failure first: "HelloFunction (AWS::...): reason". */
    static List<String> failures(List<StackEvent> events) {
        List<String> failures = new ArrayList<>();
        for (StackEvent event : events) {
            if (event.resourceStatusAsString().endsWith("_FAILED") && !isStackItself(event)) {
                failures.add(event.logicalResourceId() + " (" + event.resourceType() + "): "
                        + (event.resourceStatusReason() == null ? "no reason given" : event.resourceStatusReason()));
            }
        }
        return failures;
    }

    /** "Stack orders ended in ROLLBACK_COMPLETE (reason)" and one "failed:" line per failed resource. */
    static String failureReport(StackOutcome outcome) {
        return failureReport(outcome, java.util.Optional.empty());
    }

    /**
     * As {@link #failureReport(StackOutcome)}, with the reason CloudFormation gave when it refused to execute the
     * change set, as the failure when the events name none.
     */
    static String failureReport(StackOutcome outcome, java.util.Optional<String> refusal) {
        if (refusal.isPresent() && failures(outcome.events()).isEmpty()) {
            return failureReport(outcome) + "\n  failed: ExecuteChangeSet refused: " + refusal.get();
        }
        StringBuilder report = new StringBuilder("Stack ")
                .append(outcome.stack().stackName())
                .append(" ended in ")
                .append(outcome.stack().stackStatusAsString());
        if (outcome.stack().stackStatusReason() != null) {
            report.append(" (").append(outcome.stack().stackStatusReason()).append(')');
        }
        failures(outcome.events())
                .forEach(failure -> report.append("\n  failed: ").append(failure));
        return report.toString();
    }

    /** From a resource's first *_IN_PROGRESS to its last *_COMPLETE, longest first; resources only. */
    static Map<String, Duration> durations(List<StackEvent> events) {
        Map<String, StackEvent> started = new LinkedHashMap<>();
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (StackEvent event : events) {
            if (isStackItself(event)) {
                continue;
            }
            String status = event.resourceStatusAsString();
            if (status.endsWith("_IN_PROGRESS")) {
                started.putIfAbsent(event.logicalResourceId(), event);
            } else if (status.endsWith("_COMPLETE") && started.containsKey(event.logicalResourceId())) {
                durations.put(
                        event.logicalResourceId(),
                        Duration.between(started.get(event.logicalResourceId()).timestamp(), event.timestamp()));
            }
        }
        Map<String, Duration> longestFirst = new LinkedHashMap<>();
        durations.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> longestFirst.put(entry.getKey(), entry.getValue()));
        return longestFirst;
    }

    private static boolean isStackItself(StackEvent event) {
        return "AWS::CloudFormation::Stack".equals(event.resourceType())
                && event.stackId().equals(event.physicalResourceId());
    }
}
