package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.plan.Safeguards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.InvalidChangeSetStatusException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * The deployment's paths through CloudFormation's states, which moto cannot produce (it never leaves a stack in
 * REVIEW_IN_PROGRESS, ROLLBACK_COMPLETE or a *_FAILED state, and never answers a retried call): the real SDK client
 * runs against responses shaped as the CloudFormation API reference documents them.
 */
class StackDeployerTest {

    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    /**
     * The calls of an update that runs to completion: no ListChangeSets, as executing a change set deletes every other
     * change set of the stack.
     */
    private static final List<String> UPDATE_CALLS = List.of(
            "DescribeStacks",
            "CreateChangeSet",
            "DescribeChangeSet",
            "GetTemplate",
            "DescribeStackEvents",
            "ExecuteChangeSet",
            "DescribeStacks",
            "DescribeStackEvents");

    /**
     * The calls of an update CloudFormation finds nothing in: the waiter stops on FAILED, the change set is read
     * again for its reason and deleted, then change sets an earlier run left are looked for.
     */
    private static final List<String> NO_CHANGE_CALLS = List.of(
            "DescribeStacks",
            "CreateChangeSet",
            "DescribeChangeSet",
            "DescribeChangeSet",
            "DeleteChangeSet",
            "ListChangeSets");

    /** The calls of a create that runs to completion: no old change sets to look for, no deployed template. */
    private static final List<String> CREATE_CALLS = List.of(
            "DescribeStacks",
            "CreateChangeSet",
            "DescribeChangeSet",
            "DescribeStackEvents",
            "ExecuteChangeSet",
            "DescribeStacks",
            "DescribeStackEvents");

    private static final String STACK_ID =
            "arn:aws:cloudformation:us-east-1:123456789012:stack/orders/5a1b2c3d-0000-4000-8000-00000000aaaa";
    private static final String DEAD_STACK_ID =
            "arn:aws:cloudformation:us-east-1:123456789012:stack/orders/0dead000-0000-4000-8000-00000000bbbb";
    private static final String TEMPLATE_URL =
            "https://sparta-artifacts.s3.us-east-1.amazonaws.com/orders/templates/9f2c.json";
    private static final String NO_CHANGES =
            "The submitted information didn't contain changes. Submit different information to create a change set.";
    private static final String HELLO_ROLE_POLICY =
            "{\"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\", \"Resource\": \"*\"}";
    private static final StackDeployer.Request REQUEST = new StackDeployer.Request(
            "orders",
            TEMPLATE_URL,
            template(HELLO_ROLE_POLICY),
            Map.of("ArtifactBucket", "sparta-artifacts"),
            Map.of("team", "payments"),
            "orders");

