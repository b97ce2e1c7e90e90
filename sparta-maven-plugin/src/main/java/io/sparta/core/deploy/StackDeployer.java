package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.plan.ChangeGuard;
import io.sparta.core.plan.ParameterChange;
import io.sparta.core.plan.Plan;
import io.sparta.core.plan.PlanReport;
import io.sparta.core.plan.PlannedChange;
import io.sparta.core.plan.PolicyDiff;
import io.sparta.core.plan.Safeguards;
import io.sparta.core.template.NestedStacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.ResourceChangeDetail;
import software.amazon.awssdk.services.cloudformation.model.ResourceTargetDefinition;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates or updates a stack through a change set, so a template that changes nothing touches nothing: plans the
 * change set, refuses a stack another owner deployed, stops at the guards, then executes it and follows it.
 */
public final class StackDeployer {

    private static final Duration HOUSEKEEPING_TIMEOUT = Duration.ofSeconds(10);

    /** What DescribeStacks answers for a NoEcho parameter's value. */
    private static final String NO_ECHO_MASK = "****";

    private final CloudFormationClient cloudFormation;
    private final Console console;
    private final S3Client s3;
    private final CodeDeployCalls codeDeploy;

    public StackDeployer(CloudFormationClient cloudFormation, Console console) {
        this(cloudFormation, console, null);
    }

    /**
     * @param s3 reads the whole template a split service's deployed parent names in its metadata, so a plan compares
     *     whole templates; {@code null} to compare the parent's alone
     */
    public StackDeployer(CloudFormationClient cloudFormation, Console console, S3Client s3) {
        this(cloudFormation, console, s3, null);
    }

    /**
     * @param codeDeploy follows the CodeDeploy deployments of a template with gradual deployments, whose failure fails
     *     the deployment; {@code null} not to follow them
     */
    public StackDeployer(
            CloudFormationClient cloudFormation, Console console, S3Client s3, CodeDeployCalls codeDeploy) {
        this.cloudFormation = cloudFormation;
        this.console = console;
        this.s3 = s3;
        this.codeDeploy = codeDeploy;
    }

    /**
     * What one deployment asks of CloudFormation.
     *
     * @param template the template at {@code templateUrl}, read for the plan's permission changes: for a service
     *     split into nested stacks, the whole template before the split
     * @param service the Sparta service the stack belongs to, written as its {@value ServiceSettings#OWNER_TAG}
     *     tag and checked on an existing stack
     */
    public record Request(
            String stackName,
            String templateUrl,
            JsonNode template,
            Map<String, String> parameters,
            Map<String, String> tags,
            String service) {

        /** The stack's tags: the configured ones and the owner tag, which no configuration overrides. */
        Map<String, String> stackTags() {
            Map<String, String> all = new TreeMap<>(tags);
            all.put(ServiceSettings.OWNER_TAG, service);
            return all;
        }
    }

    /**
     * Where a deployment left the stack.
     *
     * @param outcome the settled stack and its events, or empty when it was up to date and left alone
     * @param plan what the change set did, as it was shown before it ran
     */
    public record Deployment(String stackId, Optional<StackOutcome> outcome, Plan plan) {}

    /**
     * The stack's state before the change set: how to change it, its id when it exists, whether it did, and its
     * parameter values (an update's plan compares them with the new ones).
     */
    private record Prepared(ChangeSetType type, String stackId, boolean stackExisted, Map<String, String> parameters) {

        Prepared(ChangeSetType type, String stackId, boolean stackExisted) {
            this(type, stackId, stackExisted, Map.of());
        }
    }

    /**
     * @throws SpartaUserException when the stack is another owner's, busy or stuck, or a guard stops the change
     */
    public Deployment deploy(Request request, Safeguards safeguards) throws SpartaUserException {
        return deploy(request, safeguards, UpToDateStack.describe(cloudFormation, request.stackName()));
    }

