package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.it.PipelineRunner.ActionRun;
import io.sparta.it.PipelineRunner.Declared;
import io.sparta.it.PipelineRunner.Outcome;
import io.sparta.it.PipelineRunner.Run;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The test-side pipeline runner against moto: a hand-written pipeline stack (the contract the product's pipeline
 * template will follow) declared through moto's CodePipeline API and run stage by stage on moto's CloudFormation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRunnerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINE_STACK = "orders-pipeline";
    private static final String PIPELINE = "orders-delivery";
    private static final String TEST_STACK = "orders-test";
    private static final String PACKAGE_KEY = "packages/orders/package.zip";

    private static final String SERVICE_TEMPLATE = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Parameters": {
                "QueueName": {"Type": "String"},
                "Environment": {"Type": "String", "Default": "dev"}
              },
              "Resources": {
                "Queue": {
                  "Type": "AWS::SQS::Queue",
                  "Properties": {"QueueName": {"Ref": "QueueName"}, "VisibilityTimeout": %d}
                }
              }
            }
            """;
    private static final String TEST_CONFIGURATION = """
            {
              "Parameters": {"QueueName": "orders-test", "Environment": "test"},
              "Tags": {"environment": "test", "service": "orders"}
            }
            """;

    private MotoServer moto;
    private LocalAws aws;
    private PipelineRunner runner;
    private JsonNode pipelineTemplate;

    @BeforeAll
    void startMoto() throws IOException {
        Path work = Path.of(System.getProperty("sparta.it.work", "target/it-work"), "pipeline-runner");
        moto = MotoServer.start(PythonTools.fromSystemProperties(), work.resolve("moto.log"));
        aws = new LocalAws(moto.endpoint());
        try (InputStream in = getClass().getResourceAsStream("/pipeline/pipeline-stack.json")) {
            pipelineTemplate = JSON.readTree(in);
        }
    }

    @BeforeEach
    void freshMoto() throws Exception {
        HttpResponse<String> reset = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/reset"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reset.statusCode(), reset.body());
        runner = PipelineRunner.on(moto.endpoint(), aws);
    }

    @AfterAll
    void stopMoto() {
        if (aws != null) {
            aws.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void declare_pipelineCreatedThroughMotosCodePipelineApiSinceItsCloudFormationSkipsIt() {
        deployPipelineStack(pipelineTemplate);
        List<StackResource> resources = aws.cloudFormation
                .describeStackResources(r -> r.stackName(PIPELINE_STACK))
                .stackResources();
        assertFalse(
                resources.stream().anyMatch(r -> "Pipeline".equals(r.logicalResourceId())),
                "moto's CloudFormation made no pipeline: " + resources);

        Declared declared = runner.declare(pipelineTemplate, PIPELINE_STACK);

        assertEquals(PIPELINE, declared.name());
        assertEquals(1, declared.version());
        assertFalse(declared.updated());
        JsonNode pipeline = declared.pipeline();
        assertEquals(
                "arn:aws:iam::123456789012:role/" + physicalId("PipelineRole"),
                pipeline.path("roleArn").asText());
        assertEquals("S3", pipeline.path("artifactStore").path("type").asText());
        assertEquals(bucket(), pipeline.path("artifactStore").path("location").asText());
        assertEquals(
                "arn:aws:codepipeline:us-east-1:123456789012:" + PIPELINE,
                declared.metadata().path("pipelineArn").asText());
        // moto stores these verbatim, neither checks nor defaults them
        assertEquals("V2", pipeline.path("pipelineType").asText());
        assertEquals("QUEUED", pipeline.path("executionMode").asText());
        assertFalse(pipeline.has("restartExecutionOnUpdate"), "CloudFormation's own property is not sent");

        assertEquals(List.of("Source", "test"), names(pipeline.path("stages")));
        JsonNode source = declared.stage("Source").path("actions").get(0);
        assertEquals(
                JSON.createObjectNode()
                        .put("category", "Source")
                        .put("owner", "AWS")
                        .put("provider", "S3")
                        .put("version", "1"),
                source.path("actionTypeId"));
        assertEquals(
                JSON.createObjectNode()
                        .put("S3Bucket", bucket())
                        .put("S3ObjectKey", PACKAGE_KEY)
                        .put("PollForSourceChanges", "false"),
                source.path("configuration"));
        assertEquals(
                "Package", source.path("outputArtifacts").get(0).path("name").asText());

        JsonNode test = declared.stage("test").path("actions");
        assertEquals(List.of("CreateChangeSet", "Approve", "ExecuteChangeSet"), names(test));
        assertEquals(
                List.of(1, 2, 3),
                List.of(
                        test.get(0).path("runOrder").asInt(),
                        test.get(1).path("runOrder").asInt(),
                        test.get(2).path("runOrder").asInt()));
        JsonNode replace = test.get(0).path("configuration");
        assertEquals("CHANGE_SET_REPLACE", replace.path("ActionMode").asText());
        assertEquals(TEST_STACK, replace.path("StackName").asText());
        assertEquals(
                "Package::environments/test.json",
                replace.path("TemplateConfiguration").asText());
        assertEquals(
                "arn:aws:iam::123456789012:role/" + physicalId("DeploymentRole"),
                replace.path("RoleArn").asText());
        assertEquals(
                "Package",
                test.get(0).path("inputArtifacts").get(0).path("name").asText());
        assertEquals(
                "Approval", test.get(1).path("actionTypeId").path("category").asText());
        assertEquals(
                "Deploy orders to test in us-east-1 (stack orders-pipeline)?",
                test.get(1).path("configuration").path("CustomData").asText());
        assertEquals(
                "CHANGE_SET_EXECUTE",
                test.get(2).path("configuration").path("ActionMode").asText());

        Declared again = runner.declare(pipelineTemplate, PIPELINE_STACK);
        assertTrue(again.updated(), "the second declaration updates the pipeline");
        assertEquals(2, again.version());
    }

    @Test
    void run_deploysTheTestStackFromThePackageOnceApproved() throws Exception {
        declarePipeline();
        publish(SERVICE_TEMPLATE.formatted(30), TEST_CONFIGURATION);

        Run run = runner.run(PIPELINE);

        assertEquals(PipelineRunner.Status.SUCCEEDED, run.status(), run.toString());
        assertEquals(
                List.of("Source", "test"),
                run.stages().stream().map(s -> s.name()).toList());
        assertEquals(Outcome.DOWNLOADED, run.action("Source", "Package").outcome());
        ActionRun replace = run.action("test", "CreateChangeSet");
        assertEquals(Outcome.CHANGE_SET_CREATED, replace.outcome(), replace.toString());
        assertEquals(List.of("Add Queue (AWS::SQS::Queue)"), replace.changes());
        assertEquals(Outcome.APPROVED, run.action("test", "Approve").outcome());
        assertEquals(
                List.of(new PipelineRunner.Approval(
                        "test", "Approve", "Deploy orders to test in us-east-1 (stack orders-pipeline)?")),
                run.approvals());
        assertEquals(Outcome.EXECUTED, run.action("test", "ExecuteChangeSet").outcome());
        assertTrue(run.changedAnyStack());

        Stack stack = testStack();
        assertEquals(StackStatus.CREATE_COMPLETE, stack.stackStatus());
        assertEquals(
                Map.of("QueueName", "orders-test", "Environment", "test"),
                stack.parameters().stream().collect(Collectors.toMap(p -> p.parameterKey(), p -> p.parameterValue())));
        assertEquals(
                Map.of("environment", "test", "service", "orders"),
                stack.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())));
        String queueUrl = aws.sqs.getQueueUrl(r -> r.queueName("orders-test")).queueUrl();
        assertTrue(queueUrl.endsWith("/123456789012/orders-test"), queueUrl);
        assertTrue(physicalId(TEST_STACK, "Queue").endsWith("/orders-test"), "the stack's queue");
        assertEquals("30", visibilityTimeout(queueUrl));
    }

    @Test
    void runAgainWithTheSamePackage_changesNoStack_motoFailsTheUnchangedChangeSetAsAwsDoes() throws Exception {
        declarePipeline();
        publish(SERVICE_TEMPLATE.formatted(30), TEST_CONFIGURATION);
        runner.run(PIPELINE);
        Stack before = testStack();
        int eventsBefore = stackEvents();

        Run again = runner.run(PIPELINE);

        assertEquals(PipelineRunner.Status.SUCCEEDED, again.status(), again.toString());
        ActionRun replace = again.action("test", "CreateChangeSet");
        assertEquals(Outcome.NO_CHANGES, replace.outcome(), replace.toString());
        assertTrue(replace.detail().contains("didn't contain changes"), replace.detail());
        assertEquals(Outcome.APPROVED, again.action("test", "Approve").outcome(), "the approval is still asked");
        assertEquals(
                Outcome.NOTHING_TO_EXECUTE,
                again.action("test", "ExecuteChangeSet").outcome());
        assertFalse(again.changedAnyStack(), again.toString());
        Stack after = testStack();
        assertEquals(before.stackId(), after.stackId());
        assertEquals(StackStatus.CREATE_COMPLETE, after.stackStatus());
        assertEquals(eventsBefore, stackEvents(), "no stack operation ran");
    }

    @Test
    void runWithAChangedPackage_updatesTheStackThroughAnUpdateChangeSet() throws Exception {
        declarePipeline();
        publish(SERVICE_TEMPLATE.formatted(30), TEST_CONFIGURATION);
        runner.run(PIPELINE);
        publish(SERVICE_TEMPLATE.formatted(60), TEST_CONFIGURATION);

        Run run = runner.run(PIPELINE);

        ActionRun replace = run.action("test", "CreateChangeSet");
        assertEquals(Outcome.CHANGE_SET_CREATED, replace.outcome(), replace.toString());
        assertTrue(replace.detail().startsWith("UPDATE change set "), replace.detail());
        assertEquals(List.of("Modify Queue (AWS::SQS::Queue)"), replace.changes());
        assertEquals(Outcome.EXECUTED, run.action("test", "ExecuteChangeSet").outcome());
        assertEquals(StackStatus.UPDATE_COMPLETE, testStack().stackStatus());
        assertEquals(
                "60",
                visibilityTimeout(
                        aws.sqs.getQueueUrl(r -> r.queueName("orders-test")).queueUrl()));
    }

    @Test
    void rejectedApprovalStopsBeforeExecuting_theNextRunReusesTheEmptyStackWhereMotoWouldMakeASecond()
            throws Exception {
        declarePipeline();
        publish(SERVICE_TEMPLATE.formatted(30), TEST_CONFIGURATION);

        Run rejected = runner.run(PIPELINE, approval -> false);

        assertEquals(PipelineRunner.Status.REJECTED, rejected.status());
        assertEquals(
                List.of("CreateChangeSet", "Approve"),
                rejected.stages().get(1).actions().stream().map(a -> a.name()).toList(),
                "nothing after the rejected approval ran");
        assertEquals(Outcome.REJECTED, rejected.action("test", "Approve").outcome());
        assertFalse(rejected.changedAnyStack());
        assertEquals(StackStatus.REVIEW_IN_PROGRESS, testStack().stackStatus());
        assertTrue(aws.sqs.listQueues().queueUrls().isEmpty(), "no queue before the change set is executed");

        Run approved = runner.run(PIPELINE);

        assertEquals(
                Outcome.EXECUTED, approved.action("test", "ExecuteChangeSet").outcome());
        assertEquals(StackStatus.CREATE_COMPLETE, testStack().stackStatus());
        assertEquals(
                1,
                aws.cloudFormation.listStacks().stackSummaries().stream()
                        .filter(s -> s.stackName().equals(TEST_STACK) && s.stackStatus() != StackStatus.DELETE_COMPLETE)
                        .count(),
                "one live stack of that name");
        aws.sqs.getQueueUrl(r -> r.queueName("orders-test"));
    }

    @Test
    void twoEnvironmentsSharingTheChangeSetName_areKeptApart_thoughMotoFindsChangeSetsByNameAcrossStacks()
            throws Exception {
        ObjectNode twoEnvironments = pipelineTemplate.deepCopy();
        ArrayNode stages = (ArrayNode) pipelineProperties(twoEnvironments).path("Stages");
        stages.add(json(stages.get(1).toString().replace("test", "prod")));
        deployPipelineStack(twoEnvironments);
        runner.declare(twoEnvironments, PIPELINE_STACK);
        Map<String, String> files = Map.of(
                "template.json",
                SERVICE_TEMPLATE.formatted(30),
                "environments/test.json",
                TEST_CONFIGURATION,
                "environments/prod.json",
                TEST_CONFIGURATION.replace("test", "prod"));
        publish(files);

        Run first = runner.run(PIPELINE);

        assertEquals(
                List.of("Source", "test", "prod"),
                first.stages().stream().map(s -> s.name()).toList());
        for (String environment : List.of("test", "prod")) {
            assertEquals(
                    Outcome.EXECUTED,
                    first.action(environment, "ExecuteChangeSet").outcome());
            assertEquals(
                    "orders-" + environment,
                    first.action(environment, "CreateChangeSet").stackName());
            Stack stack = aws.cloudFormation
                    .describeStacks(r -> r.stackName("orders-" + environment))
                    .stacks()
                    .get(0);
            assertEquals(StackStatus.CREATE_COMPLETE, stack.stackStatus(), environment);
            assertTrue(physicalId("orders-" + environment, "Queue").endsWith("/orders-" + environment));
        }
        assertEquals(
                List.of("test", "prod"),
                first.approvals().stream().map(a -> a.stage()).toList());

        Run again = runner.run(PIPELINE);

        assertFalse(again.changedAnyStack(), again.toString());
        assertEquals(Outcome.NO_CHANGES, again.action("prod", "CreateChangeSet").outcome());
        assertEquals(
                Outcome.NOTHING_TO_EXECUTE,
                again.action("prod", "ExecuteChangeSet").outcome());
    }

    @Test
    void declare_failsLoudlyOnWhatItCannotResolve_includingAReferenceToAResourceMotosCloudFormationSkipped() {
        ObjectNode withBuild = pipelineTemplate.deepCopy();
        ((ObjectNode) withBuild.path("Resources")).set("Build", json("""
                        {"Type": "AWS::CodeBuild::Project",
                         "Properties": {"Name": "orders-build", "ServiceRole": {"Fn::GetAtt": ["PipelineRole", "Arn"]},
                                        "Artifacts": {"Type": "CODEPIPELINE"}, "Source": {"Type": "CODEPIPELINE"},
                                        "Environment": {"Type": "LINUX_CONTAINER", "ComputeType": "BUILD_GENERAL1_SMALL",
                                                        "Image": "aws/codebuild/standard:7.0"}}}
                        """));
        deployPipelineStack(withBuild);

        ObjectNode skipped = withBuild.deepCopy();
        pipelineProperties(skipped).set("RoleArn", json("{\"Fn::GetAtt\": [\"Build\", \"Arn\"]}"));
        IllegalArgumentException skippedFault =
                assertThrows(IllegalArgumentException.class, () -> runner.declare(skipped, PIPELINE_STACK));
        assertTrue(
                skippedFault.getMessage().contains("Build (AWS::CodeBuild::Project) has no physical id"),
                skippedFault.getMessage());

        ObjectNode conditional = withBuild.deepCopy();
        pipelineProperties(conditional)
                .set("ExecutionMode", json("{\"Fn::If\": [\"Queued\", \"QUEUED\", \"SUPERSEDED\"]}"));
        IllegalArgumentException conditionFault =
                assertThrows(IllegalArgumentException.class, () -> runner.declare(conditional, PIPELINE_STACK));
        assertTrue(
                conditionFault.getMessage().contains("Pipeline.Properties.ExecutionMode: Fn::If is not resolved"),
                conditionFault.getMessage());

        ObjectNode unknown = withBuild.deepCopy();
        pipelineProperties(unknown).set("Name", json("{\"Fn::Sub\": \"${Service}-delivery\"}"));
        IllegalArgumentException unknownFault =
                assertThrows(IllegalArgumentException.class, () -> runner.declare(unknown, PIPELINE_STACK));
        assertTrue(
                unknownFault.getMessage().contains("Service is no parameter, pseudo parameter or resource"),
                unknownFault.getMessage());

        ObjectNode unknownAttribute = withBuild.deepCopy();
        pipelineProperties(unknownAttribute).set("RoleArn", json("{\"Fn::GetAtt\": [\"PipelineRole\", \"RoleId\"]}"));
        IllegalArgumentException attributeFault =
                assertThrows(IllegalArgumentException.class, () -> runner.declare(unknownAttribute, PIPELINE_STACK));
        assertTrue(
                attributeFault.getMessage().contains("PipelineRole.RoleId of AWS::IAM::Role"),
                attributeFault.getMessage());
        assertFalse(pipelineExists(), "nothing reached moto's CodePipeline API");
    }

    @Test
    void declare_rejectsStructureAwsRejects_thatMotosCreatePipelineWouldStore() {
        deployPipelineStack(pipelineTemplate);
        ObjectNode faulty = pipelineTemplate.deepCopy();
        ArrayNode stages = (ArrayNode) pipelineProperties(faulty).path("Stages");
        ObjectNode execute = (ObjectNode) stages.get(1).path("Actions").get(2);
        execute.set("InputArtifacts", json("[{\"Name\": \"Built\"}]"));
        ((ArrayNode) stages.get(1).path("Actions"))
                .add(stages.get(0).path("Actions").get(0).deepCopy());
        pipelineProperties(faulty).put("PipelineType", "V1");

        IllegalArgumentException fault =
                assertThrows(IllegalArgumentException.class, () -> runner.declare(faulty, PIPELINE_STACK));

        String message = fault.getMessage();
        assertTrue(message.contains("ExecutionMode QUEUED needs PipelineType V2"), message);
        assertTrue(message.contains("test/ExecuteChangeSet: input artifact Built is not an output"), message);
        assertTrue(message.contains("test/Package: source actions belong to the first stage"), message);
        assertTrue(message.contains("test/Package: output artifact Package is declared twice"), message);
        assertFalse(pipelineExists(), "nothing reached moto's CodePipeline API");
    }

    @Test
    void run_failsOnAnActionKindItDoesNotRun_beforeRunningAnything() throws Exception {
        deployPipelineStack(pipelineTemplate);
        ObjectNode withBuild = pipelineTemplate.deepCopy();
        ArrayNode actions =
                (ArrayNode) pipelineProperties(withBuild).path("Stages").get(1).path("Actions");
        actions.insert(0, json("""
                {"Name": "Build",
                 "ActionTypeId": {"Category": "Build", "Owner": "AWS", "Provider": "CodeBuild", "Version": "1"},
                 "Configuration": {"ProjectName": "orders-build"},
                 "InputArtifacts": [{"Name": "Package"}], "RunOrder": 1}
                """));
        runner.declare(withBuild, PIPELINE_STACK);
        publish(SERVICE_TEMPLATE.formatted(30), TEST_CONFIGURATION);

        IllegalArgumentException fault = assertThrows(IllegalArgumentException.class, () -> runner.run(PIPELINE));

        assertTrue(
                fault.getMessage().contains("test/Build: the runner does not run Build/AWS/CodeBuild/1"),
                fault.getMessage());
        assertTrue(
                aws.cloudFormation.listStacks().stackSummaries().stream()
                        .noneMatch(s -> s.stackName().equals(TEST_STACK)),
                "no stage ran");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void deployPipelineStack(JsonNode template) {
        aws.cloudFormation.createStack(r -> r.stackName(PIPELINE_STACK)
                .templateBody(template.toString())
                .capabilities(software.amazon.awssdk.services.cloudformation.model.Capability.CAPABILITY_IAM));
        assertEquals(
                StackStatus.CREATE_COMPLETE,
                aws.cloudFormation
                        .describeStacks(r -> r.stackName(PIPELINE_STACK))
                        .stacks()
                        .get(0)
                        .stackStatus());
    }

    private void declarePipeline() {
        deployPipelineStack(pipelineTemplate);
        runner.declare(pipelineTemplate, PIPELINE_STACK);
    }

    private void publish(String template, String testConfiguration) throws IOException {
        publish(Map.of("template.json", template, "environments/test.json", testConfiguration));
    }

    /** Puts a package (a zip of these files) where the pipeline's source action reads it. */
    private void publish(Map<String, String> files) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        aws.s3.putObject(r -> r.bucket(bucket()).key(PACKAGE_KEY), RequestBody.fromBytes(zip.toByteArray()));
    }

    private String bucket() {
        return physicalId("ArtifactBucket");
    }

    private String physicalId(String logicalId) {
        return physicalId(PIPELINE_STACK, logicalId);
    }

    private String physicalId(String stack, String logicalId) {
        return aws.cloudFormation
                .describeStackResource(r -> r.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail()
                .physicalResourceId();
    }

    private Stack testStack() {
        return aws.cloudFormation
                .describeStacks(r -> r.stackName(TEST_STACK))
                .stacks()
                .get(0);
    }

    private int stackEvents() {
        return aws.cloudFormation
                .describeStackEvents(r -> r.stackName(TEST_STACK))
                .stackEvents()
                .size();
    }

    private String visibilityTimeout(String queueUrl) {
        return aws.sqs
                .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT);
    }

    /** Asked of moto's CodePipeline API directly, the way the runner asks it. */
    private boolean pipelineExists() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            Unsigned.awsJson(
                                    moto.endpoint(),
                                    "us-east-1",
                                    "codepipeline",
                                    "CodePipeline_20150709.ListPipelines",
                                    "{}"),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return !JSON.readTree(response.body()).path("pipelines").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ObjectNode pipelineProperties(JsonNode template) {
        return (ObjectNode) template.path("Resources").path("Pipeline").path("Properties");
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new java.util.ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
