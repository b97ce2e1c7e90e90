package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.RecordingConsole;
import io.sparta.core.common.JacksonReader;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.plan.Plan;
import io.sparta.core.plan.PlanReport;
import io.sparta.core.plan.Safeguards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetSummary;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The plan and the guards against moto's CloudFormation. Moto lists only Add, Modify and Remove (no replacement, no
 * property details): those are covered against AWS's documented shapes in {@link StackDeployerTest}.
 */
class SafeChangesOnMotoTest {

    @TempDir
    static Path work;

    static MotoClients aws;
    static CloudFormationClient cloudFormation;
    static S3Client s3;

    private final RecordingConsole console = new RecordingConsole();

    @BeforeAll
    static void startMoto() {
        aws = MotoClients.start(work, Region.US_EAST_1);
        cloudFormation = aws.cloudFormation;
        s3 = aws.s3;
        s3.createBucket(r -> r.bucket("templates"));
    }

    @AfterAll
    static void stopMoto() {
        aws.close();
    }

    /**
     * A worker's role reading a queue, the queue, and a table unless {@code table} is false; with {@code writes}
     * the role may also put items in the table.
     */
    private static String template(boolean table, boolean writes) {
        String tableStatement = writes
                ? ", {\"Effect\": \"Allow\", \"Action\": \"dynamodb:PutItem\", \"Resource\":"
                        + " {\"Fn::GetAtt\": [\"OrdersTable\", \"Arn\"]}}"
                : "";
        String tableResource = table
                ? ", \"OrdersTable\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {\"BillingMode\":"
                        + " \"PAY_PER_REQUEST\", \"AttributeDefinitions\": [{\"AttributeName\": \"id\","
                        + " \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\":"
                        + " \"HASH\"}]}}"
                : "";
        return """
                {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
                  "Jobs": {"Type": "AWS::SQS::Queue"},
                  "WorkerRole": {"Type": "AWS::IAM::Role", "Properties": {
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "Policies": [{"PolicyName": "access", "PolicyDocument": {"Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "sqs:ReceiveMessage",
                        "Resource": {"Fn::GetAtt": ["Jobs", "Arn"]}}%s]}}]}}%s}}""".formatted(tableStatement, tableResource);
    }

    private static StackDeployer.Request request(String stack, String service, String template) throws Exception {
        String key = stack + "/" + Integer.toHexString(template.hashCode()) + ".json";
        s3.putObject(r -> r.bucket("templates").key(key), RequestBody.fromString(template));
        JsonNode parsed = JacksonReader.MAPPER.readTree(template);
        return new StackDeployer.Request(
                stack, "https://s3.amazonaws.com/templates/" + key, parsed, Map.of(), Map.of(), service);
    }

    private StackDeployer deployer() {
        return new StackDeployer(cloudFormation, console);
    }

    private static Safeguards allowing(boolean dataLoss, boolean iam) {
        return new Safeguards(dataLoss, iam, Optional.empty(), Optional.empty());
    }

    private static List<ChangeSetSummary> unexecuted(String stack) {
        return cloudFormation.listChangeSets(r -> r.stackName(stack)).summaries().stream()
                .filter(s -> !s.executionStatusAsString().startsWith("EXECUTE_"))
                .toList();
    }

    @Test
    void aForeignStackIsRefusedAndKeepsItsQueue() throws Exception {
        cloudFormation.createStack(r -> r.stackName("billing")
                .templateBody("{\"Resources\": {\"Foreign\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\":"
                        + " {\"QueueName\": \"foreign-q\"}}}}"));

        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> deployer().deploy(request("billing", "billing", template(true, false)), Safeguards.none()));

