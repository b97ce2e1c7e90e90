package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Failure states cannot be produced on moto (it never rolls back), so the reading of events and statuses is
 * tested here with the sequences AWS documents for a failed first create and a failed update.
 */
class StackEventsTest {

    private static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/orders/1";
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final List<StackEvent> events = new ArrayList<>();

    private void event(int second, String logicalId, String type, String status, String reason) {
        boolean stack = type.equals("AWS::CloudFormation::Stack");
        events.add(StackEvent.builder()
                .eventId(logicalId + "-" + status + "-" + second)
                .stackId(STACK_ID)
                .stackName("orders")
                .logicalResourceId(logicalId)
                .physicalResourceId(stack ? STACK_ID : logicalId.toLowerCase())
                .resourceType(type)
                .resourceStatus(status)
                .resourceStatusReason(reason)
                .timestamp(T0.plusSeconds(second))
                .build());
    }

    @Test
    void aFailedFirstCreateNamesTheFailingResourceAndItsReasonFirst() {
        event(0, "orders", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated");
        event(1, "HelloRole", "AWS::IAM::Role", "CREATE_IN_PROGRESS", null);
        event(2, "HelloLogGroup", "AWS::Logs::LogGroup", "CREATE_IN_PROGRESS", null);
        event(
                3,
                "HelloLogGroup",
                "AWS::Logs::LogGroup",
                "CREATE_FAILED",
                "Resource handler returned message: \"/aws/lambda/orders-hello already exists\"");
        event(3, "HelloRole", "AWS::IAM::Role", "CREATE_FAILED", "Resource creation cancelled");
        event(
                4,
                "orders",
                "AWS::CloudFormation::Stack",
                "ROLLBACK_IN_PROGRESS",
                "The following resource(s) failed to create: [HelloLogGroup, HelloRole]. Rollback requested by user.");
        event(6, "HelloRole", "AWS::IAM::Role", "DELETE_COMPLETE", null);
        event(7, "orders", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null);

        assertEquals(
                List.of(
                        "HelloLogGroup (AWS::Logs::LogGroup): Resource handler returned message: \"/aws/lambda/orders-hello"
                                + " already exists\"",
                        "HelloRole (AWS::IAM::Role): Resource creation cancelled"),
                StackEvents.failures(events));
        Stack stack = Stack.builder()
                .stackName("orders")
                .stackId(STACK_ID)
                .stackStatus("ROLLBACK_COMPLETE")
                .build();
        assertEquals("""
                Stack orders ended in ROLLBACK_COMPLETE
                  failed: HelloLogGroup (AWS::Logs::LogGroup): Resource handler returned message: "/aws/lambda/orders-hello\
                 already exists"
                  failed: HelloRole (AWS::IAM::Role): Resource creation cancelled""", StackEvents.failureReport(new StackOutcome(stack, events)));
        assertTrue(StackStates.settled("ROLLBACK_COMPLETE"));
        assertFalse(StackStates.succeeded("ROLLBACK_COMPLETE"));
        assertTrue(StackStates.deadOnArrival("ROLLBACK_COMPLETE"));
        assertFalse(StackStates.settled("ROLLBACK_IN_PROGRESS"), "failure is reported only after the rollback ends");
    }

    @Test
    void aFailedUpdateSettlesInUpdateRollbackCompleteWhichCanBeUpdatedAgain() {
        event(0, "orders", "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated");
        event(
                2,
                "HelloFunction",
                "AWS::Lambda::Function",
                "UPDATE_FAILED",
                "Error occurred while GetObject. S3 Error Code: NoSuchKey");
        event(3, "orders", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_IN_PROGRESS", null);
        event(5, "orders", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
        event(6, "orders", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", null);

        assertEquals(
                List.of(
                        "HelloFunction (AWS::Lambda::Function): Error occurred while GetObject. S3 Error Code: NoSuchKey"),
                StackEvents.failures(events));
        assertFalse(StackStates.settled("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"));
        assertTrue(StackStates.settled("UPDATE_ROLLBACK_COMPLETE"));
        assertFalse(StackStates.succeeded("UPDATE_ROLLBACK_COMPLETE"));
        assertFalse(StackStates.stuck("UPDATE_ROLLBACK_COMPLETE"), "the next provision may update it");
        assertTrue(StackStates.stuck("UPDATE_ROLLBACK_FAILED"));
    }

    @Test
    void timesEachResourceFromItsFirstProgressToItsCompletionLongestFirst() {
        event(0, "orders", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated");
        event(1, "HelloLogGroup", "AWS::Logs::LogGroup", "CREATE_IN_PROGRESS", null);
        event(1, "HelloRole", "AWS::IAM::Role", "CREATE_IN_PROGRESS", null);
        event(2, "HelloLogGroup", "AWS::Logs::LogGroup", "CREATE_IN_PROGRESS", "Resource creation Initiated");
        event(3, "HelloLogGroup", "AWS::Logs::LogGroup", "CREATE_COMPLETE", null);
        event(17, "HelloRole", "AWS::IAM::Role", "CREATE_COMPLETE", null);
        event(18, "HelloFunction", "AWS::Lambda::Function", "CREATE_IN_PROGRESS", null);
        event(25, "HelloFunction", "AWS::Lambda::Function", "CREATE_COMPLETE", null);
        event(26, "orders", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null);

        assertEquals(
                Map.of(
                        "HelloRole",
                        Duration.ofSeconds(16),
                        "HelloFunction",
                        Duration.ofSeconds(7),
                        "HelloLogGroup",
                        Duration.ofSeconds(2)),
                StackEvents.durations(events));
        assertEquals(
                List.of("HelloRole", "HelloFunction", "HelloLogGroup"),
                List.copyOf(StackEvents.durations(events).keySet()));
        assertEquals(List.of(), StackEvents.failures(events));
        assertTrue(StackStates.succeeded("CREATE_COMPLETE"));
    }

    @Test
    void printsAnEventOnOneLineWithItsReason() {
        event(3, "HelloLogGroup", "AWS::Logs::LogGroup", "CREATE_FAILED", "already exists");
        assertEquals(
                "10:00:03  HelloLogGroup  AWS::Logs::LogGroup  CREATE_FAILED  already exists",
                StackEvents.line(events.get(0)));
    }

    @Test
    void aNeverExecutedCreateChangeSetLeavesAStackToCreateAgain() {
        assertTrue(StackStates.neverCreated("REVIEW_IN_PROGRESS"));
        assertFalse(StackStates.settled("REVIEW_IN_PROGRESS"));
    }
}