    /**
     * Deploys to the stack as a DescribeStacks call of this run found it moments ago, so the call is not made twice.
     *
     * @param described the stack {@code request} names, described
     * @throws SpartaUserException when the stack is another owner's, busy or stuck, or a guard stops the change
     */
    public Deployment deploy(Request request, Safeguards safeguards, UpToDateStack.Described described)
            throws SpartaUserException {
        if (!described.stackName().equals(request.stackName())) {
            throw new IllegalArgumentException(
                    "described stack " + described.stackName() + " is not " + request.stackName());
        }
        Prepared prepared = prepareStack(request, safeguards, "provision", described.stack());
        ChangeSetType type = prepared.type();
        String changeSetName = LeftoverChangeSets.NAME_PREFIX + System.currentTimeMillis();
        Optional<DescribeChangeSetResponse> created;
        try {
            created = createAndAwait(request, type, changeSetName);
        } catch (SpartaUserException | RuntimeException rejected) {
            sweepLeftovers(request, prepared, changeSetName);
            throw rejected;
        }
        if (created.isEmpty()) {
            sweepLeftovers(request, prepared, changeSetName);
            return new Deployment(prepared.stackId(), Optional.empty(), Plan.unchanged(request.stackName()));
        }
        DescribeChangeSetResponse changeSet = created.get();
        Optional<JsonNode> deployed = deployedTemplate(request, prepared);
        Optional<String> moves = moves(request, deployed);
        if (moves.isPresent()) {
            discardChangeSet(request.stackName(), changeSetName, "functions would move between stacks");
            sweepLeftovers(request, prepared, changeSetName);
            throw new SpartaUserException(moves.get());
        }
        Plan plan = plan(request, prepared, changeSet, deployed);
        PlanReport.lines(plan).forEach(console::info);
        try {
            ChangeGuard.check(plan, safeguards, console);
        } catch (SpartaUserException stopped) {
            discardChangeSet(request.stackName(), changeSetName, "the guards stopped");
            sweepLeftovers(request, prepared, changeSetName);
            throw stopped;
        }
        StackWatcher watcher = new StackWatcher(cloudFormation, console, changeSet.stackId());
        // A template with gradual deployments names its CodeDeploy application after the stack.
        TrafficShiftWatch shifts =
                codeDeploy != null && request.template().path("Resources").has("CodeDeployApplication")
                        ? new TrafficShiftWatch(codeDeploy, console, request.stackName(), java.time.Instant.now())
                        : null;
        Optional<String> refusal = execute(request.stackName(), changeSetName);
        StackOutcome result = watcher.awaitSettled(shifts);
        String status = result.stack().stackStatusAsString();
        List<String> rolledBack = shifts == null ? List.of() : shifts.failures();
        if (!StackStates.succeeded(status) || !rolledBack.isEmpty()) {
            StringBuilder report = new StringBuilder();
            rolledBack.forEach(line -> report.append(line).append('\n'));
            if (!StackStates.succeeded(status)) {
                report.append(StackEvents.failureReport(result, refusal));
            } else {
                report.append("Stack ")
                        .append(request.stackName())
                        .append(" is ")
                        .append(status)
                        .append(", but CodeDeploy rolled the functions above back");
            }
            throw new DeploymentFailedException(report.toString().strip());
        }
        reportOutcome(result);
        return new Deployment(result.stack().stackId(), Optional.of(result), plan);
    }

    /**
     * Creates the change set, describes it and deletes it again, executing nothing; a stack the change set had to
     * create (in REVIEW_IN_PROGRESS) is deleted too, so a plan leaves the account as it found it.
     *
     * @throws SpartaUserException when the stack is another owner's, busy or stuck
     */
    public Plan plan(Request request, Safeguards safeguards) throws SpartaUserException {
        Prepared prepared = prepareStack(request, safeguards, "plan", Stacks.find(cloudFormation, request.stackName()));
        String changeSetName = LeftoverChangeSets.NAME_PREFIX + "plan-" + System.currentTimeMillis();
        try {
            return plan(request, prepared, changeSetName);
        } finally {
            sweepLeftovers(request, prepared, changeSetName);
        }
    }

    /**
     * Deletes the change sets earlier runs left on an existing stack, after this run's own is settled and when it
     * executed none: executing one deletes every other change set of the stack, as CloudFormation documents, so a
     * provision that changes something needs no listing, and one that changes nothing lists after its change set.
     */
    private void sweepLeftovers(Request request, Prepared prepared, String changeSetName) {
        if (prepared.type() == ChangeSetType.UPDATE) {
            LeftoverChangeSets.remove(cloudFormation, request.stackName(), changeSetName, console);
        }
    }

