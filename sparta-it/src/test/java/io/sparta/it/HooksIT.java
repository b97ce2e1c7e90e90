package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hooks sample: a reactor whose decorator module feeds the service module's Sparta plugin, deployed with
 * {@code mvn deploy} as CI would. Build-side stages are Maven phases; marshal-side hooks are the team's classes. The
 * checks through the AWS API ({@link HooksChecks}) run on fakecloud too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HooksIT extends SharedSampleOnMoto {

    HooksIT() {
        super("hooks");
    }

    @Test
    @Order(1)
    void deployRunsTheBuildStagesBeforeSpartaHashesTheArchive_onMoto() throws Exception {
        SampleProject.BuildResult build = sample.mvn("deploy");
        assertEquals(0, build.exitCode(), build.describe());

        HooksChecks.theDeployedCodeIsTheArchiveAsTheBuildStagesLeftIt(
                aws, sample.file("service/target/hooks-service-1.0.0.jar"));
        assertEquals(List.of(), cfnLint.errors(template()), "cfn-lint errors");
        assertPoliciesLintClean(template());
    }

    @Test
    @Order(2)
    void theTeamsDecoratorsShapedTheDeployedService_onMoto() {
        HooksChecks.theTeamsDecoratorsShapedTheDeployedService(aws);
    }

    @Test
    @Order(3)
    void theBuiltInDashboardIsProvisioned_onMotoThroughTheQueryApi_motoLacksCloudWatchsCborProtocol() {
        HooksChecks.theBuiltInDashboardIsProvisioned(aws);
    }

    @Test
    @Order(4)
    void theBuiltInErrorAlarmIsCheckedInTheTemplate_motoSkipsCloudWatchAlarms() throws Exception {
        JsonNode alarm = new ObjectMapper().readTree(template().toFile()).at("/Resources/PingErrorAlarm");
        assertEquals("AWS::CloudWatch::Alarm", alarm.path("Type").asText());
        assertEquals(2, alarm.at("/Properties/Threshold").asInt());
        assertEquals(
                "PingFunction", alarm.at("/Properties/Dimensions/0/Value/Ref").asText());
    }

    @Test
    @Order(5)
    void aValidatorFailsTheBuildWithItsMessage() {
        SampleProject.BuildResult build = sample.mvnWithoutAws("package", "-Drequired.tag=cost-center");
        assertEquals(1, build.exitCode(), build.describe());
        assertTrue(
                build.logContains("Validator com.example.hooks.RequireTag rejected the template:"), build.describe());
        assertTrue(build.logContains("- stack tag 'cost-center' is required; add it under <tags>"), build.describe());
    }

    @Test
    @Order(6)
    void theRollbackHookHearsOfAFailedProvision() throws Exception {
        Path record = sample.file("service/target/rollback.txt");
        SampleProject.BuildResult build = sample.mvn("deploy", "-Dbreak.deployment=true");
        assertEquals(1, build.exitCode(), build.describe());
        assertEquals(List.of(), cfnLint.errors(template()), "the breaking template is valid CloudFormation");

        List<String> lines = Files.readAllLines(record);
        assertEquals("hooks-service", lines.get(0));
        assertTrue(String.join("\n", lines).contains("BreakingAlarm"), lines.toString());
    }

    @Test
    @Order(7)
    void aGradualDeploymentProvisionsAndItsDeploymentsAreFollowed_motoSkipsCodeDeployResourcesAndAliases()
            throws Exception {
        Path ping = sample.file("service/src/main/java/com/example/hooks/Ping.java");
        String before = "@SpartaLambda(name = \"ping\", memory = 256)";
        String source = Files.readString(ping);
        assertTrue(source.contains(before), source);
        Files.writeString(
                ping,
                source.replace(
                        before,
                        "@SpartaLambda(name = \"ping\", memory = 256, deployment ="
                                + " io.sparta.annotations.DeploymentType.CANARY_10_PERCENT_5_MINUTES)"));

        // The step before left the breaking queue in the stack, which this deploy removes; CodeDeploy's role is new.
        SampleProject.BuildResult build =
                sample.mvn("deploy", "-Dsparta.allowIamBroadening=true", "-Dsparta.allowDataLoss=true");

        assertEquals(0, build.exitCode(), build.describe());
        JsonNode resources = new ObjectMapper().readTree(template().toFile()).path("Resources");
        assertEquals(
                "AWS::CodeDeploy::DeploymentGroup",
                resources.at("/PingDeploymentGroup/Type").asText());
        assertEquals(
                "PingDeploymentGroup",
                resources
                        .at("/PingAlias/UpdatePolicy/CodeDeployLambdaAliasUpdate/DeploymentGroupName/Ref")
                        .asText());
        assertEquals(List.of(), cfnLint.errors(template()), "cfn-lint errors");
        assertPoliciesLintClean(template());
        List<String> deployed =
                aws.cloudFormation.describeStackResources(r -> r.stackName("hooks-service")).stackResources().stream()
                        .map(resource -> resource.resourceType())
                        .toList();
        assertTrue(deployed.contains("AWS::Lambda::Version"), deployed.toString());
        assertFalse(
                deployed.contains("AWS::CodeDeploy::DeploymentGroup"),
                "moto creates no CodeDeploy resources from a template; when it does, assert them here: " + deployed);
        // The watch asked moto's CodeDeploy API, through Sparta's signed calls, what the update started.
        assertTrue(build.logContains("CodeDeploy:ListDeployments"), build.describe());
        assertFalse(build.logContains("Cannot follow the CodeDeploy deployments"), build.describe());
    }

    private Path template() {
        return sample.file("service/target/sparta/template.json");
    }
}
