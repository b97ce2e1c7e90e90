package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The hello-world sample's whole life on moto: package, provision, provision again unchanged, change code,
 * refuse a stale package, prune, delete, delete with the artifacts. Each step builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelloWorldIT extends SharedSampleOnMoto {

    private static final String STACK = "hello-world";
    private static final String HELLO = "hello-world-HelloHandler";
    private static final String SHOUT = "hello-world-shout";

    HelloWorldIT() {
        super("hello-world");
    }

    @Test
    @Order(1)
    void packageWritesALintCleanTemplateAndAManifestOfflineWithoutAws() throws Exception {
        // The first build may fetch Maven's own plugins; the second proves none of it needs the network.
        SampleProject.BuildResult online = sample.mvnWithoutAws("clean", "package");
        assertEquals(0, online.exitCode(), online.describe());
        byte[] firstTemplate = Files.readAllBytes(template());
        SampleProject.BuildResult build = sample.mvnWithoutAws("clean", "package", "-o");
        assertEquals(0, build.exitCode(), build.describe());
        assertArrayEquals(firstTemplate, Files.readAllBytes(template()), "same code, same template bytes");

        assertEquals(List.of(), cfnLint.errors(template()), "cfn-lint errors");
        assertPoliciesLintClean(template());
        JsonNode manifest = json(sample.file("target/sparta/manifest.json"));
        assertEquals(STACK, manifest.path("stackName").asText());
        assertEquals(
                Set.of("com.example.hello.HelloHandler", "com.example.hello.Greetings::shout"),
                Set.of(
                        manifest.at("/functions/0/handler").asText(),
                        manifest.at("/functions/1/handler").asText()));
        // The archive is known by what it holds, read from its zip directory; its file's bytes are not hashed.
        assertTrue(manifest.path("archiveContentSha256").asText().matches("[0-9a-f]{64}"), manifest.toString());
        assertFalse(manifest.has("archiveSha256"), manifest.toString());
    }

    @Test
    @Order(2)
    void provisionCreatesBothFunctionsAsDeclared_onMoto() throws Exception {
        SampleProject.BuildResult build = sample.mvn("sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("CREATE_COMPLETE"), build.describe());

        HelloWorldChecks.bothFunctionsAsDeclared(aws, archive());
    }

    @Test
    @Order(3)
    void eachRoleTrustsOnlyLambdaAndMayOnlyWriteItsOwnLogGroup_onMoto() {
        HelloWorldChecks.eachRoleWritesOnlyItsOwnLogGroup(aws);
    }

    @Test
    @Order(4)
    void logGroupsKeepTheDeclaredRetention_onMoto() {
        HelloWorldChecks.logGroupsKeepTheDeclaredRetention(aws);
    }

    @Test
    @Order(5)
    void architectureIsCheckedInTheTemplate_motoIgnoresArchitecturesInCloudFormation() throws Exception {
        JsonNode resources = json(template()).path("Resources");
        assertEquals(
                "arm64",
                resources.at("/HelloHandlerFunction/Properties/Architectures/0").asText());
        assertTrue(
                resources.at("/ShoutFunction/Properties/Architectures").isMissingNode(),
                "x86_64 is Lambda's default, left out like every other default");
    }

    @Test
    @Order(6)
    void functionArnsAreDeclaredOutputs_motoReportsNoOutputsForChangeSetStacks() throws Exception {
        JsonNode outputs = json(template()).path("Outputs");
        assertEquals(
                "HelloHandlerFunction",
                outputs.at("/HelloHandlerArn/Value/Fn::GetAtt/0").asText());
        assertEquals("ShoutFunction", outputs.at("/ShoutArn/Value/Fn::GetAtt/0").asText());
    }

    @Test
    @Order(7)
    void provisionAgainLeavesStackAndBucketUntouched_motoOnlySinceFakecloudListsAnIdenticalTemplateAsModify() {
        Stack before = stack();
        int eventsBefore = aws.cloudFormation
                .describeStackEvents(r -> r.stackName(STACK))
                .stackEvents()
                .size();
        List<String> objectsBefore = artifactKeys();

        SampleProject.BuildResult build = sample.mvn("sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        // moto returns no Description for a stack made through a change set, so the one-call comparison
        // (UpToDateStackTest) cannot match here: this is the change set path finding nothing to change.
        assertTrue(build.logContains("Stack hello-world is up to date; nothing to change"), build.describe());
        // Four calls before the change set: the service's stack described once (for the up-to-date check and the
        // deployer both), the artifact bucket's stack, and a HeadObject each for the archive and the template. The
        // leftover sweep (ListChangeSets) comes after the empty change set is deleted.
        assertTrue(
                build.logContains("9 AWS calls in 9 attempts (CloudFormation:CreateChangeSet 1,"
                        + " CloudFormation:DeleteChangeSet 1, CloudFormation:DescribeChangeSet 2,"
                        + " CloudFormation:DescribeStacks 2, CloudFormation:ListChangeSets 1, S3:HeadObject 2),"
                        + " 0 bytes uploaded to S3"),
                build.describe());

        Stack after = stack();
        assertEquals(before.lastUpdatedTime(), after.lastUpdatedTime());
        assertEquals(before.stackStatus(), after.stackStatus());
        assertEquals(
                eventsBefore,
                aws.cloudFormation
                        .describeStackEvents(r -> r.stackName(STACK))
                        .stackEvents()
                        .size());
        assertEquals(objectsBefore, artifactKeys());
    }

    @Test
    @Order(8)
    void
            aCleanRebuildOfUnchangedCodeUploadsNothingAndChangesNoFunction_motoOnlySinceFakecloudListsAnIdenticalTemplateAsModify()
                    throws Exception {
        // The sample sets no project.build.outputTimestamp, as most projects do not: each build's jar differs.
        String firstBytes = sha256Hex(archive());
        Thread.sleep(2_100); // past the two-second resolution of zip entry times
        SampleProject.BuildResult rebuild = sample.mvnWithoutAws("clean", "package", "-o");
        assertEquals(0, rebuild.exitCode(), rebuild.describe());
        assertTrue(rebuild.logContains("project.build.outputTimestamp is not set"), rebuild.describe());
        assertNotEquals(firstBytes, sha256Hex(archive()), "the rebuilt jar's bytes differ");
        Stack before = stack();
        List<String> objectsBefore = artifactKeys();

        SampleProject.BuildResult build = sample.mvn("sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        // moto returns no Description for a stack made through a change set, so the one-call comparison
        // (UpToDateStackTest) cannot match here: this is the change set path finding nothing to change.
        assertTrue(build.logContains("Stack hello-world is up to date; nothing to change"), build.describe());
        assertTrue(build.logContains(", 0 bytes uploaded to S3"), build.describe());
        assertEquals(before.lastUpdatedTime(), stack().lastUpdatedTime());
        assertEquals(objectsBefore, artifactKeys());
    }

    @Test
    @Order(9)
    void provisionRefusesCodeCompiledAfterPackage() throws Exception {
        Path source = sample.file("src/main/java/com/example/hello/HelloHandler.java");
        Files.writeString(source, Files.readString(source).replace("\"world\"", "\"there\""));
        SampleProject.BuildResult compiled = sample.mvnWithoutAws("compile", "-o");
        assertEquals(0, compiled.exitCode(), compiled.describe());

        SampleProject.BuildResult build = sample.mvn("sparta:provision");
        assertEquals(1, build.exitCode(), build.describe());
        assertTrue(build.logContains("older than the classes"), build.describe());
        assertTrue(build.logContains("Run 'mvn package' first"), build.describe());
    }

    @Test
    @Order(10)
    void changedCodeIsUploadedAndDeployed() throws Exception {
        String oldHash = aws.lambda
                .getFunction(r -> r.functionName(HELLO))
                .configuration()
                .codeSha256();

        SampleProject.BuildResult packaged = sample.mvnWithoutAws("package", "-o");
        assertEquals(0, packaged.exitCode(), packaged.describe());
        assertEquals(List.of(), cfnLint.errors(template()), "cfn-lint errors");
        SampleProject.BuildResult build = sample.mvn("sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("UPDATE_COMPLETE"), build.describe());

        String newHash = aws.lambda
                .getFunction(r -> r.functionName(HELLO))
                .configuration()
                .codeSha256();
        assertNotEquals(oldHash, newHash);
        assertEquals(codeSha256(archive()), newHash);
        assertEquals(
                codeSha256(archive()),
                aws.lambda
                        .getFunction(r -> r.functionName(SHOUT))
                        .configuration()
                        .codeSha256());
    }

    @Test
    @Order(11)
    void theLocalGoalsReachTheDeployedFunction_motoRunsNoCodeWithoutDocker() throws Exception {
        Path event = Files.writeString(sample.file("event.json"), "{\"name\":\"Ada\"}");
        SampleProject.BuildResult remote = sample.mvn(
                "sparta:invoke", "-Dsparta.remote=true", "-Dsparta.function=HelloHandler", "-Dsparta.event=" + event);
        assertEquals(1, remote.exitCode(), remote.describe());
        assertTrue(remote.logContains("Invoking " + HELLO + " on Lambda in us-east-1"), remote.describe());
        assertTrue(remote.logContains("Function HelloHandler (" + HELLO + ") failed on Lambda ("), remote.describe());

        SampleProject.BuildResult fromStack = sample.mvn(
                "sparta:invoke",
                "-Dsparta.resourcesFromStack=true",
                "-Dsparta.function=HelloHandler",
                "-Dsparta.event=" + event);
        assertEquals(0, fromStack.exitCode(), fromStack.describe());
        assertTrue(
                fromStack.logContains("No SPARTA_* variable from the deployed function " + HELLO),
                fromStack.describe());
        assertTrue(fromStack.logContains("Response: "), fromStack.describe());

        SampleProject.BuildResult generated = sample.mvnWithoutAws("sparta:generate-event", "-Dsparta.sampleEvent=sqs");
        assertEquals(0, generated.exitCode(), generated.describe());
        assertTrue(Files.readString(sample.file("events/sqs.json")).contains("\"eventSource\""), generated.describe());
        SampleProject.BuildResult again = sample.mvnWithoutAws("sparta:generate-event", "-Dsparta.sampleEvent=sqs");
        assertEquals(1, again.exitCode(), again.describe());
        assertTrue(again.logContains("events/sqs.json exists (edited, perhaps)"), again.describe());
    }

    @Test
    @Order(12)
    void pruneKeepsTheLastDeploymentsAndWhatTheStackRunsAndReportsTheBytesFreed() throws Exception {
        JsonNode manifest = json(sample.file("target/sparta/manifest.json"));
        String current = "hello-world/" + manifest.path("archiveContentSha256").asText() + ".jar";
        List<String> archives =
                artifactKeys().stream().filter(key -> key.endsWith(".jar")).toList();
        assertEquals(2, archives.size(), archives.toString());
        assertTrue(archives.contains(current), archives.toString());
        String first = archives.stream()
                .filter(key -> !key.equals(current))
                .findFirst()
                .orElseThrow();
        long firstSize = aws.s3
                .headObject(r -> r.bucket(aws.artifactBucket()).key(first))
                .contentLength();
        List<String> before = artifactKeys();
        assertTrue(before.contains("hello-world/deployments/hello-world.json"), before.toString());

        // The default keeps two deployments: the one running and the one a rollback returns to.
        SampleProject.BuildResult keepTwo = sample.mvn("sparta:prune", "-Dsparta.pruneMinAgeMinutes=0");
        assertEquals(0, keepTwo.exitCode(), keepTwo.describe());
        assertTrue(keepTwo.logContains("Pruned 0 object(s), 0 bytes, from s3://"), keepTwo.describe());
        assertEquals(before, artifactKeys());

        SampleProject.BuildResult dry = sample.mvn(
                "sparta:prune", "-Dsparta.pruneMinAgeMinutes=0", "-Dsparta.keepDeployments=1", "-Dsparta.dryRun=true");
        assertEquals(0, dry.exitCode(), dry.describe());
        assertTrue(dry.logContains("Dry run: would delete s3://" + aws.artifactBucket() + "/" + first), dry.describe());
        assertEquals(before, artifactKeys());

        SampleProject.BuildResult keepOne =
                sample.mvn("sparta:prune", "-Dsparta.pruneMinAgeMinutes=0", "-Dsparta.keepDeployments=1");
        assertEquals(0, keepOne.exitCode(), keepOne.describe());
        assertTrue(keepOne.logContains("Pruned 1 object(s), " + firstSize + " bytes, from s3://"), keepOne.describe());
        List<String> after = new ArrayList<>(before);
        after.remove(first);
        assertEquals(after, artifactKeys());
        String deployed = stack().parameters().stream()
                .filter(p -> p.parameterKey().equals("ArtifactKey"))
                .findFirst()
                .orElseThrow()
                .parameterValue();
        assertEquals(current, deployed, "the stack runs what is kept");

        SampleProject.BuildResult wrong = sample.mvn("sparta:prune", "-Dsparta.keepDeployments=0");
        assertEquals(1, wrong.exitCode(), wrong.describe());
        assertTrue(wrong.logContains("<keepDeployments> (-Dsparta.keepDeployments) is 0;"), wrong.describe());
    }

    @Test
    @Order(13)
    void deleteRemovesTheStackAndASecondDeleteIsFine() {
        SampleProject.BuildResult build = sample.mvn("sparta:delete");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Stack hello-world deleted"), build.describe());
        CloudFormationException gone = assertThrows(CloudFormationException.class, this::stack);
        assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
        assertThrows(Exception.class, () -> aws.lambda.getFunction(r -> r.functionName(HELLO)));

        SampleProject.BuildResult again = sample.mvn("sparta:delete");
        assertEquals(0, again.exitCode(), again.describe());
        assertTrue(again.logContains("does not exist; nothing to delete"), again.describe());
        assertFalse(again.logContains("ERROR"), again.describe());
    }

    @Test
    @Order(15)
    void invokeRunsAFunctionLocallyWithItsEnvironmentAndNoAws() throws Exception {
        Path event = Files.writeString(sample.file("event.json"), "{\"name\":\"Ada\"}");
        SampleProject.BuildResult build = sample.mvnWithoutAws(
                "compile", "sparta:invoke", "-Dsparta.function=HelloHandler", "-Dsparta.event=" + event);
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Response: \"Hello, Ada!\""), build.describe());

        SampleProject.BuildResult failing = sample.mvnWithoutAws("sparta:invoke", "-Dsparta.function=nope");
        assertEquals(1, failing.exitCode(), failing.describe());
        assertTrue(
                failing.logContains("No function named 'nope'; -Dsparta.function takes one of [HelloHandler, shout]"),
                failing.describe());
    }

    @Test
    @Order(16)
    void describeDrawsTheServiceFromCompiledClasses() throws Exception {
        SampleProject.BuildResult build = sample.mvnWithoutAws("compile", "sparta:describe");
        assertEquals(0, build.exitCode(), build.describe());
        String report = Files.readString(sample.file("target/sparta/describe.html"));
        assertTrue(report.contains("\"id\" : \"HelloHandlerFunction\""), "the graph holds the functions");
        assertTrue(report.contains("\"id\" : \"ShoutFunction\""), "the graph holds the functions");
    }

    @Test
    @Order(14)
    void deleteWithItsArtifactsLeavesNothingOfTheServiceInTheBucket() {
        assertTrue(
                artifactKeys().stream().anyMatch(key -> key.startsWith("hello-world/")),
                "a plain delete keeps the artifacts");
        SampleProject.BuildResult build =
                sample.mvn("sparta:delete", "-Dsparta.deleteArtifacts=true", "-Dsparta.pruneMinAgeMinutes=0");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Deleted the deployment history of hello-world"), build.describe());
        assertEquals(List.of(), artifactKeys());
    }

    @Test
    @Order(17)
    void aStackRunningThisPackageIsUpToDateInOneCall_motoKeepsADescriptionOnlyOnStacksMadeByCreateStack()
            throws Exception {
        // On AWS, DescribeStacks returns the Description of the template a change set deployed; moto drops it, so the
        // stack provision made cannot show which template it runs. A stack made by CreateStack from the same
        // template, parameter values and tags is what AWS shows after that provision, and is what this test uses.
        // Last, as moto leaves the functions and log groups of a stack CreateStack made when it is deleted.
        SampleProject.BuildResult provisioned = sample.mvn("package", "sparta:provision");
        assertEquals(0, provisioned.exitCode(), provisioned.describe());
        assertNull(stack().description(), "moto now keeps the Description after a change set: use the stack as made");
        remakeByCreateStack();
        Stack before = stack();
        assertEquals(json(template()).path("Description").asText(), before.description());
        assertTrue(before.description().matches(".* \\(template sha256 [0-9a-f]{64}\\)"), before.description());
        List<String> objectsBefore = artifactKeys();

        SampleProject.BuildResult build = sample.mvn("sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(
                build.logContains("Stack hello-world is up to date: it runs this package's template, parameters and"
                        + " tags; nothing to change"),
                build.describe());
        assertTrue(
                build.logContains(
                        "1 AWS call in 1 attempt (CloudFormation:DescribeStacks 1), 0 bytes uploaded to S3; the AWS SDK"),
                build.describe());
        Stack after = stack();
        assertEquals(before.stackId(), after.stackId());
        assertEquals(before.lastUpdatedTime(), after.lastUpdatedTime());
        assertEquals(objectsBefore, artifactKeys());

        // A tag the pom does not give is a difference the one call sees: the change set decides instead.
        List<Tag> oneMore = new ArrayList<>(before.tags());
        oneMore.add(Tag.builder().key("cost-centre").value("1234").build());
        aws.cloudFormation.updateStack(r -> r.stackName(STACK)
                .usePreviousTemplate(true)
                .tags(oneMore)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
        aws.cloudFormation.waiter().waitUntilStackUpdateComplete(r -> r.stackName(STACK));
        Stack tagged = stack();
        assertEquals(before.description(), tagged.description());
        assertEquals(before.parameters(), tagged.parameters());
        assertEquals(oneMore.size(), tagged.tags().size(), tagged.tags().toString());
        SampleProject.BuildResult differing = sample.mvn("sparta:provision");
        assertEquals(0, differing.exitCode(), differing.describe());
        assertFalse(
                differing.logContains("it runs this package's template, parameters and tags"), differing.describe());
        assertTrue(differing.logContains("CloudFormation:CreateChangeSet 1"), differing.describe());
    }

    /**
     * Deletes the stack and makes it again with CreateStack from the packaged template, its parameter values and
     * tags. Once only: moto leaves the log groups of a stack CreateStack made when it is deleted.
     */
    private void remakeByCreateStack() throws java.io.IOException {
        Stack made = stack();
        String body = Files.readString(template());
        aws.cloudFormation.deleteStack(r -> r.stackName(STACK));
        aws.cloudFormation.waiter().waitUntilStackDeleteComplete(r -> r.stackName(made.stackId()));
        aws.cloudFormation.createStack(r -> r.stackName(STACK)
                .templateBody(body)
                .parameters(made.parameters())
                .tags(made.tags())
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
        aws.cloudFormation.waiter().waitUntilStackCreateComplete(r -> r.stackName(STACK));
    }

    private Stack stack() {
        return aws.cloudFormation
                .describeStacks(r -> r.stackName(STACK))
                .stacks()
                .get(0);
    }

    private List<String> artifactKeys() {
        String bucket = aws.artifactBucket();
        return aws.s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    private Path template() {
        return sample.file("target/sparta/template.json");
    }

    private Path archive() {
        return sample.file("target/hello-world-1.0.0.jar");
    }

    private static JsonNode json(Path file) throws java.io.IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static String sha256Hex(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
