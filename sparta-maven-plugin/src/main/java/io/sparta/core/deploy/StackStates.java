package io.sparta.core.deploy;

import java.util.Set;

/** The stack statuses AWS documents, sorted into what Sparta does with them. */
final class StackStates {

    private static final Set<String> SUCCEEDED =
            Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE");

    /** Statuses from which neither an update nor a new create can start without the user's help. */
    private static final Set<String> STUCK = Set.of(
            "CREATE_FAILED", "ROLLBACK_FAILED", "DELETE_FAILED", "UPDATE_ROLLBACK_FAILED", "IMPORT_ROLLBACK_FAILED");

    private StackStates() {}

    /** No operation is running: the status will not change by itself. */
    static boolean settled(String status) {
        return !status.endsWith("_IN_PROGRESS");
    }

    static boolean succeeded(String status) {
        return SUCCEEDED.contains(status);
    }

    /** Left by a first create that failed and rolled back: the stack holds nothing and can only be deleted. */
    static boolean deadOnArrival(String status) {
        return "ROLLBACK_COMPLETE".equals(status);
    }

    /** Made by a CREATE change set that was never executed: the next change set is again a CREATE. */
    static boolean neverCreated(String status) {
        return "REVIEW_IN_PROGRESS".equals(status);
    }

    static boolean stuck(String status) {
        return STUCK.contains(status);
    }
}