    private static final String HELLO_ADDED = change("Add", "HelloFunction", "AWS::Lambda::Function", null);
    private static final String ROLE_ADDED = change("Add", "HelloRole", "AWS::IAM::Role", null);
    private static final String REVIEW_EVENT = event(
            "e-review", 0, "orders", STACK_ID, "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
    private static final String LAST_UPDATE_EVENT =
            event("e-last", 0, "orders", STACK_ID, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null);

    private final ScriptedHttp http = ScriptedHttp.cloudFormation();
    private final CloudFormationClient cloudFormation = http.cloudFormationClient();
    private final RecordingConsole console = new RecordingConsole();
    private final StackDeployer deployer = new StackDeployer(cloudFormation, console);

    @AfterEach
    void closeClient() {
        cloudFormation.close();
    }

    private StackDeployer.Deployment deploy() throws SpartaUserException {
        return deployer.deploy(REQUEST, Safeguards.none());
    }

    // ---- prepareStack: what the stack's state makes of the change set

    @Test
    void withNoStackCreatesItThroughACreateChangeSetAndReportsTheSettledStack() throws Exception {
        http.answer("DescribeStacks", 400, error("ValidationError", "Stack with id orders does not exist"));
        scriptCreateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals(CREATE_CALLS, http.operations());
        ScriptedHttp.Call create = http.call(1);
        assertEquals("orders", create.param("StackName"));
        assertEquals("CREATE", create.param("ChangeSetType"));
        assertEquals(TEMPLATE_URL, create.param("TemplateURL"));
        assertEquals("CAPABILITY_IAM", create.param("Capabilities.member.1"));
        assertEquals("ArtifactBucket", create.param("Parameters.member.1.ParameterKey"));
        assertEquals("sparta-artifacts", create.param("Parameters.member.1.ParameterValue"));
        assertEquals("sparta:service", create.param("Tags.member.1.Key"), "the owner tag on every stack");
        assertEquals("orders", create.param("Tags.member.1.Value"));
        assertEquals("team", create.param("Tags.member.2.Key"));
        assertEquals("payments", create.param("Tags.member.2.Value"));
        String changeSetName = create.param("ChangeSetName");
        assertTrue(changeSetName.matches("sparta-\\d+"), changeSetName);
        assertEquals(changeSetName, http.call(2).param("ChangeSetName"));
        assertEquals(STACK_ID, http.call(3).param("StackName"), "events are read by the change set's stack id");
        assertEquals(changeSetName, http.call(4).param("ChangeSetName"));
        assertEquals(changeSetName, http.call(4).param("ClientRequestToken"), "a retried execute is idempotent");
        assertEquals(STACK_ID, http.call(5).param("StackName"));

        assertEquals(STACK_ID, deployment.stackId());
        StackOutcome outcome = deployment.outcome().orElseThrow();
        assertEquals("CREATE_COMPLETE", outcome.stack().stackStatusAsString());
        assertEquals(
                List.of(
                        "orders/CREATE_IN_PROGRESS", "HelloFunction/CREATE_IN_PROGRESS",
                        "HelloFunction/CREATE_COMPLETE", "orders/CREATE_COMPLETE"),
                outcome.events().stream()
                        .map(e -> e.logicalResourceId() + "/" + e.resourceStatusAsString())
                        .toList(),
                "only this operation's events, oldest first: the REVIEW_IN_PROGRESS one was there before");
        assertEquals(
                List.of(
                        "Plan for stack orders (create): 2 resource change(s)",
                        "  Add  HelloRole  AWS::IAM::Role",
                        "  Add  HelloFunction  AWS::Lambda::Function",
                        "Permission changes: 2 statement(s) added, 0 removed",
                        "  + HelloRole AssumeRolePolicyDocument: Allow sts:AssumeRole to Service:lambda.amazonaws.com",
                        "  + HelloRole Policies/access: Allow logs:PutLogEvents on *",
                        "  10:00:10  orders  AWS::CloudFormation::Stack  CREATE_IN_PROGRESS  User Initiated",
                        "  10:00:18  HelloFunction  AWS::Lambda::Function  CREATE_IN_PROGRESS",
                        "  10:00:25  HelloFunction  AWS::Lambda::Function  CREATE_COMPLETE",
                        "  10:00:30  orders  AWS::CloudFormation::Stack  CREATE_COMPLETE",
                        "Stack orders is CREATE_COMPLETE",
                        "Outputs:",
                        "  HelloFunctionArn = arn:aws:lambda:us-east-1:123456789012:function:orders-hello",
                        "Resource timings, longest first:",
                        "  HelloFunction  7.0 s"),
                console.lines());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aStackLeftInReviewInProgressByAnUnexecutedChangeSetIsCreatedAgain() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "REVIEW_IN_PROGRESS")).ok("ListChangeSets", changeSets());
        scriptCreateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals("ListChangeSets", http.call(1).operation(), "an earlier run's change sets are looked for");
        assertEquals("CREATE", http.call(2).param("ChangeSetType"));
        assertEquals("ExecuteChangeSet", http.call(5).operation());
        assertEquals(STACK_ID, deployment.stackId());
        assertEquals(
                "CREATE_COMPLETE", deployment.outcome().orElseThrow().stack().stackStatusAsString());
        assertEquals(List.of(), console.warnings());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aStackInRollbackCompleteIsDeletedAwaitedAndCreatedAgain() throws Exception {
        http.ok("DescribeStacks", stacks(DEAD_STACK_ID, "ROLLBACK_COMPLETE"))
                .ok("DeleteStack", response("DeleteStack", null))
                .ok("DescribeStacks", stacks(DEAD_STACK_ID, "DELETE_COMPLETE"));
        scriptCreateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals(
                List.of(
                        "DescribeStacks",
                        "DeleteStack",
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "DescribeStackEvents",
                        "ExecuteChangeSet",
                        "DescribeStacks",
                        "DescribeStackEvents"),
                http.operations());
        assertEquals(DEAD_STACK_ID, http.call(1).param("StackName"), "deleted by id, not by name");
        assertEquals(DEAD_STACK_ID, http.call(2).param("StackName"), "the delete is awaited by id");
        assertEquals("CREATE", http.call(3).param("ChangeSetType"));
        assertEquals(STACK_ID, deployment.stackId(), "the new stack, not the deleted one");
        assertEquals(
                List.of("Stack orders is in ROLLBACK_COMPLETE after a failed first create; deleting it and creating it"
                        + " again"),
                console.warnings());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aRollbackCompleteStackWhoseDeleteIsAlreadyGoneIsCreatedAgain() throws Exception {
        http.ok("DescribeStacks", stacks(DEAD_STACK_ID, "ROLLBACK_COMPLETE"))
                .ok("DeleteStack", response("DeleteStack", null))
                .answer(
                        "DescribeStacks",
                        400,
                        error("ValidationError", "Stack with id " + DEAD_STACK_ID + " does not exist"));
        scriptCreateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals("CreateChangeSet", http.call(3).operation(), "the waiter takes 'does not exist' as deleted");
        assertEquals("CREATE", http.call(3).param("ChangeSetType"));
        assertEquals(STACK_ID, deployment.stackId());
        assertEquals(0, http.unanswered());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE_IN_PROGRESS",
                "UPDATE_IN_PROGRESS",
                "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
                "UPDATE_ROLLBACK_IN_PROGRESS",
                "ROLLBACK_IN_PROGRESS",
                "DELETE_IN_PROGRESS"
            })
    void aStackBusyWithAnotherOperationIsLeftAlone(String status) {
        http.ok("DescribeStacks", stacks(STACK_ID, status));

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertEquals(SpartaUserException.class, e.getClass());
        assertEquals(
                "Stack orders is busy (" + status + "); run provision again once that operation has finished",
                e.getMessage());
        assertEquals(List.of("DescribeStacks"), http.operations());
        assertEquals("orders", http.call(0).param("StackName"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE_ROLLBACK_FAILED",
                "ROLLBACK_FAILED",
                "DELETE_FAILED",
                "CREATE_FAILED",
                "IMPORT_ROLLBACK_FAILED"
            })
    void aStackStuckInAFailedStateIsLeftForTheUser(String status) {
        http.ok("DescribeStacks", stacks(STACK_ID, status));

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertEquals(SpartaUserException.class, e.getClass());
        assertTrue(
                e.getMessage().startsWith("Stack orders is in " + status + " and cannot be updated;"), e.getMessage());
        assertTrue(e.getMessage().contains("sparta:delete"), e.getMessage());
        assertEquals(List.of("DescribeStacks"), http.operations());
    }

    /** Provision's up-to-date check described the stack already: the deployer goes on from that answer. */
    @Test
    void aStackDescribedEarlierInTheRunIsNotDescribedAgain() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"));
        UpToDateStack.Described described = UpToDateStack.describe(cloudFormation, "orders");
        scriptUpdateToCompletion();

        StackDeployer.Deployment deployment = deployer.deploy(REQUEST, Safeguards.none(), described);

        assertEquals(UPDATE_CALLS, http.operations(), "one DescribeStacks before the change set: the earlier one");
        assertEquals("UPDATE", http.call(1).param("ChangeSetType"));
        assertEquals(STACK_ID, deployment.stackId());
        assertEquals(0, http.unanswered());

        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> deployer.deploy(
                        REQUEST, Safeguards.none(), new UpToDateStack.Described("payments", Optional.empty())));
        assertEquals("described stack payments is not orders", other.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE_COMPLETE", "CREATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"})
    void aSettledStackIsUpdatedAndTheHookRunsWhileItStillHasItsOldTemplate(String status) throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, status));
        scriptUpdateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals(UPDATE_CALLS, http.operations());
        assertFalse(
                http.operations().contains("ListChangeSets"),
                "executing the change set deletes every other change set of the stack: nothing to list");
        assertEquals("UPDATE", http.call(1).param("ChangeSetType"));
        assertEquals("Original", http.call(3).param("TemplateStage"), "the plan reads the deployed template");
        assertEquals(STACK_ID, deployment.stackId());
        StackOutcome outcome = deployment.outcome().orElseThrow();
        assertEquals("UPDATE_COMPLETE", outcome.stack().stackStatusAsString());
        assertEquals(
                List.of("e-1", "e-2", "e-3"),
                outcome.events().stream().map(StackEvent::eventId).toList(),
                "the last update's event was there before and is not this operation's");
        assertEquals(
                List.of(
                        "Plan for stack orders (update): 2 resource change(s)",
                        "  Modify  HelloFunction  AWS::Lambda::Function  [hellofunction]",
                        "  Modify  HelloLogGroup  AWS::Logs::LogGroup  [hellologgroup]  replacement: True"),
                console.lines().subList(0, 3));
        assertEquals(0, http.unanswered());
    }

    @Test
    void anUpdateThatRollsBackFailsWithTheFailingResourceAndItsReason() {
        scriptUpdateReadyToExecute()
                .ok("ExecuteChangeSet", response("ExecuteChangeSet", ""))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_ROLLBACK_COMPLETE"))
                .ok(
                        "DescribeStackEvents",
                        events(
                                event(
                                        "e-4",
                                        9,
                                        "orders",
                                        STACK_ID,
                                        "AWS::CloudFormation::Stack",
                                        "UPDATE_ROLLBACK_COMPLETE",
                                        null),
                                event(
                                        "e-3",
                                        5,
                                        "orders",
                                        STACK_ID,
                                        "AWS::CloudFormation::Stack",
                                        "UPDATE_ROLLBACK_IN_PROGRESS",
                                        "The following resource(s) failed to update: [HelloFunction]."),
                                event(
                                        "e-2",
                                        4,
                                        "HelloFunction",
                                        "orders-hello",
                                        "AWS::Lambda::Function",
                                        "UPDATE_FAILED",
                                        "Error occurred while GetObject. S3 Error Code: NoSuchKey"),
                                event(
                                        "e-1",
                                        2,
                                        "orders",
                                        STACK_ID,
                                        "AWS::CloudFormation::Stack",
                                        "UPDATE_IN_PROGRESS",
                                        "User Initiated"),
                                LAST_UPDATE_EVENT));

        DeploymentFailedException e = assertThrows(DeploymentFailedException.class, this::deploy);

        assertEquals(
                "Stack orders ended in UPDATE_ROLLBACK_COMPLETE\n"
                        + "  failed: HelloFunction (AWS::Lambda::Function): Error occurred while GetObject. S3 Error"
                        + " Code: NoSuchKey",
                e.getMessage());
        assertEquals(0, http.unanswered());
    }

    // ---- nothing to change, and retried calls

    @Test
    void aCreateChangeSetRejectedForHavingNoChangesLeavesTheStackAlone() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .answer("CreateChangeSet", 400, error("ValidationError", NO_CHANGES))
                .ok("ListChangeSets", changeSets());

        StackDeployer.Deployment deployment = deploy();

        assertEquals(
                List.of("DescribeStacks", "CreateChangeSet", "ListChangeSets"),
                http.operations(),
                "nothing executed: an earlier run's change sets are looked for after this run's");
        assertEquals("UPDATE", http.call(1).param("ChangeSetType"));
        assertEquals("orders", http.call(2).param("StackName"));
        assertEquals(STACK_ID, deployment.stackId());
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(List.of(), console.lines());
        assertEquals(0, http.unanswered());
    }

    @Test
    void anyOtherValidationErrorOfCreateChangeSetIsThrown() {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .answer("CreateChangeSet", 400, error("ValidationError", "Parameters: [ArtifactKey] must have values"))
                .ok("ListChangeSets", changeSets());

        CloudFormationException e = assertThrows(CloudFormationException.class, this::deploy);

        assertEquals(
                "Parameters: [ArtifactKey] must have values",
                e.awsErrorDetails().errorMessage());
        assertEquals(
                List.of("DescribeStacks", "CreateChangeSet", "ListChangeSets"),
                http.operations(),
                "the leftovers are swept before the failure is thrown");
        assertEquals(0, http.unanswered());
    }

    @Test
    void aChangeSetThatFailsForHavingNoChangesIsDeletedAndTheStackLeftAlone() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""))
                .ok("ListChangeSets", changeSets());

        StackDeployer.Deployment deployment = deploy();

        assertEquals(
                NO_CHANGE_CALLS,
                http.operations(),
                "the waiter stops on FAILED; the change set is read again for its reason, then deleted, then an"
                        + " earlier run's change sets are looked for");
        String changeSetName = http.call(1).param("ChangeSetName");
        assertEquals("orders", http.call(4).param("StackName"));
        assertEquals(changeSetName, http.call(4).param("ChangeSetName"));
        assertEquals(STACK_ID, deployment.stackId());
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(List.of(), console.lines());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aFailedDeleteOfTheEmptyChangeSetOnlyWarns() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .answer(
                        "DeleteChangeSet",
                        403,
                        error(
                                "AccessDenied",
                                "User: arn:aws:iam::123456789012:user/dev is not authorized to perform:"
                                        + " cloudformation:DeleteChangeSet"))
                .ok("ListChangeSets", changeSets());

        StackDeployer.Deployment deployment = deploy();

        assertEquals("DeleteChangeSet", http.operations().get(4));
        assertEquals(NO_CHANGE_CALLS, http.operations(), "a housekeeping failure is not retried");
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(STACK_ID, deployment.stackId());
        assertEquals(1, console.warnings().size(), console.warnings().toString());
        String warning = console.warnings().get(0);
        assertTrue(
                warning.startsWith("Could not delete change set " + http.call(1).param("ChangeSetName")
                        + " of stack orders, kept because it changes nothing (AWS CloudFormation call failed:"
                        + " AccessDenied: User: arn:aws:iam::123456789012:user/dev is not authorized to perform:"
                        + " cloudformation:DeleteChangeSet (HTTP 403"),
                warning);
        assertTrue(warning.endsWith("the next run deletes it"), warning);
    }

    @Test
    void anEmptyChangeSetAlreadyDeletedByARetriedCallIsNoWarning() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .answer(
                        "DeleteChangeSet",
                        404,
                        call -> error(
                                "ChangeSetNotFound", "ChangeSet [" + call.param("ChangeSetName") + "] does not exist"))
                .ok("ListChangeSets", changeSets());

        StackDeployer.Deployment deployment = deploy();

        assertEquals(6, http.operations().size());
        assertEquals("ListChangeSets", http.operations().get(5));
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(List.of(), console.warnings());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aChangeSetThatFailsForAnyOtherReasonFailsTheDeploymentWithThatReason() {
        String reason = "Template format error: Unresolved resource dependencies [HelloRole] in the Resources block of"
                + " the template";
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", reason, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", reason, ""))
                // This run's rejected change set is listed with the others: a leftover by every other measure.
                .ok(
                        "ListChangeSets",
                        call -> changeSets(changeSetSummary(
                                http.call(1).param("ChangeSetName"), "Sparta for Java", "FAILED", "UNAVAILABLE")));

        DeploymentFailedException e = assertThrows(DeploymentFailedException.class, this::deploy);

        assertEquals("CloudFormation rejected the change set for orders: " + reason, e.getMessage());
        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "DescribeChangeSet",
                        "ListChangeSets"),
                http.operations(),
                "neither executed nor deleted: the user may want to read it; the sweep after it passes it by");
        assertEquals(List.of(), console.lines());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aWaitThatEndsBeforeTheChangeSetIsReadyNeverExecutesIt() {
        // The waiter also gives up on an error it has no acceptor for; the change set may then still be pending.
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .answer("DescribeChangeSet", 400, call -> error("ValidationError", "Stack orders is being updated"))
                .ok("DescribeChangeSet", call -> changeSet(call, "CREATE_IN_PROGRESS", "UNAVAILABLE", "", ""))
                .ok("ListChangeSets", changeSets());

        assertThrows(SdkClientException.class, this::deploy);

        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "DescribeChangeSet",
                        "ListChangeSets"),
                http.operations(),
                "not executed while it is still being created; the leftovers are swept before the failure is thrown");
        assertEquals(0, http.unanswered());
    }

    @Test
    void aCreateChangeSetRetriedAfterItsResponseWasLostGoesOnWithTheChangeSet() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .answer(
                        "CreateChangeSet",
                        400,
                        call -> error(
                                "AlreadyExistsException",
                                "ChangeSet " + call.param("ChangeSetName") + " already exists"));
        scriptUpdateAfterCreateChangeSet();

        StackDeployer.Deployment deployment = deploy();

        assertEquals(UPDATE_CALLS, http.operations());
        assertEquals(http.call(1).param("ChangeSetName"), http.call(2).param("ChangeSetName"));
        assertEquals(
                "UPDATE_COMPLETE", deployment.outcome().orElseThrow().stack().stackStatusAsString());
        assertEquals(0, http.unanswered());
    }

    @Test
    void anExecuteRetriedAfterItsResponseWasLostGoesOnWhenTheChangeSetIsAlreadyExecuting() throws Exception {
        scriptUpdateReadyToExecute()
                .answer(
                        "ExecuteChangeSet",
                        400,
                        error(
                                "InvalidChangeSetStatus",
                                "ChangeSet cannot be executed in its current status of [EXECUTE_IN_PROGRESS]"))
                .ok(
                        "DescribeChangeSet",
                        call -> changeSet(
                                call,
                                "CREATE_COMPLETE",
                                "EXECUTE_IN_PROGRESS",
                                null,
                                change("Modify", "HelloFunction", "AWS::Lambda::Function", "False")))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("DescribeStackEvents", updateEvents());

        StackDeployer.Deployment deployment = deploy();

        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "GetTemplate",
                        "DescribeStackEvents",
                        "ExecuteChangeSet",
                        "DescribeChangeSet",
                        "DescribeStacks",
                        "DescribeStackEvents"),
                http.operations());
        assertEquals(http.call(1).param("ChangeSetName"), http.call(6).param("ChangeSetName"));
        assertEquals(
                "UPDATE_COMPLETE", deployment.outcome().orElseThrow().stack().stackStatusAsString());
        assertEquals(3, deployment.outcome().orElseThrow().events().size());
        assertEquals(0, http.unanswered());
    }

    @Test
    void anInvalidStatusOnExecuteIsThrownWhenTheChangeSetIsNotExecuting() {
        scriptUpdateReadyToExecute()
                .answer(
                        "ExecuteChangeSet",
                        400,
                        error(
                                "InvalidChangeSetStatus",
                                "ChangeSet cannot be executed in its current status of [OBSOLETE]"))
                .ok(
                        "DescribeChangeSet",
                        call -> changeSet(
                                call,
                                "CREATE_COMPLETE",
                                "OBSOLETE",
                                null,
                                change("Modify", "HelloFunction", "AWS::Lambda::Function", "False")));

        InvalidChangeSetStatusException e = assertThrows(InvalidChangeSetStatusException.class, this::deploy);

        assertEquals(
                "ChangeSet cannot be executed in its current status of [OBSOLETE]",
                e.awsErrorDetails().errorMessage());
        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "GetTemplate",
                        "DescribeStackEvents",
                        "ExecuteChangeSet",
                        "DescribeChangeSet"),
                http.operations(),
                "the stack is not watched: nothing runs");
        assertEquals(0, http.unanswered());
    }

    @Test
    void anExecuteRefusedAsTheStackRollsBackIsReportedAsTheFailedDeploymentWithTheRefusalsReason() {
        String reason = "Failed to create resource BrokenAlias: Function orders-missing does not exist yet";
        scriptUpdateReadyToExecute()
                .answer("ExecuteChangeSet", 400, error("ValidationError", reason))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_ROLLBACK_COMPLETE"))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_ROLLBACK_COMPLETE"))
                .ok("DescribeStackEvents", events(LAST_UPDATE_EVENT));

        DeploymentFailedException e = assertThrows(DeploymentFailedException.class, this::deploy);

        assertEquals(
                "Stack orders ended in UPDATE_ROLLBACK_COMPLETE\n  failed: ExecuteChangeSet refused: " + reason,
                e.getMessage());
        assertEquals(0, http.unanswered());
    }

    @Test
    void anExecuteRefusedWhileTheStackIsUntouchedIsThrownAsTheCallsFailure() {
        scriptUpdateReadyToExecute()
                .answer("ExecuteChangeSet", 400, error("ValidationError", "Stack orders is in an invalid state"))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"));

        CloudFormationException e = assertThrows(CloudFormationException.class, this::deploy);

        assertEquals("Stack orders is in an invalid state", e.awsErrorDetails().errorMessage());
        assertEquals(0, http.unanswered());
    }

    @Test
    void theScriptedClientAnswersACallTheScriptDoesNotExpectWithAnError() {
        http.ok("DescribeStackEvents", events());

        CloudFormationException e = assertThrows(CloudFormationException.class, this::deploy);

        assertEquals("UnscriptedCall", e.awsErrorDetails().errorCode());
        assertEquals(
                "the script expected DescribeStackEvents next, the client sent DescribeStacks",
                e.awsErrorDetails().errorMessage());
        assertEquals(List.of("DescribeStacks"), http.operations());
    }

    // ---- ownership: a stack another owner deployed is not ours to change

    @Test
    void aStackWithoutTheOwnerTagIsRefusedBeforeAnyChangeSet() {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE", "", null));

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertEquals(
                "Stack orders exists and was not created by Sparta (it has no sparta:service tag); Sparta will not"
                        + " change or delete a stack another owner deployed.\n"
                        + "If another stack was meant, set <stackName> (-Dsparta.stackName). To take this one over"
                        + " deliberately, see what would change, then provision it:\n"
                        + "  mvn sparta:plan -Dsparta.adoptStack=orders\n"
                        + "  mvn sparta:provision -Dsparta.adoptStack=orders\n"
                        + "(each with this run's other options, such as -Dsparta.stackName or -Dsparta.environment;"
                        + " removing the stack's own resources then also needs -Dsparta.allowDataLoss=true)",
                e.getMessage());
        assertEquals(List.of("DescribeStacks"), http.operations(), "nothing created, nothing changed");
    }

    @Test
    void aStackOfAnotherServiceIsRefusedNamingThatService() {
        http.ok("DescribeStacks", stacks(STACK_ID, "ROLLBACK_COMPLETE", "", "billing"));

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertTrue(
                e.getMessage()
                        .startsWith("Stack orders exists and belongs to Sparta service billing (its sparta:service"
                                + " tag)"),
                e.getMessage());
        assertEquals(List.of("DescribeStacks"), http.operations(), "not even a dead stack of another is deleted");
    }

    @Test
    void anAdoptedStackIsUpdatedAndTaggedWithALoggedWarning() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE", "", null));
        scriptUpdateToCompletion();

        deployer.deploy(REQUEST, new Safeguards(false, false, Optional.of("orders"), Optional.empty()));

        assertEquals(UPDATE_CALLS, http.operations());
        assertEquals("sparta:service", http.call(1).param("Tags.member.1.Key"));
        assertEquals("orders", http.call(1).param("Tags.member.1.Value"));
        assertEquals(
                List.of("Adopting stack orders (-Dsparta.adoptStack): it was not created by Sparta (it has no"
                        + " sparta:service tag); the change set tags it sparta:service=orders once it executes"),
                console.warnings());
    }

    @Test
    void anAdoptionNamingAnotherStackIsRefused() {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"));

        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> deployer.deploy(REQUEST, new Safeguards(false, false, Optional.of("order"), Optional.empty())));

        assertEquals(
                "-Dsparta.adoptStack names stack order, but this goal acts on stack orders; give the stack's own"
                        + " name, or leave the property out",
                e.getMessage());
    }

    // ---- leftovers: change sets an earlier run made and never executed

    @Test
    void onlySpartasUnexecutedChangeSetsAreDeletedAfterTheNextOne() throws Exception {
        // A provision that changes nothing executes no change set, so it lists an earlier run's after its own.
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .answer("CreateChangeSet", 400, error("ValidationError", NO_CHANGES))
                .ok(
                        "ListChangeSets",
                        changeSets(
                                changeSetSummary(
                                        "sparta-1700000000000", "Sparta for Java", "CREATE_COMPLETE", "AVAILABLE"),
                                changeSetSummary("sparta-1700000000001", "Sparta for Java", "FAILED", "UNAVAILABLE"),
                                changeSetSummary(
                                        "sparta-1700000000002", "Sparta for Java", "CREATE_IN_PROGRESS", "UNAVAILABLE"),
                                changeSetSummary(
                                        "sparta-1700000000003", "Sparta for Java", "CREATE_COMPLETE", "EXECUTE_FAILED"),
                                changeSetSummary("sparta-by-hand", "Reviewed by Ana", "CREATE_COMPLETE", "AVAILABLE"),
                                changeSetSummary("release-42", null, "CREATE_COMPLETE", "AVAILABLE")))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""));

        deploy();

        assertEquals(
                List.of("DescribeStacks", "CreateChangeSet", "ListChangeSets", "DeleteChangeSet", "DeleteChangeSet"),
                http.operations());
        assertEquals(
                "arn:aws:cloudformation:us-east-1:123456789012:changeSet/sparta-1700000000000/1111",
                http.call(3).param("ChangeSetName"),
                "deleted by id");
        assertTrue(http.call(4).param("ChangeSetName").contains("/sparta-1700000000001/"));
        assertEquals(2, console.lines().size(), console.lines().toString());
        assertTrue(
                console.lines()
                        .get(0)
                        .startsWith("Deleted change set sparta-1700000000000 of stack orders (created"
                                + " 2026-11-22T08:00:00Z)"),
                console.lines().get(0));
        assertEquals(0, http.unanswered());
    }

    // ---- guards: data loss and broader access stop before execute

    private static final String TABLE_REMOVED = """
            <member><Type>Resource</Type><ResourceChange>
              <Action>Remove</Action><LogicalResourceId>OrdersTable</LogicalResourceId>
              <PhysicalResourceId>orders-OrdersTable-1X2Y</PhysicalResourceId>
              <ResourceType>AWS::DynamoDB::Table</ResourceType><Scope/><Details/>
            </ResourceChange></member>""";

    private static final String BUCKET_REPLACED = """
            <member><Type>Resource</Type><ResourceChange>
              <Action>Modify</Action><LogicalResourceId>Uploads</LogicalResourceId>
              <PhysicalResourceId>orders-uploads-1</PhysicalResourceId>
              <ResourceType>AWS::S3::Bucket</ResourceType><Replacement>True</Replacement>
              <Scope><member>Properties</member></Scope>
              <Details>
                <member><Target><Attribute>Properties</Attribute><Name>BucketName</Name>
                  <RequiresRecreation>Always</RequiresRecreation></Target>
                  <Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource></member>
                <member><Target><Attribute>Properties</Attribute><Name>Tags</Name>
                  <RequiresRecreation>Never</RequiresRecreation></Target>
                  <Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource></member>
              </Details>
            </ResourceChange></member>""";

    /** An update whose change set holds {@code changes}, up to the plan: the guards decide what comes next. */
    private void scriptUpdatePlanned(String changes, String deployedStatements) {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "CREATE_COMPLETE", "AVAILABLE", null, changes))
                .ok("GetTemplate", deployedTemplate(deployedStatements));
    }

    /** A guard stopped the change: its change set is deleted, then an earlier run's are looked for. */
    private void scriptStopped() {
        http.ok("DeleteChangeSet", response("DeleteChangeSet", "")).ok("ListChangeSets", changeSets());
    }

    /** The calls of an update a guard stopped: never executed, its change set deleted, the leftovers swept. */
    private static final List<String> STOPPED_CALLS = List.of(
            "DescribeStacks",
            "CreateChangeSet",
            "DescribeChangeSet",
            "GetTemplate",
            "DeleteChangeSet",
            "ListChangeSets");

    /**
     * A plan of an update whose change set holds {@code changes}: the change set is deleted before the deployed
     * template is read, and an earlier run's change sets are looked for last.
     */
    private void scriptUpdatePlan(String changes, String deployedStatements) {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "CREATE_COMPLETE", "AVAILABLE", null, changes))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""))
                .ok("GetTemplate", deployedTemplate(deployedStatements))
                .ok("ListChangeSets", changeSets());
    }

    @Test
    void aRemovedTableStopsTheProvisionAndItsChangeSetIsDeleted() {
        scriptUpdatePlanned(TABLE_REMOVED + BUCKET_REPLACED, HELLO_ROLE_POLICY);
        scriptStopped();

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertEquals(
                "Stopped before changing the stack: this change destroys data held by 2 resource(s):\n"
                        + "  Remove OrdersTable (AWS::DynamoDB::Table orders-OrdersTable-1X2Y)\n"
                        + "  Modify Uploads (AWS::S3::Bucket orders-uploads-1): replaced because of BucketName\n"
                        + "To keep it, leave it in the template (a table or bucket declared with retainOnDelete = true"
                        + " also stays in AWS when it leaves the template); if its data may go, run again with"
                        + " -Dsparta.allowDataLoss=true",
                e.getMessage());
        assertEquals("DeleteChangeSet", http.operations().get(4), "no leftover for the next run");
        assertEquals(
                http.call(1).param("ChangeSetName"),
                http.call(4).param("ChangeSetName"),
                "this run's own change set, by name");
        assertEquals(STOPPED_CALLS, http.operations(), "never executed; an earlier run's change sets swept after");
        assertEquals(0, http.unanswered());
        assertTrue(
                console.lines()
                        .contains("  Modify  Uploads  AWS::S3::Bucket  [orders-uploads-1]  replacement: True"
                                + " (BucketName)  DATA LOSS"),
                console.lines().toString());
    }

    @Test
    void theDataLossFlagLetsItRunAndIsLoggedWithWhatItAllowed() throws Exception {
        scriptUpdatePlanned(TABLE_REMOVED, HELLO_ROLE_POLICY);
        http.ok("DescribeStackEvents", events(LAST_UPDATE_EVENT))
                .ok("ExecuteChangeSet", response("ExecuteChangeSet", ""))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("DescribeStackEvents", updateEvents());

        deployer.deploy(REQUEST, new Safeguards(true, false, Optional.empty(), Optional.empty()));

        assertEquals(UPDATE_CALLS, http.operations());
        assertEquals(
                List.of(
                        "This change destroys data held by 1 resource(s), allowed by -Dsparta.allowDataLoss:",
                        "  Remove OrdersTable (AWS::DynamoDB::Table orders-OrdersTable-1X2Y)"),
                console.warnings(),
                "a warning a line, so each carries Maven's prefix");
    }

    @Test
    void atATerminalTheUserIsAskedAndANoStops() {
        scriptUpdatePlanned(TABLE_REMOVED, HELLO_ROLE_POLICY);
        scriptStopped();
        List<String> questions = new ArrayList<>();

        assertThrows(
                SpartaUserException.class,
                () -> deployer.deploy(REQUEST, new Safeguards(false, false, Optional.empty(), Optional.of(question -> {
                    questions.add(question);
                    return false;
                }))));

        assertEquals(
                List.of("This change destroys data held by 1 resource(s):\n"
                        + "  Remove OrdersTable (AWS::DynamoDB::Table orders-OrdersTable-1X2Y)\nGo ahead?"),
                questions);
        assertEquals(STOPPED_CALLS, http.operations());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aRetainedTableIsNoDataLoss() throws Exception {
        String retained = templateText(HELLO_ROLE_POLICY)
                .replace(
                        "\"HelloFunction\":",
                        "\"OrdersTable\": {\"Type\": \"AWS::DynamoDB::Table\", \"DeletionPolicy\": \"Retain\"},"
                                + " \"HelloFunction\":");
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "CREATE_COMPLETE", "AVAILABLE", null, TABLE_REMOVED))
                .ok("GetTemplate", response("GetTemplate", "<TemplateBody>" + retained + "</TemplateBody>"))
                .ok("DescribeStackEvents", events(LAST_UPDATE_EVENT))
                .ok("ExecuteChangeSet", response("ExecuteChangeSet", ""))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("DescribeStackEvents", updateEvents());

        StackDeployer.Deployment deployment = deploy();

        assertEquals(List.of(), deployment.plan().dataLoss());
        assertTrue(deployment.plan().resources().get(0).retained());
        assertTrue(
                console.lines()
                        .contains("  Remove  OrdersTable  AWS::DynamoDB::Table  [orders-OrdersTable-1X2Y]  (kept in AWS"
                                + " by its policy)"),
                console.lines().toString());
    }

    @Test
    void anUpdateGrantingANewActionStopsWithoutTheIamFlag() {
        // The deployed role may only write logs; REQUEST's template is the same, so the deployed one is narrowed.
        String narrower = "{\"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\", \"Resource\":"
                + " \"arn:aws:logs:*:*:log-group:/aws/lambda/orders-hello:*\"}";
        scriptUpdatePlanned(change("Modify", "HelloRole", "AWS::IAM::Role", "False"), narrower);
        scriptStopped();

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertEquals(
                "Stopped before changing the stack: this change grants more access than the deployed stack in 1"
                        + " statement(s):\n"
                        + "  HelloRole Policies/access: any resource (*)\n"
                        + "Review the grants (mvn sparta:plan writes them to target/sparta/plan.md), then run again"
                        + " with -Dsparta.allowIamBroadening=true",
                e.getMessage());
        assertEquals(6, http.operations().size(), "never executed");
        assertEquals(STOPPED_CALLS, http.operations());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aPlanListsParameterValuesThatChangeButNotANoEchoOnesMask() throws Exception {
        scriptUpdatePlan("", HELLO_ROLE_POLICY);
        StackDeployer.Request newArchive = new StackDeployer.Request(
                "orders",
                TEMPLATE_URL,
                template(HELLO_ROLE_POLICY),
                Map.of("ArtifactBucket", "sparta-artifacts-2", "DbPassword", "{{resolve:ssm:/orders/db}}"),
                Map.of(),
                "orders");

        io.sparta.core.plan.Plan plan = deployer.plan(newArchive, Safeguards.none());

        assertEquals(
                List.of(new io.sparta.core.plan.ParameterChange(
                        "ArtifactBucket", "sparta-artifacts", "sparta-artifacts-2")),
                plan.parameters());
        assertTrue(plan.hasChanges(), "a change set listing no resource still changes a parameter's users");
        assertEquals(0, http.unanswered());
    }

    @Test
    void bothGuardsAreNamedInOneRefusal() {
        String narrower = "{\"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\", \"Resource\":"
                + " \"arn:aws:logs:*:*:log-group:/aws/lambda/orders-hello:*\"}";
        scriptUpdatePlanned(TABLE_REMOVED, narrower);
        scriptStopped();

        SpartaUserException e = assertThrows(SpartaUserException.class, this::deploy);

        assertTrue(
                e.getMessage().contains("-Dsparta.allowDataLoss=true\nAlso: this change grants more access"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("-Dsparta.allowIamBroadening=true"), e.getMessage());
        assertEquals(STOPPED_CALLS, http.operations());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aPlanOfAnUpToDateStackDeletesTheEmptyChangeSetOnce() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""))
                .ok("ListChangeSets", changeSets());

        io.sparta.core.plan.Plan plan = deployer.plan(REQUEST, Safeguards.none());

        assertEquals(
                NO_CHANGE_CALLS,
                http.operations(),
                "deleted once: a second delete of a deleted change set only waits for an error; the leftovers are"
                        + " swept after it");
        assertEquals(false, plan.hasChanges());
        assertEquals(List.of(), console.warnings());
        assertEquals(0, http.unanswered());
    }

    @Test
    void aPlanWhoseChangeSetIsRejectedDeletesItAndSaysWhy() {
        String reason = "Template format error: Unresolved resource dependencies [HelloRole]";
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", reason, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", reason, ""))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""))
                .ok("ListChangeSets", changeSets());

        DeploymentFailedException e =
                assertThrows(DeploymentFailedException.class, () -> deployer.plan(REQUEST, Safeguards.none()));

        assertEquals("CloudFormation rejected the change set for orders: " + reason, e.getMessage());
        assertEquals("DeleteChangeSet", http.operations().get(4), "a plan leaves no change set behind");
        assertEquals("ListChangeSets", http.operations().get(5), "the leftovers are swept after it, before the throw");
        assertEquals(6, http.operations().size());
        assertEquals(0, http.unanswered());
    }

    // ---- plan: a change set described and deleted, nothing executed

    @Test
    void aPlanOfAnUpdateDeletesItsChangeSetAndExecutesNothing() throws Exception {
        scriptUpdatePlan(TABLE_REMOVED, HELLO_ROLE_POLICY);

        io.sparta.core.plan.Plan plan = deployer.plan(REQUEST, Safeguards.none());

        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "DeleteChangeSet",
                        "GetTemplate",
                        "ListChangeSets"),
                http.operations(),
                "an earlier run's change sets are looked for last, after the plan's own is deleted");
        assertTrue(http.call(1).param("ChangeSetName").startsWith("sparta-plan-"));
        assertEquals(http.call(1).param("ChangeSetName"), http.call(3).param("ChangeSetName"));
        assertEquals(List.of(), console.warnings());
        assertEquals(0, http.unanswered());
        assertEquals("UPDATE", plan.changeSetType());
        assertEquals(
                List.of("OrdersTable"),
                plan.dataLoss().stream().map(c -> c.logicalId()).toList());
    }

    @Test
    void aPlanOfANewStackAlsoDeletesTheEmptyStackItsChangeSetMade() throws Exception {
        http.answer("DescribeStacks", 400, error("ValidationError", "Stack with id orders does not exist"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok(
                        "DescribeChangeSet",
                        call -> changeSet(call, "CREATE_COMPLETE", "AVAILABLE", null, ROLE_ADDED + HELLO_ADDED))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""))
                .ok("DescribeStacks", stacks(STACK_ID, "REVIEW_IN_PROGRESS"))
                .ok("DeleteStack", response("DeleteStack", null));

        io.sparta.core.plan.Plan plan = deployer.plan(REQUEST, Safeguards.none());

        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "DeleteChangeSet",
                        "DescribeStacks",
                        "DeleteStack"),
                http.operations());
        assertEquals(STACK_ID, http.call(5).param("StackName"), "deleted by id");
        assertEquals("CREATE", plan.changeSetType());
        assertEquals(2, plan.resources().size());
        assertEquals(0, http.unanswered());
    }

    // ---- scripts

    /** From CreateChangeSet on: a CREATE that adds a role and a function and completes. */
    private void scriptCreateToCompletion() {
        http.ok("CreateChangeSet", this::createdChangeSet)
                .ok(
                        "DescribeChangeSet",
                        call -> changeSet(call, "CREATE_COMPLETE", "AVAILABLE", null, ROLE_ADDED + HELLO_ADDED))
                .ok("DescribeStackEvents", events(REVIEW_EVENT))
                .ok("ExecuteChangeSet", response("ExecuteChangeSet", ""))
                .ok(
                        "DescribeStacks",
                        stacks(
                                STACK_ID,
                                "CREATE_COMPLETE",
                                "<Outputs><member><OutputKey>HelloFunctionArn</OutputKey>"
                                        + "<OutputValue>arn:aws:lambda:us-east-1:123456789012:function:orders-hello"
                                        + "</OutputValue><Description>hello's ARN</Description></member></Outputs>"))
                .ok(
                        "DescribeStackEvents",
                        events(
                                event(
                                        "e-4",
                                        30,
                                        "orders",
                                        STACK_ID,
                                        "AWS::CloudFormation::Stack",
                                        "CREATE_COMPLETE",
                                        null),
                                event(
                                        "e-3",
                                        25,
                                        "HelloFunction",
                                        "orders-hello",
                                        "AWS::Lambda::Function",
                                        "CREATE_COMPLETE",
                                        null),
                                event(
                                        "e-2",
                                        18,
                                        "HelloFunction",
                                        "",
                                        "AWS::Lambda::Function",
                                        "CREATE_IN_PROGRESS",
                                        null),
                                event(
                                        "e-1",
                                        10,
                                        "orders",
                                        STACK_ID,
                                        "AWS::CloudFormation::Stack",
                                        "CREATE_IN_PROGRESS",
                                        "User Initiated"),
                                REVIEW_EVENT));
    }

    /** From CreateChangeSet on: an UPDATE that modifies the function and replaces its log group. */
    private void scriptUpdateToCompletion() {
        http.ok("CreateChangeSet", this::createdChangeSet);
        scriptUpdateAfterCreateChangeSet();
    }

    private void scriptUpdateAfterCreateChangeSet() {
        http.ok(
                        "DescribeChangeSet",
                        call -> changeSet(
                                call,
                                "CREATE_COMPLETE",
                                "AVAILABLE",
                                null,
                                change("Modify", "HelloFunction", "AWS::Lambda::Function", "False")
                                        + change("Modify", "HelloLogGroup", "AWS::Logs::LogGroup", "True")))
                .ok("GetTemplate", deployedTemplate(HELLO_ROLE_POLICY))
                .ok("DescribeStackEvents", events(LAST_UPDATE_EVENT))
                .ok("ExecuteChangeSet", response("ExecuteChangeSet", ""))
                .ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("DescribeStackEvents", updateEvents());
    }

    private static String updateEvents() {
        return events(
                event("e-3", 9, "orders", STACK_ID, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null),
                event("e-2", 6, "HelloFunction", "orders-hello", "AWS::Lambda::Function", "UPDATE_COMPLETE", null),
                event(
                        "e-1",
                        2,
                        "orders",
                        STACK_ID,
                        "AWS::CloudFormation::Stack",
                        "UPDATE_IN_PROGRESS",
                        "User Initiated"),
                LAST_UPDATE_EVENT);
    }

    // ---- CloudFormation's Query API responses, as its API reference documents them

    private static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"" + NS + "\">\n"
                + (result == null ? "" : "  <" + action + "Result>" + result + "</" + action + "Result>\n")
                + "  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>\n"
                + "</" + action + "Response>";
    }

    /** An update whose change set is created with one change, the events before it read: execute comes next. */
    private ScriptedHttp scriptUpdateReadyToExecute() {
        return http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok(
                        "DescribeChangeSet",
                        call -> changeSet(
                                call,
                                "CREATE_COMPLETE",
                                "AVAILABLE",
                                null,
                                change("Modify", "HelloFunction", "AWS::Lambda::Function", "False")))
                .ok("GetTemplate", deployedTemplate(HELLO_ROLE_POLICY))
                .ok("DescribeStackEvents", events(LAST_UPDATE_EVENT));
    }

    private static String error(String code, String message) {
        return """
                <ErrorResponse xmlns="%s">
                  <Error>
                    <Type>Sender</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>4af1b6a2-0f56-4cf0-9c4e-example</RequestId>
                </ErrorResponse>""".formatted(NS, code, message);
    }

    private static String stacks(String stackId, String status) {
        return stacks(stackId, status, "");
    }

    private static String stacks(String stackId, String status, String outputs) {
        return stacks(stackId, status, outputs, "orders");
    }

    /** @param owner the stack's sparta:service tag, or null for a stack without one */
    private static String stacks(String stackId, String status, String outputs, String owner) {
        return response("DescribeStacks", """
                <Stacks>
                  <member>
                    <StackName>orders</StackName>
                    <StackId>%s</StackId>
                    <Description>Sparta for Java</Description>
                    <CreationTime>2026-11-23T09:58:00.000Z</CreationTime>
                    <StackStatus>%s</StackStatus>
                    <DisableRollback>false</DisableRollback>
                    <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
                    <Parameters><member><ParameterKey>ArtifactBucket</ParameterKey>
                      <ParameterValue>sparta-artifacts</ParameterValue></member>
                      <member><ParameterKey>DbPassword</ParameterKey><ParameterValue>****</ParameterValue></member>
                    </Parameters>
                    <Tags><member><Key>team</Key><Value>payments</Value></member>%s</Tags>
                    %s
                  </member>
                </Stacks>""".formatted(
                        stackId,
                        status,
                        owner == null ? "" : "<member><Key>sparta:service</Key><Value>" + owner + "</Value></member>",
                        outputs));
    }

    private String createdChangeSet(ScriptedHttp.Call call) {
        return response("CreateChangeSet", """
                <Id>arn:aws:cloudformation:us-east-1:123456789012:changeSet/%s/9d1e0c2b-0000-4000-8000-00000000cccc</Id>
                <StackId>%s</StackId>""".formatted(call.param("ChangeSetName"), STACK_ID));
    }

    /** The change set the request names, echoed as DescribeChangeSet does. */
    private static String changeSet(
            ScriptedHttp.Call call, String status, String executionStatus, String reason, String changes) {
        String name = call.param("ChangeSetName");
        return response("DescribeChangeSet", """
                <ChangeSetName>%s</ChangeSetName>
                <ChangeSetId>arn:aws:cloudformation:us-east-1:123456789012:changeSet/%s/9d1e0c2b-0000-4000-8000-00000000cccc</ChangeSetId>
                <StackId>%s</StackId>
                <StackName>orders</StackName>
                <Description>Sparta for Java</Description>
                <CreationTime>2026-11-23T10:00:01.000Z</CreationTime>
                <ExecutionStatus>%s</ExecutionStatus>
                <Status>%s</Status>
                %s
                <NotificationARNs/>
                <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
                <Parameters>
                  <member><ParameterKey>ArtifactBucket</ParameterKey><ParameterValue>sparta-artifacts</ParameterValue></member>
                </Parameters>
                <Changes>%s</Changes>
                <IncludeNestedStacks>false</IncludeNestedStacks>""".formatted(
                        name,
                        name,
                        STACK_ID,
                        executionStatus,
                        status,
                        reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>",
                        changes));
    }

    private static String change(String action, String logicalId, String type, String replacement) {
        return """
                <member>
                  <Type>Resource</Type>
                  <ResourceChange>
                    <Action>%s</Action>
                    <LogicalResourceId>%s</LogicalResourceId>
                    <ResourceType>%s</ResourceType>
                    %s
                    <Scope/>
                    <Details/>
                  </ResourceChange>
                </member>""".formatted(
                        action,
                        logicalId,
                        type,
                        replacement == null
                                ? ""
                                : "<PhysicalResourceId>" + logicalId.toLowerCase() + "</PhysicalResourceId>"
                                        + "<Replacement>" + replacement + "</Replacement>");
    }

    /** ListChangeSets' answer with the given summaries. */
    private static String changeSets(String... summaries) {
        return response("ListChangeSets", "<Summaries>" + String.join("", summaries) + "</Summaries>");
    }

    private static String changeSetSummary(String name, String description, String status, String executionStatus) {
        return """
                <member>
                  <StackId>%s</StackId>
                  <StackName>orders</StackName>
                  <ChangeSetId>arn:aws:cloudformation:us-east-1:123456789012:changeSet/%s/1111</ChangeSetId>
                  <ChangeSetName>%s</ChangeSetName>
                  <ExecutionStatus>%s</ExecutionStatus>
                  <Status>%s</Status>
                  <CreationTime>2026-11-22T08:00:00.000Z</CreationTime>
                  %s
                </member>""".formatted(
                        STACK_ID,
                        name,
                        name,
                        executionStatus,
                        status,
                        description == null ? "" : "<Description>" + description + "</Description>");
    }

    /** A role whose inline policy holds the given statements, in a template with a function and its log group. */
    private static com.fasterxml.jackson.databind.JsonNode template(String statements) {
        try {
            return io.sparta.core.common.JacksonReader.MAPPER.readTree(templateText(statements));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String templateText(String statements) {
        return """
                {"Resources": {
                  "HelloRole": {"Type": "AWS::IAM::Role", "Properties": {
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "Policies": [{"PolicyName": "access", "PolicyDocument": {"Version": "2012-10-17",
                      "Statement": [%s]}}]}},
                  "HelloFunction": {"Type": "AWS::Lambda::Function", "Properties": {}},
                  "HelloLogGroup": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}}""".formatted(statements);
    }

    /** GetTemplate's answer: the deployed template, its statements as given. */
    private static String deployedTemplate(String statements) {
        return response(
                "GetTemplate",
                "<TemplateBody>"
                        + templateText(statements)
                                .replace("&", "&amp;")
                                .replace("<", "&lt;")
                                .replace(">", "&gt;")
                        + "</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member>"
                        + "</StagesAvailable>");
    }

    /** Newest first, as DescribeStackEvents lists them. */
    private static String events(String... events) {
        return response("DescribeStackEvents", "<StackEvents>" + String.join("", events) + "</StackEvents>");
    }

    private static String event(
            String id, int second, String logicalId, String physicalId, String type, String status, String reason) {
        return """
                <member>
                  <EventId>%s</EventId>
                  <StackId>%s</StackId>
                  <StackName>orders</StackName>
                  <LogicalResourceId>%s</LogicalResourceId>
                  <PhysicalResourceId>%s</PhysicalResourceId>
                  <ResourceType>%s</ResourceType>
                  <Timestamp>2026-11-23T10:00:%02d.000Z</Timestamp>
                  <ResourceStatus>%s</ResourceStatus>
                  %s
                </member>""".formatted(
                        id,
                        STACK_ID,
                        logicalId,
                        physicalId,
                        type,
                        second,
                        status,
                        reason == null ? "" : "<ResourceStatusReason>" + reason + "</ResourceStatusReason>");
    }
}
