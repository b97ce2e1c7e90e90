package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Deletes a stack and follows the deletion to its end. */
public final class StackRemover {

    private final CloudFormationClient cloudFormation;
    private final Console console;

    public StackRemover(CloudFormationClient cloudFormation, Console console) {
        this.cloudFormation = cloudFormation;
        this.console = console;
    }

    /** @return whether there was a stack to delete */
    public boolean delete(String stackName) throws SpartaUserException {
        Optional<Stack> existing = Stacks.find(cloudFormation, stackName);
        if (existing.isEmpty()) {
            console.info("Stack " + stackName + " does not exist; nothing to delete");
            return false;
        }
        // The id keeps answering after deletion, where the name no longer does.
        String stackId = existing.get().stackId();
        StackWatcher watcher = new StackWatcher(cloudFormation, console, stackId);
        console.info("Deleting stack " + stackName);
        cloudFormation.deleteStack(
                r -> r.stackName(stackId).clientRequestToken("sparta-delete-" + System.currentTimeMillis()));
        StackOutcome outcome = watcher.awaitSettled();
        String status = outcome.stack().stackStatusAsString();
        if (!"DELETE_COMPLETE".equals(status)) {
            throw new DeploymentFailedException(StackEvents.failureReport(outcome));
        }
        console.info("Stack " + stackName + " deleted");
        return true;
    }
}
