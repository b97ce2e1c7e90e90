package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /** The calls of an update that runs to completion. */
    private static final List<String> UPDATE_CALLS = List.of(
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
    private static final StackDeployer.Request REQUEST = new StackDeployer.Request(
            "orders", TEMPLATE_URL, Map.of("ArtifactBucket", "sparta-artifacts"), Map.of("team", "payments"));

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
    private final List<List<String>> hookRuns = new ArrayList<>();
    private final Runnable hook = () -> hookRuns.add(http.operations());

    @AfterEach
    void closeClient() {
        cloudFormation.close();
    }

    private StackDeployer.Deployment deploy() throws SpartaUserException {
        return deployer.deploy(REQUEST, hook);
    }

    // ---- prepareStack: what the stack's state makes of the change set

    @Test
    void withNoStackCreatesItThroughACreateChangeSetAndReportsTheSettledStack() throws Exception {
        http.answer("DescribeStacks", 400, error("ValidationError", "Stack with id orders does not exist"));
        scriptCreateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals(UPDATE_CALLS, http.operations());
        ScriptedHttp.Call create = http.call(1);
        assertEquals("orders", create.param("StackName"));
        assertEquals("CREATE", create.param("ChangeSetType"));
        assertEquals(TEMPLATE_URL, create.param("TemplateURL"));
        assertEquals("CAPABILITY_IAM", create.param("Capabilities.member.1"));
        assertEquals("ArtifactBucket", create.param("Parameters.member.1.ParameterKey"));
        assertEquals("sparta-artifacts", create.param("Parameters.member.1.ParameterValue"));
        assertEquals("team", create.param("Tags.member.1.Key"));
        assertEquals("payments", create.param("Tags.member.1.Value"));
        String changeSetName = create.param("ChangeSetName");
        assertTrue(changeSetName.matches("sparta-\\d+"), changeSetName);
        assertEquals(changeSetName, http.call(2).param("ChangeSetName"));
        assertEquals(STACK_ID, http.call(3).param("StackName"), "events are read by the change set's stack id");
        assertEquals(changeSetName, http.call(4).param("ChangeSetName"));
        assertEquals(changeSetName, http.call(4).param("ClientRequestToken"), "a retried execute is idempotent");
        assertEquals(STACK_ID, http.call(5).param("StackName"));
        assertEquals(List.of(), hookRuns, "a new stack has no old template to read before execute");

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
                        "Creating stack: 2 resource change(s)",
                        "  Add  HelloRole  AWS::IAM::Role",
                        "  Add  HelloFunction  AWS::Lambda::Function",
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
        http.ok("DescribeStacks", stacks(STACK_ID, "REVIEW_IN_PROGRESS"));
        scriptCreateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals("CREATE", http.call(1).param("ChangeSetType"));
        assertEquals("ExecuteChangeSet", http.call(4).operation());
        assertEquals(STACK_ID, deployment.stackId());
        assertEquals(
                "CREATE_COMPLETE", deployment.outcome().orElseThrow().stack().stackStatusAsString());
        assertEquals(List.of(), hookRuns);
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
        assertEquals(List.of(), hookRuns);
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
        assertEquals(List.of(), hookRuns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE_COMPLETE", "CREATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"})
    void aSettledStackIsUpdatedAndTheHookRunsWhileItStillHasItsOldTemplate(String status) throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, status));
        scriptUpdateToCompletion();

        StackDeployer.Deployment deployment = deploy();

        assertEquals(UPDATE_CALLS, http.operations());
        assertEquals("UPDATE", http.call(1).param("ChangeSetType"));
        assertEquals(
                List.of(List.of("DescribeStacks", "CreateChangeSet", "DescribeChangeSet", "DescribeStackEvents")),
                hookRuns,
                "once, after the change set is ready and before it executes");
        assertEquals(STACK_ID, deployment.stackId());
        StackOutcome outcome = deployment.outcome().orElseThrow();
        assertEquals("UPDATE_COMPLETE", outcome.stack().stackStatusAsString());
        assertEquals(
                List.of("e-1", "e-2", "e-3"),
                outcome.events().stream().map(StackEvent::eventId).toList(),
                "the last update's event was there before and is not this operation's");
        assertEquals(
                List.of(
                        "Updating stack: 2 resource change(s)",
                        "  Modify  HelloFunction  AWS::Lambda::Function",
                        "  Modify  HelloLogGroup  AWS::Logs::LogGroup  (replacement)"),
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
        assertEquals(1, hookRuns.size());
        assertEquals(0, http.unanswered());
    }

    // ---- nothing to change, and retried calls

    @Test
    void aCreateChangeSetRejectedForHavingNoChangesLeavesTheStackAlone() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .answer("CreateChangeSet", 400, error("ValidationError", NO_CHANGES));

        StackDeployer.Deployment deployment = deploy();

        assertEquals(List.of("DescribeStacks", "CreateChangeSet"), http.operations());
        assertEquals("UPDATE", http.call(1).param("ChangeSetType"));
        assertEquals(STACK_ID, deployment.stackId());
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(List.of(), hookRuns);
        assertEquals(List.of(), console.lines());
    }

    @Test
    void anyOtherValidationErrorOfCreateChangeSetIsThrown() {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .answer("CreateChangeSet", 400, error("ValidationError", "Parameters: [ArtifactKey] must have values"));

        CloudFormationException e = assertThrows(CloudFormationException.class, this::deploy);

        assertEquals(
                "Parameters: [ArtifactKey] must have values",
                e.awsErrorDetails().errorMessage());
        assertEquals(List.of("DescribeStacks", "CreateChangeSet"), http.operations());
    }

    @Test
    void aChangeSetThatFailsForHavingNoChangesIsDeletedAndTheStackLeftAlone() throws Exception {
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", NO_CHANGES, ""))
                .ok("DeleteChangeSet", response("DeleteChangeSet", ""));

        StackDeployer.Deployment deployment = deploy();

        assertEquals(
                List.of(
                        "DescribeStacks",
                        "CreateChangeSet",
                        "DescribeChangeSet",
                        "DescribeChangeSet",
                        "DeleteChangeSet"),
                http.operations(),
                "the waiter stops on FAILED; the change set is read again for its reason, then deleted");
        String changeSetName = http.call(1).param("ChangeSetName");
        assertEquals("orders", http.call(4).param("StackName"));
        assertEquals(changeSetName, http.call(4).param("ChangeSetName"));
        assertEquals(STACK_ID, deployment.stackId());
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(List.of(), hookRuns);
        assertEquals(List.of(), console.lines());
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
                                        + " cloudformation:DeleteChangeSet"));

        StackDeployer.Deployment deployment = deploy();

        assertEquals("DeleteChangeSet", http.operations().get(4));
        assertEquals(5, http.operations().size(), "a housekeeping failure is not retried");
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(STACK_ID, deployment.stackId());
        assertEquals(1, console.warnings().size(), console.warnings().toString());
        String warning = console.warnings().get(0);
        assertTrue(
                warning.startsWith(
                        "Could not delete the empty change set " + http.call(1).param("ChangeSetName")
                                + " of stack orders (User: arn:aws:iam::123456789012:user/dev is not authorized to perform:"
                                + " cloudformation:DeleteChangeSet"),
                warning);
        assertTrue(warning.endsWith("it changes nothing and can be deleted in the console"), warning);
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
                                "ChangeSetNotFound", "ChangeSet [" + call.param("ChangeSetName") + "] does not exist"));

        StackDeployer.Deployment deployment = deploy();

        assertEquals(5, http.operations().size());
        assertTrue(deployment.outcome().isEmpty());
        assertEquals(List.of(), console.warnings());
    }

    @Test
    void aChangeSetThatFailsForAnyOtherReasonFailsTheDeploymentWithThatReason() {
        String reason = "Template format error: Unresolved resource dependencies [HelloRole] in the Resources block of"
                + " the template";
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", reason, ""))
                .ok("DescribeChangeSet", call -> changeSet(call, "FAILED", "UNAVAILABLE", reason, ""));

        DeploymentFailedException e = assertThrows(DeploymentFailedException.class, this::deploy);

        assertEquals("CloudFormation rejected the change set for orders: " + reason, e.getMessage());
        assertEquals(
                List.of("DescribeStacks", "CreateChangeSet", "DescribeChangeSet", "DescribeChangeSet"),
                http.operations(),
                "neither executed nor deleted: the user may want to read it");
        assertEquals(List.of(), hookRuns);
    }

    @Test
    void aWaitThatEndsBeforeTheChangeSetIsReadyNeverExecutesIt() {
        // The waiter also gives up on an error it has no acceptor for; the change set may then still be pending.
        http.ok("DescribeStacks", stacks(STACK_ID, "UPDATE_COMPLETE"))
                .ok("CreateChangeSet", this::createdChangeSet)
                .answer("DescribeChangeSet", 400, call -> error("ValidationError", "Stack orders is being updated"))
                .ok("DescribeChangeSet", call -> changeSet(call, "CREATE_IN_PROGRESS", "UNAVAILABLE", "", ""));

        assertThrows(SdkClientException.class, this::deploy);

        assertEquals(
                List.of("DescribeStacks", "CreateChangeSet", "DescribeChangeSet", "DescribeChangeSet"),
                http.operations(),
                "not executed while it is still being created");
        assertEquals(List.of(), hookRuns);
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
        assertEquals(1, hookRuns.size());
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
                        "DescribeStackEvents",
                        "ExecuteChangeSet",
                        "DescribeChangeSet",
                        "DescribeStacks",
                        "DescribeStackEvents"),
                http.operations());
        assertEquals(http.call(1).param("ChangeSetName"), http.call(5).param("ChangeSetName"));
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
                        "DescribeStackEvents",
                        "ExecuteChangeSet",
                        "DescribeChangeSet"),
                http.operations(),
                "the stack is not watched: nothing runs");
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
                    <Tags><member><Key>team</Key><Value>payments</Value></member></Tags>
                    %s
                  </member>
                </Stacks>""".formatted(stackId, status, outputs));
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
