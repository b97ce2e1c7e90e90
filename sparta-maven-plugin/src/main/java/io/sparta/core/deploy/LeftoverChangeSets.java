package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetSummary;

/**
 * Change sets an earlier run created and never executed (it was interrupted, or a guard stopped it): deleted at the
 * next run so they do not pile up. Only Sparta's, known by name prefix and description; a change set a person made
 * is left alone.
 */
final class LeftoverChangeSets {

    static final String NAME_PREFIX = "sparta-";
    static final String DESCRIPTION = "Sparta for Java";

    /** Execution statuses of a change set that was never run and no longer can be, or could be but never was. */
    private static final Set<String> NOT_EXECUTED = Set.of("AVAILABLE", "UNAVAILABLE", "OBSOLETE");

    /** Statuses of a change set another run may still be creating: left to that run. */
    private static final Set<String> BEING_MADE = Set.of("CREATE_PENDING", "CREATE_IN_PROGRESS", "DELETE_PENDING");

    private LeftoverChangeSets() {}

    static boolean isLeftover(ChangeSetSummary summary) {
        return summary.changeSetName() != null
                && summary.changeSetName().startsWith(NAME_PREFIX)
                && DESCRIPTION.equals(summary.description())
                && NOT_EXECUTED.contains(summary.executionStatusAsString())
                && !BEING_MADE.contains(summary.statusAsString());
    }

    /**
     * Housekeeping: a failure is reported, not fatal.
     *
     * @param current this run's change set, kept: one CloudFormation rejected stays for the console; null for none
     */
    static void remove(CloudFormationClient cloudFormation, String stackName, String current, Console console) {
        try {
            for (ChangeSetSummary summary : cloudFormation
                    .listChangeSetsPaginator(r -> r.stackName(stackName))
                    .summaries()) {
                if (!isLeftover(summary) || summary.changeSetName().equals(current)) {
                    continue;
                }
                try {
                    cloudFormation.deleteChangeSet(r -> r.changeSetName(summary.changeSetId()));
                } catch (ChangeSetNotFoundException alreadyGone) {
                    continue;
                }
                console.info("Deleted change set " + summary.changeSetName() + " of stack " + stackName + " (created "
                        + summary.creationTime() + "), which an earlier run left without executing it");
            }
        } catch (SdkException e) {
            console.warn("Could not list or delete change sets an earlier run left on stack " + stackName + " ("
                    + AwsFailures.summary(e) + "); they change nothing and can be deleted in the console");
        }
    }
}
