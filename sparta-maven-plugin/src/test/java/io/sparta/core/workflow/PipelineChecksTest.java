package io.sparta.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.ServiceModel;
import io.sparta.core.RecordingConsole;
import io.sparta.core.TestFunctions;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.JacksonReader;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.template.PipelineTemplate;
import io.sparta.core.template.ServiceTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CodePipeline and CloudFormation would refuse about a pipeline, found before any AWS call. */
class PipelineChecksTest {

    @TempDir
    Path work;

    private ObjectNode pipeline;

    @BeforeEach
    void writePackage() throws Exception {
        ObjectNode service = ServiceTemplate.marshal(new ServiceModel(
                "orders",
                "orders",
                new TreeMap<>(),
                new TreeMap<>(Map.of("Stage", "", "SecretDBPASSWORD", "")),
                List.of(TestFunctions.function("worker", "Worker")),
                HttpApiSettings.DEFAULTS,
                List.of()));
        TemplateJson.write(service, work.resolve("template.json"));
        configuration("test", Map.of("Stage", "test", "SecretDBPASSWORD", "secretsmanager:orders/test/db"));
        configuration("prod", Map.of("Stage", "prod", "SecretDBPASSWORD", "secretsmanager:orders/prod/db"));
        pipeline = PipelineTemplate.marshal(
                new PipelineTemplate.Declaration(
                        "orders",
                        "orders-pipeline",
                        "orders/package.zip",
                        List.of(
                                new PipelineTemplate.Environment("test", "orders-test", false),
                                new PipelineTemplate.Environment("prod", "orders-prod", true)),
                        Optional.empty(),
                        "image"),
                service);
    }

    private void configuration(String environment, Map<String, String> parameters) throws Exception {
        TemplateJson.write(
                Map.of("Parameters", parameters, "Tags", Map.of()),
                work.resolve("environments/" + environment + ".json"));
    }

    private ObjectNode action(int stage, int action) {
        return (ObjectNode) pipeline.at("/Resources/Pipeline/Properties/Stages/" + stage + "/Actions/" + action);
    }

    @Test
    void theGeneratedPipelineHasNoProblem() throws Exception {
        assertEquals(List.of(), PipelineChecks.problems(pipeline, work, Set.of()));
    }

    @Test
    void missingFieldsLongValuesAndArtifactsNobodyProducesAreNamed() throws Exception {
        ((ObjectNode) action(1, 0).path("Configuration")).remove("StackName");
        ((ObjectNode) action(2, 0).path("Configuration")).put("TemplatePath", "Build::template.json");
        ((ObjectNode) action(2, 2).path("Configuration")).put("ChangeSetName", "x".repeat(1001));
        ((ObjectNode) action(2, 0).path("InputArtifacts").get(0)).put("Name", "Built");
        assertEquals(
                List.of(
                        "stage test, action CreateChangeSet: ActionMode CHANGE_SET_REPLACE needs StackName",
                        "stage prod, action CreateChangeSet reads artifact Built, which no earlier action produces",
                        "stage prod, action CreateChangeSet: TemplatePath Build::template.json names artifact \"Build\","
                                + " which is not among the action's inputs [Built]",
                        "stage prod, action CreateChangeSet: TemplateConfiguration Package::environments/prod.json names"
                                + " artifact \"Package\", which is not among the action's inputs [Built]",
                        "stage prod, action ExecuteChangeSet: ChangeSetName is 1001 characters; CodePipeline allows 1000"),
                PipelineChecks.problems(pipeline, work, Set.of()));
    }

    @Test
    void environmentFilesGiveExactlyTheTemplatesParametersAndNoSecretValue() throws Exception {
        configuration("prod", Map.of("Stage", "prod", "Region", "eu", "SecretDBPASSWORD", "hunter2"));
        configuration("test", Map.of("SecretDBPASSWORD", "secretsmanager:orders/test/db"));
        assertEquals(
                List.of(
                        "stage test, action CreateChangeSet: test.json gives no value for parameter Stage",
                        "stage prod, action CreateChangeSet: prod.json gives parameter Region, which the service"
                                + " template does not declare",
                        "stage prod, action CreateChangeSet: prod.json gives secret SecretDBPASSWORD a value that is"
                                + " not a reference; write secretsmanager:SECRET-ID or ssm:NAME in <secrets>"),
                PipelineChecks.problems(pipeline, work, Set.of()));
    }

    /**
     * Notifications on a bucket the stack does not own are set by a custom resource of the stack, so a pipeline's
     * CloudFormation action sets them too: such a service gets its pipeline like any other.
     */
    @Test
    void aServiceWithNotificationsOnAnExistingBucketGetsItsPipeline() throws Exception {
        ObjectNode service = (ObjectNode)
                JacksonReader.MAPPER.readTree(work.resolve("template.json").toFile());
        ((ObjectNode) service.path("Resources"))
                .putObject("WorkerBucket1Permission")
                .put("Type", "AWS::Lambda::Permission")
                .putObject("Metadata")
                .putObject(ServiceTemplate.BUCKET_NOTIFICATION_METADATA)
                .put("Bucket", "their-bucket");
        TemplateJson.write(service, work.resolve("template.json"));
        writeManifest();
        PipelineRequest request = dryRun("orders-pipeline");
        // This test's package has no archive: the first check that the service fails is that one, after the
        // template's, which no longer refuses the service.
        SpartaUserException e = assertThrows(
                SpartaUserException.class, () -> new PipelineWorkflow(new RecordingConsole()).pipeline(request));
        assertTrue(e.getMessage().endsWith("orders.jar is missing. Run 'mvn package' first"), e.getMessage());
    }

    @Test
    void aPipelineStackThatIsAnEnvironmentsIsRefused() throws Exception {
        writeManifest();
        PipelineRequest request = dryRun("orders-test");
        SpartaUserException e = assertThrows(
                SpartaUserException.class, () -> new PipelineWorkflow(new RecordingConsole()).pipeline(request));
        assertEquals(
                "<pipeline><stackName> orders-test is the stack of an environment; deploying the pipeline would"
                        + " replace what is there. Name another stack",
                e.getMessage());
    }

    /** A package whose manifest names the template and one environment, test. */
    private void writeManifest() throws Exception {
        new PackageManifest(
                        "orders",
                        "orders",
                        Map.of(),
                        Map.of(),
                        "orders.jar",
                        "0",
                        work.resolve("template.json").toString(),
                        "0",
                        "0",
                        List.of(),
                        List.of(new PackageManifest.Environment(
                                "test", "orders-test", false, "environments/test.json")),
                        null)
                .write(work.resolve("manifest.json"));
    }

    /** A dry run of the pipeline goal in the work folder, its pipeline in the given stack. */
    private PipelineRequest dryRun(String pipelineStack) {
        return new PipelineRequest(
                work,
                work.resolve("classes"),
                new ServiceSettings("orders", "orders", Map.of(), Map.of()),
                new AwsTarget(Optional.empty(), Optional.empty(), Optional.empty(), 1),
                "orders-pipeline",
                pipelineStack,
                Optional.empty(),
                "image",
                true,
                Optional.empty(),
                true,
                Optional.empty(),
                io.sparta.core.plan.Safeguards.none());
    }
}