    private Plan plan(Request request, Prepared prepared, String changeSetName) throws SpartaUserException {
        Optional<DescribeChangeSetResponse> created;
        try {
            created = createAndAwait(request, prepared.type(), changeSetName);
        } catch (DeploymentFailedException | RuntimeException rejected) {
            // A change set CloudFormation rejected still exists (FAILED): a plan leaves nothing behind.
            discardChangeSet(request.stackName(), changeSetName, "it was made only to plan");
            discardReviewStackUnless(prepared, request.stackName());
            throw rejected;
        }
        if (created.isPresent()) {
            discardChangeSet(request.stackName(), changeSetName, "it was made only to plan");
        }
        discardReviewStackUnless(prepared, request.stackName());
        return created.map(changeSet -> {
                    Optional<JsonNode> deployed = deployedTemplate(request, prepared);
                    moves(request, deployed).ifPresent(console::warn);
                    return plan(request, prepared, changeSet, deployed);
                })
                .orElseGet(() -> Plan.unchanged(request.stackName()));
    }

    /**
     * Why the change cannot be made in one update when functions would change stacks (a service first split into
     * nested stacks, or into another number of them): their fixed names collide.
     */
    private static Optional<String> moves(Request request, Optional<JsonNode> deployed) {
        if (deployed.isEmpty()) {
            return Optional.empty();
        }
        List<String> moves = NestedStacks.moves(deployed.get(), request.template());
        return moves.isEmpty()
                ? Optional.empty()
                : Optional.of(NestedStacks.movesMessage(
                        request.stackName(),
                        NestedStacks.groups(deployed.get()),
                        NestedStacks.groups(request.template()),
                        moves));
    }

    /**
     * The template an existing stack runs now, the whole one for a service split into nested stacks; none for a
     * stack being created.
     */
    private Optional<JsonNode> deployedTemplate(Request request, Prepared prepared) {
        if (prepared.type() != ChangeSetType.UPDATE) {
            return Optional.empty();
        }
        Optional<JsonNode> deployed = DeployedTemplate.of(cloudFormation, request.stackName());
        String bucket = prepared.parameters().get(io.sparta.core.template.ServiceTemplate.ARTIFACT_BUCKET);
        return deployed.map(template -> DeployedTemplate.whole(s3, bucket, template, console));
    }

    private Plan plan(
            Request request, Prepared prepared, DescribeChangeSetResponse changeSet, Optional<JsonNode> deployed) {
        ChangeSetType type = prepared.type();
        List<PlannedChange> changes = new ArrayList<>();
        for (Change change : allChanges(request.stackName(), changeSet)) {
            changes.add(plannedChange(change.resourceChange(), deployed, request.template()));
        }
        return new Plan(
                request.stackName(),
                type.toString(),
                changes,
                PolicyDiff.between(deployed, request.template()),
                type == ChangeSetType.CREATE
                        ? List.of()
                        : parameterChanges(prepared.parameters(), request.parameters()));
    }

