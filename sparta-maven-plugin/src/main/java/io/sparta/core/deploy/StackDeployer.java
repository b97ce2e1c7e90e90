package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.InvalidChangeSetStatusException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;

/** Creates or updates a stack through a change set, so a template that changes nothing touches nothing. */
public final class StackDeployer {

    private static final Duration HOUSEKEEPING_TIMEOUT = Duration.ofSeconds(10);

    private final CloudFormationClient cloudFormation;
    private final Console console;

    public StackDeployer(CloudFormationClient cloudFormation, Console console) {
        this.cloudFormation = cloudFormation;
        this.console = console;
    }

    /** What one deployment asks of CloudFormation. */
    public record Request(
            String stackName, String templateUrl, Map<String, String> parameters, Map<String, String> tags) {}

    /**
     * Where a deployment left the stack.
     *
     * @param outcome the settled stack and its events, or empty when it was up to date and left alone
     */
    public record Deployment(String stackId, Optional<StackOutcome> outcome) {}

    /** The stack's state before the change set: how to change it, and its id when it exists. */
    private record Prepared(ChangeSetType type, String stackId) {}

    /**
     * @param beforeExecute runs when a change set updating an existing stack is about to execute, while the stack
     *     still runs its old template
     */
    public Deployment deploy(Request request, Runnable beforeExecute) throws SpartaUserException {
        Prepared prepared = prepareStack(request.stackName());
        ChangeSetType type = prepared.type();
        String changeSetName = "sparta-" + System.currentTimeMillis();
        try {
            createChangeSet(request, type, changeSetName);
        } catch (CloudFormationException e) {
            if (nothingToChange(
                    e.awsErrorDetails() == null
                            ? e.getMessage()
                            : e.awsErrorDetails().errorMessage())) {
                return new Deployment(prepared.stackId(), Optional.empty());
            }
            throw e;
        }
        DescribeChangeSetResponse changeSet = awaitChangeSet(request.stackName(), changeSetName);
        if (changeSet == null) {
            return new Deployment(prepared.stackId(), Optional.empty());
        }
        reportChanges(type, changeSet.changes());
        StackWatcher watcher = new StackWatcher(cloudFormation, console, changeSet.stackId());
        if (type == ChangeSetType.UPDATE) {
            beforeExecute.run();
        }
        execute(request.stackName(), changeSetName);
        StackOutcome result = watcher.awaitSettled();
        String status = result.stack().stackStatusAsString();
        if (!StackStates.succeeded(status)) {
            throw new DeploymentFailedException(StackEvents.failureReport(result));
        }
        reportOutcome(result);
        return new Deployment(result.stack().stackId(), Optional.of(result));
    }

    private void reportOutcome(StackOutcome outcome) {
        console.info("Stack " + outcome.stack().stackName() + " is "
                + outcome.stack().stackStatusAsString());
        StackDescriber.printOutputs(console, outcome.stack());
        var durations = StackEvents.durations(outcome.events());
        if (durations.isEmpty()) {
            console.info("Resource timings: the API reported no per-resource events");
        } else {
            console.info("Resource timings, longest first:");
            durations.forEach(
                    (resource, took) -> console.info("  " + resource + "  " + took.toMillis() / 1000.0 + " s"));
        }
    }