        assertTrue(e.getMessage().startsWith("Stack billing exists and was not created by Sparta"), e.getMessage());
        assertEquals(
                "CREATE_COMPLETE",
                cloudFormation
                        .describeStacks(r -> r.stackName("billing"))
                        .stacks()
                        .get(0)
                        .stackStatusAsString());
        assertEquals(
                List.of("Foreign"),
                cloudFormation.describeStackResources(r -> r.stackName("billing")).stackResources().stream()
                        .map(r -> r.logicalResourceId())
                        .toList());
        assertEquals(List.of(), unexecuted("billing"), "no change set made");
        assertEquals(
                null,
                cloudFormation
                        .describeStacks(r -> r.stackName("billing"))
                        .stacks()
                        .get(0)
                        .lastUpdatedTime(),
                "never updated");
    }

    @Test
    void aGrantAddedThenATableRemovedArePlannedGuardedAndWrittenForAPullRequest() throws Exception {
        String stack = "orders-guarded";
        deployer().deploy(request(stack, "orders", template(true, false)), Safeguards.none());

        // A grant added: the plan says what broadens; provision stops without the flag and leaves no change set.
        Plan grant = deployer().plan(request(stack, "orders", template(true, true)), Safeguards.none());
        PlanReport.write(grant, work.resolve("grant"));
        String grantMarkdown = Files.readString(work.resolve("grant/plan.md"));
        assertTrue(grantMarkdown.startsWith("""
                        ### Sparta plan: stack `orders-guarded`

                        Updates the stack: %d resource change(s), 1 permission statement change(s).

                        > **Broader access:** 1 statement(s) grant more than before. Provision needs \
                        `-Dsparta.allowIamBroadening=true`.

                        | Action | Logical ID | Type | Replacement | Properties |
                        """.formatted(grant.resources().size())), grantMarkdown);
        assertTrue(grantMarkdown.contains("| Modify | `WorkerRole` | AWS::IAM::Role |  |  |\n"), grantMarkdown);
        assertTrue(grantMarkdown.endsWith("""
                        #### Permissions

                        | | Holder | Statement | Broadens |
                        |---|---|---|---|
                        | + | `WorkerRole` Policies/access | Allow dynamodb:PutItem on ${OrdersTable.Arn} | new action \
                        dynamodb:PutItem; new resource ${OrdersTable.Arn} |
                        """), grantMarkdown);
        assertEquals(List.of(), unexecuted(stack), "the plan deleted its change set");
        SpartaUserException stopped = assertThrows(
                SpartaUserException.class,
                () -> deployer().deploy(request(stack, "orders", template(true, true)), Safeguards.none()));
        assertTrue(stopped.getMessage().contains("-Dsparta.allowIamBroadening=true"), stopped.getMessage());
        assertEquals(List.of(), unexecuted(stack), "the refused change set is deleted");
        deployer().deploy(request(stack, "orders", template(true, true)), allowing(false, true));

        // The table removed: data loss, planned and refused until allowed.
        Plan removal = deployer().plan(request(stack, "orders", template(false, false)), Safeguards.none());
        PlanReport.write(removal, work.resolve("removal"));
        String markdown = Files.readString(work.resolve("removal/plan.md"));
        assertTrue(
                markdown.contains("> **Data loss:** `OrdersTable` (AWS::DynamoDB::Table, removed). Provision needs"
                        + " `-Dsparta.allowDataLoss=true`."),
                markdown);
        assertTrue(markdown.contains("| Remove :warning: | `OrdersTable` | AWS::DynamoDB::Table |  |  |"), markdown);
        assertFalse(markdown.contains("Broader access"), "removing a grant broadens nothing:\n" + markdown);
        assertThrows(
                SpartaUserException.class,
                () -> deployer().deploy(request(stack, "orders", template(false, false)), Safeguards.none()));
        assertTrue(resources(stack).contains("OrdersTable"), "refused: the table is still there");
        deployer().deploy(request(stack, "orders", template(false, false)), allowing(true, false));
        assertFalse(resources(stack).contains("OrdersTable"));
    }

    private static List<String> resources(String stack) {
        return cloudFormation.describeStackResources(r -> r.stackName(stack)).stackResources().stream()
                .map(r -> r.logicalResourceId())
                .toList();
    }

    @Test
    void aChangeSetAnInterruptedRunLeftIsDeletedByTheNextRunAndAPersonsIsKept() throws Exception {
        String stack = "orders-leftovers";
        StackDeployer.Request request = request(stack, "orders", template(true, false));
        deployer().deploy(request, Safeguards.none());
        String smaller = request(stack, "orders", template(false, false)).templateUrl();
        for (String name : List.of("sparta-1700000000000", "sparta-1700000000001")) {
            cloudFormation.createChangeSet(r -> r.stackName(stack)
                    .changeSetName(name)
                    .changeSetType(ChangeSetType.UPDATE)
                    .templateURL(smaller)
                    .description("Sparta for Java"));
        }
        cloudFormation.createChangeSet(r -> r.stackName(stack)
                .changeSetName("reviewed-by-ana")
                .changeSetType(ChangeSetType.UPDATE)
                .templateURL(request.templateUrl())
                .description("to apply on Monday"));
        assertEquals(3, unexecuted(stack).size());

        deployer().deploy(request, Safeguards.none());

        assertEquals(
                List.of("reviewed-by-ana"),
                unexecuted(stack).stream().map(ChangeSetSummary::changeSetName).toList());
        assertEquals(
                2,
                console.lines().stream()
                        .filter(l -> l.startsWith("Deleted change set sparta-17000000000"))
                        .count(),
                console.lines().toString());
    }

    @Test
    void aPlanOfANewStackLeavesNoStackBehind() throws Exception {
        Plan plan = deployer().plan(request("orders-new", "orders", template(true, false)), Safeguards.none());

        assertEquals("CREATE", plan.changeSetType());
        assertEquals(3, plan.resources().size());
        assertTrue(
                cloudFormation.listStacks().stackSummaries().stream()
                        .filter(s -> s.stackName().equals("orders-new"))
                        .allMatch(s -> s.stackStatusAsString().equals("DELETE_COMPLETE")),
                "only a deleted stack, if any");
    }

    @Test
    void aForeignStackIsNotDeletedWithoutAdoption() {
        cloudFormation.createStack(
                r -> r.stackName("payments").templateBody("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}"));

        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> new StackRemover(cloudFormation, console).delete("payments", "orders", Optional.empty()));

        assertEquals(
                "Stack payments exists and was not created by Sparta (it has no sparta:service tag); Sparta will not"
                        + " change or delete a stack another owner deployed.\n"
                        + "If another stack was meant, set <stackName> (-Dsparta.stackName). To delete it"
                        + " deliberately:\n  mvn sparta:delete -Dsparta.adoptStack=payments (with this run's other options)",
                e.getMessage());
    }

    @Test
    void aForeignStackDeletedWithAdoptionIsWarnedOfAsADeletionNotAChangeSet() throws Exception {
        cloudFormation.createStack(
                r -> r.stackName("ledger").templateBody("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}"));

        assertTrue(new StackRemover(cloudFormation, console).delete("ledger", "orders", Optional.of("ledger")));

        assertTrue(
                console.warnings()
                        .contains("Deleting stack ledger (-Dsparta.adoptStack): it was not created by Sparta (it"
                                + " has no sparta:service tag)"),
                console.lines().toString());
        assertTrue(
                console.lines().stream().noneMatch(line -> line.contains("change set")),
                console.lines().toString());
    }

    @Test
    void aFixedBucketNameThatIsTakenIsReportedBeforeAnyChangeSet() throws Exception {
        s3.createBucket(r -> r.bucket("kept-site-bucket"));
        String template = """
                {"Resources": {"Site": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "%s"}}}}""";

        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> FixedNameCollisions.check(
                        s3,
                        cloudFormation,
                        "orders-site",
                        JacksonReader.MAPPER.readTree(template.formatted("kept-site-bucket"))));

        assertTrue(
                e.getMessage()
                        .startsWith("Stack orders-site would create bucket(s) under a name that is taken: Site"
                                + " (BucketName kept-site-bucket)."),
                e.getMessage());
        FixedNameCollisions.check(
                s3,
                cloudFormation,
                "orders-site",
                JacksonReader.MAPPER.readTree(template.formatted("free-site-bucket")));

        // A stack that already holds the bucket under that name is not told its own bucket is taken.
        deployer().deploy(request("orders-site", "orders", template.formatted("owned-site-bucket")), Safeguards.none());
        FixedNameCollisions.check(
                s3,
                cloudFormation,
                "orders-site",
                JacksonReader.MAPPER.readTree(template.formatted("owned-site-bucket")));
        assertThrows(
                SpartaUserException.class,
                () -> FixedNameCollisions.check(
                        s3,
                        cloudFormation,
                        "orders-other",
                        JacksonReader.MAPPER.readTree(template.formatted("owned-site-bucket"))));
    }
}
