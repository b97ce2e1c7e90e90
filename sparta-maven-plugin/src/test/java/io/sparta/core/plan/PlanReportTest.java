package io.sparta.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.JacksonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan as people read it: console lines and the Markdown for a pull request, and JSON for tools. */
class PlanReportTest {

    @TempDir
    Path work;

    /** An update that removes a table and grants the worker's role a new action. */
    private static Plan plan() throws Exception {
        JsonNode before = JacksonReader.MAPPER.readTree("""
                {"Resources": {"WorkerRole": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [
                  {"PolicyName": "access", "PolicyDocument": {"Statement": [{"Effect": "Allow",
                    "Action": "sqs:ReceiveMessage", "Resource": {"Fn::GetAtt": ["Jobs", "Arn"]}}]}}]}},
                  "OrdersTable": {"Type": "AWS::DynamoDB::Table"}}}""");
        JsonNode after = JacksonReader.MAPPER.readTree("""
                {"Resources": {"WorkerRole": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [
                  {"PolicyName": "access", "PolicyDocument": {"Statement": [{"Effect": "Allow",
                    "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
                    "Resource": {"Fn::GetAtt": ["Jobs", "Arn"]}}]}}]}}}}""");
        return new Plan(
                "orders",
                "UPDATE",
                List.of(
                        new PlannedChange(
                                "Modify",
                                "WorkerRole",
                                "orders-WorkerRole-1",
                                "AWS::IAM::Role",
                                "False",
                                List.of(),
                                List.of("Policies"),
                                false),
                        new PlannedChange(
                                "Remove",
                                "OrdersTable",
                                "orders-OrdersTable-9",
                                "AWS::DynamoDB::Table",
                                "",
                                List.of(),
                                List.of(),
                                false)),
                PolicyDiff.between(Optional.of(before), after));
    }

    @Test
    void theMarkdownNamesTheDataLossTheNewGrantAndTheFlagsProvisionNeeds() throws Exception {
        assertEquals("""
                ### Sparta plan: stack `orders`

                Updates the stack: 2 resource change(s), 2 permission statement change(s).

                > **Data loss:** `OrdersTable` (AWS::DynamoDB::Table, removed). Provision needs `-Dsparta.allowDataLoss=true`.

                > **Broader access:** 1 statement(s) grant more than before. Provision needs `-Dsparta.allowIamBroadening=true`.

                | Action | Logical ID | Type | Replacement | Properties |
                |---|---|---|---|---|
                | Modify | `WorkerRole` | AWS::IAM::Role | False | Policies |
                | Remove :warning: | `OrdersTable` | AWS::DynamoDB::Table |  |  |

                #### Permissions

                | | Holder | Statement | Broadens |
                |---|---|---|---|
                | + | `WorkerRole` Policies/access | Allow sqs:DeleteMessage, sqs:ReceiveMessage on ${Jobs.Arn} | new action sqs:DeleteMessage |
                | − | `WorkerRole` Policies/access | Allow sqs:ReceiveMessage on ${Jobs.Arn} |  |
                """, PlanReport.markdown(plan()));
    }

    @Test
    void theConsoleLinesEndWithTheDataLoss() throws Exception {
        assertEquals(
                List.of(
                        "Plan for stack orders (update): 2 resource change(s)",
                        "  Modify  WorkerRole  AWS::IAM::Role  [orders-WorkerRole-1]  properties: Policies",
                        "  Remove  OrdersTable  AWS::DynamoDB::Table  [orders-OrdersTable-9]  DATA LOSS",
                        "Permission changes: 1 statement(s) added, 1 removed",
                        "  + WorkerRole Policies/access: Allow sqs:DeleteMessage, sqs:ReceiveMessage on ${Jobs.Arn}"
                                + "  BROADENS: new action sqs:DeleteMessage",
                        "  - WorkerRole Policies/access: Allow sqs:ReceiveMessage on ${Jobs.Arn}",
                        "DATA LOSS: Remove OrdersTable (AWS::DynamoDB::Table orders-OrdersTable-9) deletes it and what"
                                + " it holds"),
                PlanReport.lines(plan()));
    }

    @Test
    void writesMarkdownAndJsonTheSameBytesEachTime() throws Exception {
        Path markdown = PlanReport.write(plan(), work);
        byte[] json = Files.readAllBytes(work.resolve("plan.json"));
        PlanReport.write(plan(), work);

        assertEquals(work.resolve("plan.md"), markdown);
        assertEquals(new String(json), new String(Files.readAllBytes(work.resolve("plan.json"))));
        JsonNode written = JacksonReader.MAPPER.readTree(json);
        assertEquals(true, written.path("dataLoss").asBoolean());
        assertEquals(true, written.path("broadensAccess").asBoolean());
        assertEquals("OrdersTable", written.at("/resources/1/logicalResourceId").asText());
        assertEquals(true, written.at("/resources/1/dataLoss").asBoolean());
        assertEquals(
                "new action sqs:DeleteMessage",
                written.at("/permissions/0/broadening/0").asText());
    }

    @Test
    void aPlanWithoutChangesSaysSo() {
        assertEquals(List.of("Plan for stack orders: no changes"), PlanReport.lines(Plan.unchanged("orders")));
        assertEquals("### Sparta plan: stack `orders`\n\nNo changes.\n", PlanReport.markdown(Plan.unchanged("orders")));
    }

    @Test
    void aChangeSetListingNothingIsStillAnUpdateAndEveryReportSaysWhatItMayChange() {
        Plan plan = new Plan("orders", "UPDATE", List.of(), List.of());

        String unlisted = "CloudFormation lists no resource or parameter change, but the change set still updates"
                + " the stack (its outputs, description, tags or NoEcho parameter values)";
        assertEquals(
                List.of("Plan for stack orders (update): 0 resource change(s)", "  " + unlisted),
                PlanReport.lines(plan));
        assertEquals(
                "### Sparta plan: stack `orders`\n\nUpdates the stack: 0 resource change(s), 0 permission statement"
                        + " change(s).\n\n" + unlisted + ".\n\n",
                PlanReport.markdown(plan));
        assertEquals("has a change set: " + unlisted, PlanReport.extent(plan));
    }

    @Test
    void aParameterOnlyChangeIsAChangeWithItsValues() {
        Plan plan = new Plan(
                "orders",
                "UPDATE",
                List.of(),
                List.of(),
                List.of(new ParameterChange("ArtifactKey", "orders/aa.jar", "orders/bb.jar")));

        assertEquals("""
                ### Sparta plan: stack `orders`

                Updates the stack: 0 resource change(s), 0 permission statement change(s), 1 parameter change(s).

                #### Parameters

                | Parameter | Deployed | New |
                |---|---|---|
                | `ArtifactKey` | orders/aa.jar | orders/bb.jar |
                """, PlanReport.markdown(plan));
        assertEquals(
                List.of(
                        "Plan for stack orders (update): 0 resource change(s)",
                        "Parameter changes:",
                        "  ArtifactKey: orders/aa.jar -> orders/bb.jar"),
                PlanReport.lines(plan));
        assertEquals("has 0 resource change(s), 1 parameter change(s)", PlanReport.extent(plan));
    }
}