    private Prepared prepareStack(String stackName) throws SpartaUserException {
        Optional<Stack> existing = Stacks.find(cloudFormation, stackName);
        if (existing.isEmpty()) {
            return new Prepared(ChangeSetType.CREATE, null);
        }
        String status = existing.get().stackStatusAsString();
        if (StackStates.neverCreated(status)) {
            return new Prepared(ChangeSetType.CREATE, null);
        }
        if (StackStates.deadOnArrival(status)) {
            console.warn("Stack " + stackName + " is in ROLLBACK_COMPLETE after a failed first create; deleting it"
                    + " and creating it again");
            String stackId = existing.get().stackId();
            cloudFormation.deleteStack(r -> r.stackName(stackId));
            try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
                waiter.waitUntilStackDeleteComplete(r -> r.stackName(stackId));
            }
            return new Prepared(ChangeSetType.CREATE, null);
        }
        if (!StackStates.settled(status)) {
            throw new SpartaUserException("Stack " + stackName + " is busy (" + status + "); run provision again"
                    + " once that operation has finished");
        }
        if (StackStates.stuck(status)) {
            throw new SpartaUserException("Stack " + stackName + " is in " + status + " and cannot be updated; see its"
                    + " events in the CloudFormation console, fix the cause, then continue the rollback or run"
                    + " sparta:delete");
        }
        return new Prepared(ChangeSetType.UPDATE, existing.get().stackId());
    }

    private void createChangeSet(Request request, ChangeSetType type, String changeSetName) {
        try {
            cloudFormation.createChangeSet(r -> r.stackName(request.stackName())
                    .changeSetName(changeSetName)
                    .changeSetType(type)
                    .templateURL(request.templateUrl())
                    .capabilities(Capability.CAPABILITY_IAM)
                    .parameters(request.parameters().entrySet().stream()
                            .map(p -> Parameter.builder()
                                    .parameterKey(p.getKey())
                                    .parameterValue(p.getValue())
                                    .build())
                            .toList())
                    .tags(request.tags().entrySet().stream()
                            .map(t -> Tag.builder()
                                    .key(t.getKey())
                                    .value(t.getValue())
                                    .build())
                            .toList())
                    .description("Sparta for Java"));
        } catch (AlreadyExistsException retriedAfterLostResponse) {
            console.debug("Change set " + changeSetName + " already exists: a retried call had created it");
        }
    }

    /** The created change set, or {@code null} when CloudFormation found nothing to change. */
    private DescribeChangeSetResponse awaitChangeSet(String stackName, String changeSetName)
            throws DeploymentFailedException {
        DescribeChangeSetResponse changeSet;
        try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
            changeSet = waiter.waitUntilChangeSetCreateComplete(
                            r -> r.stackName(stackName).changeSetName(changeSetName))
                    .matched()
                    .response()
                    .orElseThrow();
        } catch (software.amazon.awssdk.core.exception.SdkClientException stoppedOnFailed) {
            // The waiter stops on FAILED; the change set's own reason tells "no changes" from a real failure.
            changeSet =
                    cloudFormation.describeChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName));
            if (!"FAILED".equals(changeSet.statusAsString()) && !"CREATE_COMPLETE".equals(changeSet.statusAsString())) {
                // Not the waiter's verdict but a failure to wait (a dropped connection): never execute unready.
                throw stoppedOnFailed;
            }
        }
        if ("FAILED".equals(changeSet.statusAsString())) {
            if (nothingToChange(changeSet.statusReason())) {
                discardEmptyChangeSet(stackName, changeSetName);
                return null;
            }
            throw new DeploymentFailedException(
                    "CloudFormation rejected the change set for " + stackName + ": " + changeSet.statusReason());
        }
        return changeSet;
    }

    /** Housekeeping only: the deployment's outcome is known, so a failure here is reported, not fatal. */
    private void discardEmptyChangeSet(String stackName, String changeSetName) {
        try {
            cloudFormation.deleteChangeSet(r -> r.stackName(stackName)
                    .changeSetName(changeSetName)
                    .overrideConfiguration(o -> o.apiCallTimeout(HOUSEKEEPING_TIMEOUT)));
        } catch (ChangeSetNotFoundException retriedAfterLostResponse) {
            console.debug("Change set " + changeSetName + " is already deleted: a retried call had deleted it");
        } catch (SdkException e) {
            console.warn("Could not delete the empty change set " + changeSetName + " of stack " + stackName + " ("
                    + e.getMessage() + "); it changes nothing and can be deleted in the console");
        }
    }

    private void execute(String stackName, String changeSetName) {
        try {
            cloudFormation.executeChangeSet(
                    r -> r.stackName(stackName).changeSetName(changeSetName).clientRequestToken(changeSetName));
        } catch (InvalidChangeSetStatusException e) {
            String execution = cloudFormation
                    .describeChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName))
                    .executionStatusAsString();
            if (execution == null || !execution.startsWith("EXECUTE_")) {
                throw e;
            }
            console.debug("Change set " + changeSetName + " is already " + execution + ": a retried call ran it");
        }
    }

    private void reportChanges(ChangeSetType type, List<Change> changes) {
        console.info((type == ChangeSetType.CREATE ? "Creating" : "Updating") + " stack: " + changes.size()
                + " resource change(s)");
        for (Change change : changes) {
            var resource = change.resourceChange();
            String replacement = "True".equals(resource.replacementAsString()) ? "  (replacement)" : "";
            console.info("  " + resource.actionAsString() + "  " + resource.logicalResourceId() + "  "
                    + resource.resourceType() + replacement);
        }
    }

    private static boolean nothingToChange(String reason) {
        return reason != null
                && (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed"));
    }
}