    /**
     * Values that differ between the deployed parameters and the new ones. A NoEcho parameter reads back as
     * {@code ****}, so its value cannot be compared and is not reported.
     */
    static List<ParameterChange> parameterChanges(Map<String, String> deployed, Map<String, String> proposed) {
        List<ParameterChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> parameter : new TreeMap<>(proposed).entrySet()) {
            String before = deployed.getOrDefault(parameter.getKey(), "");
            if (!before.equals(parameter.getValue()) && !NO_ECHO_MASK.equals(before)) {
                changes.add(new ParameterChange(parameter.getKey(), before, parameter.getValue()));
            }
        }
        return changes;
    }

    /** The change set's changes, every page of them: DescribeChangeSet pages past a few hundred. */
    private List<Change> allChanges(String stackName, DescribeChangeSetResponse first) {
        List<Change> changes = new ArrayList<>(first.changes());
        String next = first.nextToken();
        while (next != null && !next.isEmpty()) {
            String token = next;
            DescribeChangeSetResponse page = cloudFormation.describeChangeSet(r ->
                    r.stackName(stackName).changeSetName(first.changeSetId()).nextToken(token));
            changes.addAll(page.changes());
            next = page.nextToken();
        }
        return changes;
    }

    private static PlannedChange plannedChange(
            ResourceChange resource, Optional<JsonNode> deployed, JsonNode proposed) {
        Set<String> changed = new TreeSet<>();
        Set<String> replacing = new TreeSet<>();
        for (ResourceChangeDetail detail : resource.details()) {
            ResourceTargetDefinition target = detail.target();
            if (target == null) {
                continue;
            }
            String property = "Properties".equals(target.attributeAsString()) && target.name() != null
                    ? target.name()
                    : target.attributeAsString();
            changed.add(property);
            String recreation = target.requiresRecreationAsString();
            if ("Always".equals(recreation) || "Conditionally".equals(recreation)) {
                replacing.add(property);
            }
        }
        if (changed.isEmpty()) {
            resource.scope().forEach(scope -> changed.add(scope.toString()));
        }
        String action = resource.actionAsString();
        String id = resource.logicalResourceId();
        boolean retained = "Remove".equals(action)
                ? deployed.map(t -> keeps(t, id, "DeletionPolicy")).orElse(false)
                : keeps(proposed, id, "UpdateReplacePolicy");
        return new PlannedChange(
                action,
                id,
                resource.physicalResourceId() == null ? "" : resource.physicalResourceId(),
                resource.resourceType(),
                resource.replacementAsString() == null ? "" : resource.replacementAsString(),
                List.copyOf(replacing),
                List.copyOf(changed),
                retained);
    }

    /** Whether the template's policy keeps the resource in AWS when CloudFormation lets go of it. */
    private static boolean keeps(JsonNode template, String logicalId, String policy) {
        String value = template.path("Resources").path(logicalId).path(policy).asText();
        return "Retain".equals(value) || "Snapshot".equals(value) || "RetainExceptOnCreate".equals(value);
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

    /**
     * Change sets an earlier run left are swept after this run's own, when it executed none (see {@link #deploy}):
     * before it, only for a stack never created, which the new change set creates into.
     */
    private Prepared prepareStack(Request request, Safeguards safeguards, String goal, Optional<Stack> existing)
            throws SpartaUserException {
        String stackName = request.stackName();
        if (existing.isEmpty()) {
            return new Prepared(ChangeSetType.CREATE, null, false);
        }
        String status = existing.get().stackStatusAsString();
        if (StackStates.neverCreated(status)) {
            // Holds no resources yet: whoever made it, creating into it takes nothing from anyone.
            LeftoverChangeSets.remove(cloudFormation, stackName, null, console);
            return new Prepared(ChangeSetType.CREATE, null, true);
        }
        StackOwnership.check(existing.get(), request.service(), safeguards.adoptStack(), goal, console);
        if (StackStates.deadOnArrival(status)) {
            if ("plan".equals(goal)) {
                throw new SpartaUserException("Stack " + stackName + " is in ROLLBACK_COMPLETE after a failed first"
                        + " create; it cannot take a change set. sparta:provision deletes it and creates it again,"
                        + " adding every resource of the template");
            }
            console.warn("Stack " + stackName + " is in ROLLBACK_COMPLETE after a failed first create; deleting it"
                    + " and creating it again");
            String stackId = existing.get().stackId();
            cloudFormation.deleteStack(r -> r.stackName(stackId));
            try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
                waiter.waitUntilStackDeleteComplete(r -> r.stackName(stackId));
            }
            return new Prepared(ChangeSetType.CREATE, null, false);
        }
        if (!StackStates.settled(status)) {
            throw new SpartaUserException("Stack " + stackName + " is busy (" + status + "); run " + goal + " again"
                    + " once that operation has finished");
        }
        if (StackStates.stuck(status)) {
            throw new SpartaUserException("Stack " + stackName + " is in " + status + " and cannot be updated; see its"
                    + " events in the CloudFormation console, fix the cause, then continue the rollback or run"
                    + " sparta:delete");
        }
        Map<String, String> parameters = new TreeMap<>();
        existing.get()
                .parameters()
                .forEach(p -> parameters.put(p.parameterKey(), p.parameterValue() == null ? "" : p.parameterValue()));
        return new Prepared(ChangeSetType.UPDATE, existing.get().stackId(), true, parameters);
    }

    /** The created change set, or empty when CloudFormation found nothing to change. */
    private Optional<DescribeChangeSetResponse> createAndAwait(
            Request request, ChangeSetType type, String changeSetName) throws DeploymentFailedException {
        try {
            createChangeSet(request, type, changeSetName);
        } catch (CloudFormationException e) {
            if (nothingToChange(
                    e.awsErrorDetails() == null
                            ? e.getMessage()
                            : e.awsErrorDetails().errorMessage())) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.ofNullable(awaitChangeSet(request.stackName(), changeSetName));
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
                    .tags(request.stackTags().entrySet().stream()
                            .map(t -> Tag.builder()
                                    .key(t.getKey())
                                    .value(t.getValue())
                                    .build())
                            .toList())
                    .description(LeftoverChangeSets.DESCRIPTION));
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
        discardChangeSet(stackName, changeSetName, "it changes nothing");
    }

    /** Deletes a change set that will not run; a failure is reported, and the next run deletes it. */
    private void discardChangeSet(String stackName, String changeSetName, String why) {
        try {
            cloudFormation.deleteChangeSet(r -> r.stackName(stackName)
                    .changeSetName(changeSetName)
                    .overrideConfiguration(o -> o.apiCallTimeout(HOUSEKEEPING_TIMEOUT)));
        } catch (ChangeSetNotFoundException retriedAfterLostResponse) {
            console.debug("Change set " + changeSetName + " is already deleted: a retried call had deleted it");
        } catch (SdkException e) {
            console.warn("Could not delete change set " + changeSetName + " of stack " + stackName + ", kept because "
                    + why + " (" + AwsFailures.summary(e) + "); the next run deletes it");
        }
    }

    private void discardReviewStackUnless(Prepared prepared, String stackName) {
        if (!prepared.stackExisted()) {
            discardReviewStack(stackName);
        }
    }

    /** A stack a plan's CREATE change set made, holding nothing: deleted with the change set. */
    private void discardReviewStack(String stackName) {
        try {
            Optional<Stack> stack = Stacks.find(cloudFormation, stackName);
            if (stack.isPresent() && StackStates.neverCreated(stack.get().stackStatusAsString())) {
                cloudFormation.deleteStack(r -> r.stackName(stack.get().stackId()));
            }
        } catch (SdkException e) {
            console.warn("Could not delete the empty stack " + stackName + " the plan's change set made ("
                    + AwsFailures.summary(e) + "); it holds nothing, and the next provision creates into it");
        }
    }

    /**
     * Executes the change set.
     *
     * @return the reason CloudFormation gave when it refused the call and the stack went on to fail (an emulator may
     *     fail a resource at once, in the call's answer, where AWS reports it in the stack's events); empty when the
     *     change set runs
     */
    private Optional<String> execute(String stackName, String changeSetName) {
        try {
            cloudFormation.executeChangeSet(
                    r -> r.stackName(stackName).changeSetName(changeSetName).clientRequestToken(changeSetName));
            return Optional.empty();
        } catch (InvalidChangeSetStatusException e) {
            String execution = cloudFormation
                    .describeChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName))
                    .executionStatusAsString();
            if (execution == null || !execution.startsWith("EXECUTE_")) {
                throw e;
            }
            console.debug("Change set " + changeSetName + " is already " + execution + ": a retried call ran it");
            return Optional.empty();
        } catch (CloudFormationException e) {
            Optional<Stack> stack = e.statusCode() == 400 ? Stacks.find(cloudFormation, stackName) : Optional.empty();
            boolean failed = stack.map(Stack::stackStatusAsString)
                    .map(status -> status.contains("ROLLBACK") || status.endsWith("_FAILED"))
                    .orElse(false);
            if (!failed) {
                throw e;
            }
            return Optional.of(
                    e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                            ? e.getMessage()
                            : e.awsErrorDetails().errorMessage());
        }
    }

    private static boolean nothingToChange(String reason) {
        return reason != null
                && (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed"));
    }
}
