package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetSummary;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The case through real Maven on moto: a stack someone else made under the service's name, holding only a
 * queue, is refused by provision, planned with adoption, stopped by the data-loss guard, then taken over only with
 * both flags; a change set an interrupted run left is removed by the next one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafeChangesIT extends SharedSampleOnMoto {

    private static final String STACK = "hello-world";

    SafeChangesIT() {
        super("hello-world", "safe-changes");
    }

    private Stack stack() {
        return aws.cloudFormation
                .describeStacks(r -> r.stackName(STACK))
                .stacks()
                .get(0);
    }

    private List<String> resources() {
        return aws.cloudFormation.describeStackResources(r -> r.stackName(STACK)).stackResources().stream()
                .map(r -> r.logicalResourceId())
                .sorted()
                .toList();
    }

    private List<String> unexecutedChangeSets() {
        return aws.cloudFormation.listChangeSets(r -> r.stackName(STACK)).summaries().stream()
                .filter(s -> !s.executionStatusAsString().startsWith("EXECUTE_"))
                .map(ChangeSetSummary::changeSetName)
                .toList();
    }

    @Test
    @Order(1)
    void aForeignStackOfTheSameNameIsRefusedAndKeepsItsQueue() {
        assertEquals(0, sample.mvnWithoutAws("clean", "package").exitCode());
        aws.cloudFormation.createStack(r -> r.stackName(STACK)
                .templateBody("{\"Resources\": {\"Foreign\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\":"
                        + " {\"QueueName\": \"foreign-q\"}}}}"));

        SampleProject.BuildResult build = sample.mvn("sparta:provision");

        assertEquals(1, build.exitCode(), build.describe());
        assertTrue(
                build.logContains(
                        "Stack hello-world exists and was not created by Sparta (it has no sparta:service" + " tag)"),
                build.describe());
        assertTrue(build.logContains("mvn sparta:plan -Dsparta.adoptStack=hello-world"), build.describe());
        assertEquals(List.of("Foreign"), resources());
        assertEquals("CREATE_COMPLETE", stack().stackStatusAsString());
        assertEquals(List.of(), unexecutedChangeSets());
    }

    @Test
    @Order(2)
    void aPlanWithAdoptionShowsTheQueueRemovedAsDataLossAndLeavesNothingBehind() throws Exception {
        SampleProject.BuildResult build = sample.mvn("sparta:plan", "-Dsparta.adoptStack=hello-world");

        assertEquals(0, build.exitCode(), build.describe());
        String plan = Files.readString(sample.file("target/sparta/plan.md"));
        assertTrue(plan.contains("| Remove :warning: | `Foreign` | AWS::SQS::Queue |  |  |"), plan);
        assertTrue(plan.contains("> **Data loss:** `Foreign` (AWS::SQS::Queue, removed)."), plan);
        assertTrue(plan.contains("| Add | `HelloHandlerFunction` | AWS::Lambda::Function |"), plan);
        assertTrue(
                build.logContains("Provision will need -Dsparta.allowDataLoss=true: it removes Foreign"),
                build.describe());
        assertEquals(List.of(), unexecutedChangeSets(), "the plan deleted its change set");
        assertEquals(List.of("Foreign"), resources());
        assertEquals(null, stack().lastUpdatedTime(), "nothing executed");
    }

    @Test
    @Order(3)
    void adoptingStillStopsAtTheDataLossGuard() {
        SampleProject.BuildResult build = sample.mvn("sparta:provision", "-Dsparta.adoptStack=hello-world");

        assertEquals(1, build.exitCode(), build.describe());
        assertTrue(build.logContains("Stopped before changing the stack: this change destroys data"), build.describe());
        assertTrue(build.logContains("  Remove Foreign (AWS::SQS::Queue"), build.describe());
        assertEquals(List.of("Foreign"), resources());
        assertEquals(List.of(), unexecutedChangeSets(), "the refused change set is deleted");
    }

    @Test
    @Order(4)
    void withBothFlagsTheStackIsTakenOverTaggedAndTheQueueRemoved() {
        SampleProject.BuildResult build = sample.mvn(
                "sparta:provision",
                "-Dsparta.adoptStack=hello-world",
                "-Dsparta.allowDataLoss=true",
                "-Dsparta.allowIamBroadening=true");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Adopting stack hello-world (-Dsparta.adoptStack)"), build.describe());
        assertTrue(build.logContains("allowed by -Dsparta.allowDataLoss"), build.describe());
        assertFalse(resources().contains("Foreign"));
        assertTrue(resources().contains("HelloHandlerFunction"), resources().toString());
        assertTrue(
                build.logContains("the change set tags it sparta:service=hello-world once it executes"),
                build.describe());
    }

    @Test
    @Order(5)
    void deleteRefusesTheUntaggedStackThenDeletesItAdopted_motoKeepsTheTagsOfTheStacksCreate() {
        Map<String, String> tags = stack().tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        // AWS applies an executed UPDATE change set's tags to the stack; moto 5.2.5 keeps those of its create.
        assertEquals(Map.of(), tags);

        SampleProject.BuildResult refused = sample.mvn("sparta:delete");
        assertEquals(1, refused.exitCode(), refused.describe());
        assertTrue(refused.logContains("mvn sparta:delete -Dsparta.adoptStack=hello-world"), refused.describe());
        assertEquals("UPDATE_COMPLETE", stack().stackStatusAsString());

        SampleProject.BuildResult deleted = sample.mvn("sparta:delete", "-Dsparta.adoptStack=hello-world");
        assertEquals(0, deleted.exitCode(), deleted.describe());
        SampleProject.BuildResult created = sample.mvn("sparta:provision");
        assertEquals(0, created.exitCode(), created.describe());
        tags = stack().tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertEquals("hello-world", tags.get("sparta:service"), tags.toString());
    }

    @Test
    @Order(6)
    void
            aPlanOfTheUnchangedServiceHasNoChangesAndPassesTheCiGate_motoOnlySinceFakecloudListsAnIdenticalTemplateAsModify()
                    throws Exception {
        SampleProject.BuildResult build = sample.mvn("sparta:plan", "-Dsparta.failOnChanges=true");

        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(
                "### Sparta plan: stack `hello-world`\n\nNo changes.\n",
                Files.readString(sample.file("target/sparta/plan.md")));
    }

    @Test
    @Order(7)
    void aChangeSetAnInterruptedProvisionLeftIsDeletedByTheNext() {
        String templateUrl = "https://s3.amazonaws.com/"
                + stack().parameters().stream()
                        .filter(p -> p.parameterKey().equals("ArtifactBucket"))
                        .findFirst()
                        .orElseThrow()
                        .parameterValue()
                + "/hello-world/templates/left.json";
        String bucket = templateUrl.split("/")[3];
        aws.s3.putObject(
                r -> r.bucket(bucket).key("hello-world/templates/left.json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(
                        "{\"Resources\": {\"Left\": {\"Type\": \"AWS::SQS::Queue\"}}}"));
        aws.cloudFormation.createChangeSet(r -> r.stackName(STACK)
                .changeSetName("sparta-1700000000000")
                .changeSetType(ChangeSetType.UPDATE)
                .templateURL(templateUrl)
                .description("Sparta for Java"));
        assertEquals(List.of("sparta-1700000000000"), unexecutedChangeSets());

        SampleProject.BuildResult build = sample.mvn("sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Deleted change set sparta-1700000000000 of stack hello-world"), build.describe());
        assertEquals(List.of(), unexecutedChangeSets());
    }

    @Test
    @Order(8)
    void noCredentialReachesTheLogEvenAtDebug() throws Exception {
        Map<String, String> fake = Map.of(
                "AWS_ACCESS_KEY_ID", "AKIASPARTAFAKE000001",
                "AWS_SECRET_ACCESS_KEY", "spartaFakeSecretAccessKey0000000000000001",
                "AWS_SESSION_TOKEN", "spartaFakeSessionToken0000000000000000000001");

        SampleProject.BuildResult build = sample.mvn(fake, "-X", "sparta:provision", "sparta:status");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("[DEBUG] Sending Request: DefaultSdkHttpFullRequest"), "the SDK logged at debug");
        String log = Files.readString(build.logFile());
        for (String value : fake.values()) {
            assertFalse(log.contains(value), value + " is in " + build.logFile());
        }
    }
}
