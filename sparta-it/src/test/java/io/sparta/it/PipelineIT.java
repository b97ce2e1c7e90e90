package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.testkit.ConcretePolicies;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The pipeline sample delivered through environments {@code test} and {@code prod} (approval): one package, built
 * once, promoted through both. moto's CloudFormation skips CodePipeline, so the pipeline is created through moto's
 * CodePipeline API from the template's own declaration and run stage by stage by {@link PipelineRunner}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT extends SharedSampleOnMoto {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINE = "greeter-pipeline";

    /** Declared once the pipeline stack exists; it knows that stack's bucket is versioned where moto forgets. */
    private PipelineRunner runner;

    PipelineIT() {
        super("pipeline");
    }

    private JsonNode json(String relative) throws Exception {
        return JSON.readTree(sample.file(relative).toFile());
    }

    @Test
    @Order(1)
    void packageWritesOneTemplateAndAConfigurationPerEnvironmentOffline() throws Exception {
        SampleProject.BuildResult build = sample.mvnWithoutAws("clean", "package");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Environment prod → stack greeter-prod (after approval)"), build.describe());

        JsonNode test = json("target/sparta/environments/test.json");
        assertEquals(
                "{\"Stage\":\"test\",\"VarGREETING\":\"Hi\"}",
                test.path("Parameters").toString());
        assertEquals(
                "{\"env\":\"test\",\"sparta:service\":\"greeter\",\"team\":\"examples\"}",
                test.path("Tags").toString(),
                "the owner tag: provision -Dsparta.environment accepts the stack the pipeline created");
        JsonNode prod = json("target/sparta/environments/prod.json");
        assertEquals(
                "{\"Stage\":\"prod\",\"VarGREETING\":\"Welcome\"}",
                prod.path("Parameters").toString());
        assertEquals(
                "LogicalResourceId/GreeterFunction",
                prod.at("/StackPolicy/Statement/1/Resource").asText());
        assertTrue(test.path("StackPolicy").isMissingNode(), "test has no stack policy");

        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(
                new ByteArrayInputStream(Files.readAllBytes(sample.file("target/sparta/package.zip"))))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertEquals(List.of("environments/prod.json", "environments/test.json", "template.json"), entries);
        Path template = sample.file("target/sparta/template.json");
        assertEquals(List.of(), cfnLint.errors(template), "cfn-lint errors of the service template");
        // cfn-lint reads no TemplateConfiguration: lint the template once per environment with its values as defaults.
        for (String environment : List.of("test", "prod")) {
            ObjectNode withValues = (ObjectNode) JSON.readTree(template.toFile());
            JsonNode parameters =
                    json("target/sparta/environments/" + environment + ".json").path("Parameters");
            parameters
                    .fields()
                    .forEachRemaining(e -> ((ObjectNode) withValues.at("/Parameters/" + e.getKey()))
                            .put("Default", e.getValue().asText()));
            Path file = sample.file("target/sparta/lint-" + environment + ".json");
            Files.write(file, JSON.writeValueAsBytes(withValues));
            assertEquals(List.of(), cfnLint.errors(file), "cfn-lint errors with " + environment + "'s values");
        }
        assertPoliciesLintClean(template);
    }

    @Test
    @Order(2)
    void aDryRunWritesAPipelineTemplateThatLintsCleanWithoutAnyAwsCall() throws Exception {
        SampleProject.BuildResult build = sample.mvnWithoutAws("sparta:pipeline", "-Dsparta.dryRun=true");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("Dry run: no AWS call"), build.describe());
        Path pipeline = sample.file("target/sparta/pipeline.json");
        assertEquals(List.of(), cfnLint.errors(pipeline), "cfn-lint errors of the pipeline");
        List<ConcretePolicies.Policy> policies = ConcretePolicies.of(JSON.readTree(pipeline.toFile()), PIPELINE);
        assertEquals(4, policies.size(), "pipeline, CloudFormation, EventBridge roles: " + policies);
        assertEquals(List.of(), policyLint.findingsAboveLow(policies), "parliament findings above LOW");
    }

    @Test
    @Order(10)
    void aMisspeltFlagStopsTheGoalWhereMavenAloneWouldReadItAsFalseAndRunIt() throws Exception {
        Files.deleteIfExists(sample.file("target/sparta/pipeline.json"));
        SampleProject.BuildResult yes = sample.mvnWithoutAws("sparta:pipeline", "-Dsparta.dryRun=yes");
        assertEquals(1, yes.exitCode(), yes.describe());
        assertTrue(
                yes.logContains("<dryRun> \"yes\" is neither true nor false, and Maven alone would read it as false;"
                        + " write <dryRun>true</dryRun> or false in the plugin's <configuration>, or"
                        + " -Dsparta.dryRun=true or false on the command line"),
                yes.describe());
        assertFalse(yes.logContains("Dry run"), yes.describe());
        assertFalse(Files.exists(sample.file("target/sparta/pipeline.json")), "the goal did not run");

        Assumptions.assumeTrue(
                SampleProject.systemMaven().isPresent(), "no system Maven at /usr/share/maven on this machine");
        SampleProject.BuildResult one = sample.mvnWithSystemMavenWithoutAws("sparta:pipeline", "-Dsparta.dryRun=1");
        assertEquals(1, one.exitCode(), one.describe());
        assertTrue(one.logContains("<dryRun> \"1\" is neither true nor false"), one.describe());
        assertFalse(one.logContains("Dry run"), one.describe());
    }

    @Test
    @Order(11)
    void withoutAnEnvironmentProvisionAndPlanRefuseAParameterOnlyTheEnvironmentsGiveAValue() {
        for (String goal : List.of("sparta:provision", "sparta:plan")) {
            SampleProject.BuildResult build = sample.mvn(goal);
            assertEquals(1, build.exitCode(), build.describe());
            assertTrue(
                    build.logContains("No -Dsparta.environment given, so this is the service's own stack greeter,"
                            + " with the <parameters> defaults, and parameter Stage has none (only the"
                            + " environments give it a value). Run again with -Dsparta.environment=test or"
                            + " -Dsparta.environment=prod, or give it a default in the pom"),
                    build.describe());
        }
        assertTrue(
                aws.cloudFormation.listStacks().stackSummaries().stream()
                        .noneMatch(stack -> stack.stackName().equals("greeter")),
                "no stack greeter");
    }

    @Test
    @Order(12)
    void givenTheDefaultTheRefusalAsksForThePlanOfTheServicesOwnStackRunsAndWarnsItIsNoEnvironment() throws Exception {
        SampleProject.BuildResult plan =
                withPomEdited("<Stage></Stage>", "<Stage>dev</Stage>", () -> sample.mvn("package", "sparta:plan"));
        assertEquals(0, plan.exitCode(), plan.describe());
        assertTrue(
                plan.logContains("[WARNING] No -Dsparta.environment given: this is the service's own stack greeter,"
                        + " with the <parameters> defaults, not one of the environments [test, prod]; for one of"
                        + " them, run again with -Dsparta.environment=test or -Dsparta.environment=prod"),
                plan.describe());
        assertTrue(
                Files.readString(sample.file("target/sparta/plan.md")).startsWith("### Sparta plan: stack `greeter`\n"),
                "the plan is the service's own stack's");
    }

    /** Runs a build with one text of the sample's pom replaced, then puts the pom back as it was. */
    private SampleProject.BuildResult withPomEdited(
            String declared, String replacement, java.util.function.Supplier<SampleProject.BuildResult> build)
            throws java.io.IOException {
        Path pom = sample.file("pom.xml");
        String original = Files.readString(pom);
        assertTrue(original.contains(declared), "the sample's pom holds " + declared);
        Files.writeString(pom, original.replace(declared, replacement));
        try {
            return build.get();
        } finally {
            Files.writeString(pom, original);
        }
    }

    @Test
    @Order(13)
    void aSettingNoGoalReadsStopsTheGoalOnEitherMavenAndProvisionRefusesADryRunItCannotDo() throws Exception {
        String anchor = "          <environments>\n";
        String misspelt = "          <stackname>greeter-dev</stackname>\n" + anchor;
        SampleProject.BuildResult unread =
                withPomEdited(anchor, misspelt, () -> sample.mvnWithoutAws("sparta:pipeline", "-Dsparta.dryRun=true"));
        assertEquals(1, unread.exitCode(), unread.describe());
        assertTrue(
                unread.logContains("<stackname> in the <configuration> of sparta-maven-plugin is not a parameter of"
                        + " any Sparta goal, so Maven would ignore it; did you mean <stackName>? mvn sparta:help"
                        + " -Ddetail=true lists every goal's parameters and properties"),
                unread.describe());
        assertFalse(unread.logContains("Dry run"), unread.describe());

        SampleProject.BuildResult dryProvision =
                sample.mvnWithoutAws("sparta:provision", "-Dsparta.environment=test", "-Dsparta.dryRun=true");
        assertEquals(1, dryProvision.exitCode(), dryProvision.describe());
        assertTrue(
                dryProvision.logContains("-Dsparta.dryRun=true is given, but sparta:provision has no dry run and would"
                        + " go ahead; mvn sparta:plan shows the changes it would make without making them. Leave"
                        + " -Dsparta.dryRun out to run sparta:provision"),
                dryProvision.describe());

        Assumptions.assumeTrue(
                SampleProject.systemMaven().isPresent(), "no system Maven at /usr/share/maven on this machine");
        // Maven 3.8 says nothing of either on its own.
        SampleProject.BuildResult old = withPomEdited(
                anchor, misspelt, () -> sample.mvnWithSystemMavenWithoutAws("sparta:pipeline", "-Dsparta.dryRun=true"));
        assertEquals(1, old.exitCode(), old.describe());
        assertTrue(old.logContains("<stackname> in the <configuration> of sparta-maven-plugin"), old.describe());
        SampleProject.BuildResult typo = sample.mvnWithSystemMavenWithoutAws(
                "sparta:pipeline", "-Dsparta.dryRun=true", "-Dsparta.enviroment=prod");
        assertEquals(1, typo.exitCode(), typo.describe());
        assertTrue(
                typo.logContains(
                        "-Dsparta.enviroment is not read by any Sparta goal; did you mean -Dsparta.environment?"),
                typo.describe());
        SampleProject.BuildResult fine =
                sample.mvnWithSystemMavenWithoutAws("package", "sparta:pipeline", "-Dsparta.dryRun=true");
        assertEquals(0, fine.exitCode(), "the sample's own settings are all read: " + fine.describe());
    }

    @Test
    @Order(14)
    void aSettingChangedSincePackageIsNamedBeforeAnyAwsCall() throws Exception {
        SampleProject.BuildResult provision = withPomEdited(
                "<Stage></Stage>",
                "<Stage>qa</Stage>",
                () -> sample.mvnWithoutAws("sparta:provision", "-Dsparta.environment=test"));
        assertEquals(1, provision.exitCode(), provision.describe());
        assertTrue(
                provision.logContains("The configuration changed since package: <parameters> differs from what it"
                        + " packaged (it packaged service greeter for stack greeter). Run 'mvn package' with the"
                        + " settings of this run: 'package' first in this same command does it"),
                provision.describe());
    }

    @Test
    @Order(3)
    void thePipelineStackProvisionsAndThePipelineIsCreatedThroughMotosCodePipelineApiSinceItsCloudFormationSkipsIt()
            throws Exception {
        SampleProject.BuildResult build = sample.mvn("sparta:pipeline");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("CREATE_COMPLETE"), build.describe());

        runner = PipelineRunner.on(endpoint(), aws);
        PipelineRunner.Declared declared = runner.declare(
                JSON.readTree(sample.file("target/sparta/pipeline.json").toFile()), PIPELINE);
        assertEquals(PIPELINE, declared.name());
        List<String> stages = new ArrayList<>();
        declared.pipeline()
                .path("stages")
                .forEach(stage -> stages.add(stage.path("name").asText()));
        assertEquals(List.of("Source", "test", "prod"), stages);
    }

    @Test
    @Order(4)
    void publishingThenRunningThePipelineDeploysTheSameCodeToBothEnvironmentsWithTheirOwnValues() throws Exception {
        SampleProject.BuildResult publish = sample.mvn("deploy");
        assertEquals(0, publish.exitCode(), publish.describe());
        assertTrue(publish.logContains("Published: the pipeline starts"), publish.describe());
        assertTrue(
                Files.isRegularFile(Path.of(SampleProject.property("sparta.it.repository"))
                        .resolve("com/example/greeter/1.0.0/greeter-1.0.0-sparta.zip")),
                "the package is attached to the build, so mvn install and deploy carry it");

        PipelineRunner.Run run = runner.run(PIPELINE);
        assertEquals(PipelineRunner.Status.SUCCEEDED, run.status());
        assertEquals(1, run.approvals().size(), "prod waits for its approval: " + run.approvals());
        assertEquals("prod", run.approvals().get(0).stage());

        FunctionConfiguration test = aws.lambda
                .getFunction(r -> r.functionName("greeter-test-greeter"))
                .configuration();
        FunctionConfiguration prod = aws.lambda
                .getFunction(r -> r.functionName("greeter-prod-greeter"))
                .configuration();
        assertEquals(test.codeSha256(), prod.codeSha256(), "one package, the same bytes in every environment");
        Path archive = sample.file("target/greeter-1.0.0.jar");
        assertEquals(codeSha256(archive), prod.codeSha256());
        assertEquals(
                Map.of("GREETING", "Hi", "STAGE", "test"), test.environment().variables());
        assertEquals(
                Map.of("GREETING", "Welcome", "STAGE", "prod"),
                prod.environment().variables());
    }

    @Test
    @Order(5)
    void eachEnvironmentsValuesAreWhatTheFunctionSeesLocally() {
        for (Map.Entry<String, String> expected :
                Map.of("test", "Hi, Ada (test)", "prod", "Welcome, Ada (prod)").entrySet()) {
            SampleProject.BuildResult invoke = sample.mvnWithoutAws(
                    "sparta:invoke",
                    "-Dsparta.function=greeter",
                    "-Dsparta.environment=" + expected.getKey(),
                    "-Dsparta.event=" + sample.file("ada.json"));
            assertEquals(0, invoke.exitCode(), invoke.describe());
            assertTrue(invoke.logContains("\"" + expected.getValue() + "\""), invoke.describe());
        }
    }

    @Test
    @Order(6)
    void withoutAnEnvironmentTheFunctionSeesTheServicesOwnValuesLocally() {
        SampleProject.BuildResult invoke = sample.mvnWithoutAws(
                "sparta:invoke", "-Dsparta.function=greeter", "-Dsparta.event=" + sample.file("ada.json"));
        assertEquals(0, invoke.exitCode(), invoke.describe());
        assertTrue(invoke.logContains("\"Hello, Ada ()\""), invoke.describe());
    }

    @Test
    @Order(7)
    void
            publishingAgainWithUnchangedCodeUploadsNothingAndTheRunChangesNoStack_motoOnlySinceFakecloudListsAnIdenticalTemplateAsModify()
                    throws Exception {
        SampleProject.BuildResult publish = sample.mvn("deploy");
        assertEquals(0, publish.exitCode(), publish.describe());
        assertTrue(publish.logContains("Nothing new to publish"), publish.describe());
        assertFalse(publish.logContains("Uploaded"), publish.describe());

        PipelineRunner.Run run = runner.run(PIPELINE);
        assertEquals(PipelineRunner.Status.SUCCEEDED, run.status());
        assertFalse(run.changedAnyStack(), "unchanged package, unchanged stacks: " + run);
    }

    @Test
    @Order(8)
    void provisionOfAnEnvironmentFromALaptopReachesThePipelinesEndState() {
        FunctionConfiguration byPipeline = aws.lambda
                .getFunction(r -> r.functionName("greeter-prod-greeter"))
                .configuration();
        SampleProject.BuildResult provision = sample.mvn("sparta:provision", "-Dsparta.environment=prod");
        assertEquals(0, provision.exitCode(), provision.describe());
        FunctionConfiguration byLaptop = aws.lambda
                .getFunction(r -> r.functionName("greeter-prod-greeter"))
                .configuration();
        assertEquals(byPipeline.codeSha256(), byLaptop.codeSha256());
        assertEquals(
                byPipeline.environment().variables(), byLaptop.environment().variables());
        assertEquals(byPipeline.handler(), byLaptop.handler());
        assertEquals(byPipeline.memorySize(), byLaptop.memorySize());
    }

    @Test
    @Order(9)
    void aPlanOfAnEnvironmentThePipelineDeployedShowsOnlyTheArtifactBucketALaptopProvisionSwitches() throws Exception {
        SampleProject.BuildResult plan =
                sample.mvn("sparta:plan", "-Dsparta.environment=test", "-Dsparta.failOnChanges=true");

        // The pipeline deploys from its own bucket, a laptop from the managed one: the same archive (same content
        // key), another bucket. The plan says exactly that, and the CI gate sees it.
        assertEquals(1, plan.exitCode(), plan.describe());
        assertTrue(plan.logContains("0 resource change(s), 1 parameter change(s)"), plan.describe());
        String markdown = java.nio.file.Files.readString(sample.file("target/sparta/plan.md"));
        assertTrue(
                markdown.startsWith("### Sparta plan: stack `greeter-test`\n\nUpdates the stack: 0 resource change(s),"
                        + " 0 permission statement change(s), 1 parameter change(s).\n\n#### Parameters\n"),
                markdown);
        assertTrue(markdown.contains("| `ArtifactBucket` | greeter-pipeline-artifactbucket-"), markdown);
        assertTrue(markdown.contains(" | sparta-artifacts-bucket-"), markdown);
    }
}
