package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline sample's pipeline stack on fakecloud, whose CloudFormation creates the CodeBuild project and the
 * CodePipeline pipeline that moto's skips (PipelineIT declares moto's pipeline through its CodePipeline API instead):
 * both read back through their own APIs as the template declares them. Running the pipeline's actions stays
 * PipelineIT's, since fakecloud marks every stage Succeeded without doing its actions.
 */
class PipelineOnFakecloudIT extends SharedSampleOnFakecloud {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINE = "greeter-pipeline";

    private final HttpClient http = HttpClient.newHttpClient();

    PipelineOnFakecloudIT() {
        super("pipeline", "pipeline-fakecloud");
    }

    /** One call of an awsJson1.1 API (the SDK's codepipeline and codebuild modules are not served at 2.59.1). */
    private JsonNode call(String service, String target, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                Unsigned.awsJson(endpoint(), LocalAws.REGION.id(), service, target, JSON.writeValueAsString(body)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), target + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void thePipelineStackCreatesTheBuildProjectAndThePipelineAsDeclared_onFakecloud() throws Exception {
        needsFakecloud();
        // A repository source, so the pipeline builds in CodeBuild (an S3 source needs no build project).
        java.nio.file.Path pom = sample.file("pom.xml");
        String text = java.nio.file.Files.readString(pom);
        assertTrue(text.contains("          <environments>\n"), "the sample declares its environments");
        java.nio.file.Files.writeString(
                pom,
                text.replace(
                        "          <environments>\n",
                        "          <pipeline>\n"
                                + "            <connectionArn>arn:aws:codeconnections:us-east-1:123456789012:connection/"
                                + "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b</connectionArn>\n"
                                + "            <repository>example/greeter</repository>\n"
                                + "          </pipeline>\n          <environments>\n"));
        SampleProject.BuildResult build = sample.mvn("package", "sparta:pipeline");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(
                build.log().stream()
                        .anyMatch(line -> line.contains("  Pipeline  AWS::CodePipeline::Pipeline  CREATE_COMPLETE")),
                build.describe());
        assertTrue(
                build.log().stream()
                        .anyMatch(line -> line.contains("  Build  AWS::CodeBuild::Project  CREATE_COMPLETE")),
                build.describe());

        JsonNode declared = JSON.readTree(
                        sample.file("target/sparta/pipeline.json").toFile())
                .path("Resources");
        JsonNode pipeline = call(
                        "codepipeline",
                        "CodePipeline_20150709.GetPipeline",
                        JSON.createObjectNode().put("name", PIPELINE))
                .path("pipeline");
        List<String> stages = new ArrayList<>();
        pipeline.path("stages").forEach(stage -> stages.add(stage.path("name").asText()));
        assertEquals(List.of("Source", "Build", "test", "prod"), stages);
        List<String> declaredStages = new ArrayList<>();
        declared.at("/Pipeline/Properties/Stages")
                .forEach(stage -> declaredStages.add(stage.path("Name").asText()));
        assertEquals(declaredStages, stages);

        String project =
                aws.cloudFormation.describeStackResources(r -> r.stackName(stackOf(build))).stackResources().stream()
                        .filter(resource -> resource.logicalResourceId().equals("Build"))
                        .findFirst()
                        .orElseThrow()
                        .physicalResourceId();
        ObjectNode names = JSON.createObjectNode();
        names.putArray("names").add(project);
        JsonNode projects =
                call("codebuild", "CodeBuild_20161006.BatchGetProjects", names).path("projects");
        assertEquals(1, projects.size(), projects.toString());
        assertEquals(
                declared.at("/Build/Properties/Environment/Image").asText(),
                projects.get(0).at("/environment/image").asText());

        // Removing the pipeline as the Environments page says: its artifact bucket stays (DeletionPolicy Retain),
        // and sparta:pipeline, not provision, is what creates a new one.
        String bucket = aws.cloudFormation
                .describeStackResource(r -> r.stackName(PIPELINE).logicalResourceId("ArtifactBucket"))
                .stackResourceDetail()
                .physicalResourceId();
        SampleProject.BuildResult delete = sample.mvn("sparta:delete", "-Dsparta.stackName=" + PIPELINE);
        assertEquals(0, delete.exitCode(), delete.describe());
        assertTrue(
                delete.log().stream()
                        .anyMatch(line -> line.equals("[WARNING]   AWS::S3::Bucket " + bucket
                                + " (ArtifactBucket): the next sparta:pipeline creates a new, empty bucket under a new"
                                + " name; this one keeps its objects; to delete it: aws s3 rb s3://" + bucket
                                + " --force --region " + LocalAws.REGION.id())),
                delete.describe());
        aws.s3.headBucket(r -> r.bucket(bucket));
    }

    /** The pipeline stack's name as the goal printed it. */
    private static String stackOf(SampleProject.BuildResult build) {
        for (String line : build.log()) {
            java.util.regex.Matcher stack = java.util.regex.Pattern.compile("Stack (\\S+) is CREATE_COMPLETE")
                    .matcher(line);
            if (stack.find()) {
                return stack.group(1);
            }
        }
        throw new AssertionError("no created stack in " + build.logFile());
    }
}
