package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The hooks sample on fakecloud, which rolls a failed create back as CloudFormation does and creates the
 * CloudWatch alarms moto skips: a first provision that fails is reported with the resource and its reason and
 * leaves ROLLBACK_COMPLETE, the next one recovers, and the built-in decorators' alarm and dashboard exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HooksOnFakecloudIT extends SharedSampleOnFakecloud {

    private static final String STACK = HooksChecks.STACK;

    private String stackStatus() {
        return aws.cloudFormation
                .describeStacks(r -> r.stackName(STACK))
                .stacks()
                .get(0)
                .stackStatusAsString();
    }

    HooksOnFakecloudIT() {
        super("hooks", "hooks-fakecloud");
    }

    @Test
    @Order(1)
    void aFailedFirstCreateNamesTheResourceAndItsReasonAndRollsBack_fakecloudFailsExecuteChangeSetAtOnce()
            throws Exception {
        needsFakecloud();
        SampleProject.BuildResult build = sample.mvn("deploy", "-Dbreak.deployment=true");

        assertEquals(1, build.exitCode(), build.describe());
        // fakecloud refuses ExecuteChangeSet with the failing resource and rolls back, recording no resource event:
        // Sparta reads the stack's end state and reports the deployment failed with the refusal's reason.
        String failure = "  failed: ExecuteChangeSet refused: Failed to create resource BrokenAlias: Function"
                + " sparta-it-no-such-function does not exist";
        assertTrue(
                build.logContains("Failed to execute goal io.sparta:sparta-maven-plugin:"
                        + SampleProject.property("sparta.version")
                        + ":provision (default) on project hooks-service: Stack hooks-service ended in"
                        + " ROLLBACK_COMPLETE"),
                build.describe());
        assertTrue(build.logContains(failure), "the resource and the reason: " + build.describe());
        List<String> record = java.nio.file.Files.readAllLines(sample.file("service/target/rollback.txt"));
        assertEquals(STACK, record.get(0), "the rollback hook heard of the failure");
        assertTrue(String.join("\n", record).contains("BrokenAlias"), record.toString());
        assertEquals("ROLLBACK_COMPLETE", stackStatus());
    }

    @Test
    @Order(2)
    void theNextProvisionRecoversFromTheRolledBackStack_onFakecloud() {
        needsFakecloud();
        SampleProject.BuildResult build = sample.mvn("deploy");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(
                build.logContains("[WARNING] Stack hooks-service is in ROLLBACK_COMPLETE after a failed first create;"
                        + " deleting it and creating it again"),
                build.describe());
        assertEquals("CREATE_COMPLETE", stackStatus());
    }

    @Test
    @Order(3)
    void theDeployedCodeIsTheArchiveAsTheBuildStagesLeftIt_onFakecloudAsOnMoto() throws Exception {
        needsFakecloud();
        HooksChecks.theDeployedCodeIsTheArchiveAsTheBuildStagesLeftIt(
                aws, sample.file("service/target/hooks-service-1.0.0.jar"));
    }

    @Test
    @Order(4)
    void theTeamsDecoratorsShapedTheDeployedService_onFakecloudAsOnMoto() {
        needsFakecloud();
        HooksChecks.theTeamsDecoratorsShapedTheDeployedService(aws);
    }

    @Test
    @Order(5)
    void theBuiltInDashboardIsProvisioned_onFakecloudAsOnMoto() {
        needsFakecloud();
        HooksChecks.theBuiltInDashboardIsProvisioned(aws);
    }

    @Test
    @Order(6)
    void theBuiltInErrorAlarmWatchesTheFunction_onFakecloud() {
        needsFakecloud();
        List<MetricAlarm> alarms = aws.cloudWatch.describeAlarms().metricAlarms().stream()
                .filter(alarm -> alarm.dimensions().stream()
                        .anyMatch(d ->
                                d.name().equals("FunctionName") && d.value().equals("hooks-service-ping")))
                .toList();
        assertEquals(
                1, alarms.size(), aws.cloudWatch.describeAlarms().metricAlarms().toString());
        assertEquals("Errors", alarms.get(0).metricName());
        assertEquals(2.0, alarms.get(0).threshold());
        String body = aws.cloudWatch.getDashboard(r -> r.dashboardName(STACK)).dashboardBody();
        assertTrue(body.contains("\"hooks-service-ping\""), body);
    }

    @Test
    @Order(7)
    void snapStartPublishesAVersionBehindTheAliasLive_onFakecloud() throws Exception {
        needsFakecloud();
        java.nio.file.Path pom = sample.file("service/pom.xml");
        String text = java.nio.file.Files.readString(pom);
        String tags = "        <configuration>\n          <tags>\n";
        assertTrue(text.contains(tags), "the service's Sparta configuration starts with its tags");
        java.nio.file.Files.writeString(
                pom,
                text.replace(
                        tags,
                        "        <configuration>\n          <functionDefaults>\n            <snapStart>true</snapStart>\n"
                                + "          </functionDefaults>\n          <tags>\n"));

        // fakecloud's change set marks every resource Modify and the unchanged queue for replacement, which
        // Sparta's data-loss guard stops; CloudFormation would touch only the function, its version and alias.
        SampleProject.BuildResult build = sample.mvn("deploy", "-Dsparta.allowDataLoss=true");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(
                build.log().stream()
                        .anyMatch(line -> line.contains("  PingAlias  AWS::Lambda::Alias  CREATE_COMPLETE")),
                build.describe());
        var alias =
                aws.lambda.getAlias(r -> r.functionName("hooks-service-ping").name("live"));
        assertTrue(alias.functionVersion().matches("\\d+"), "the alias points at a published version: " + alias);
        assertEquals(
                "PublishedVersions",
                aws.lambda
                        .getFunction(r -> r.functionName("hooks-service-ping"))
                        .configuration()
                        .snapStart()
                        .applyOnAsString());
    }

    /**
     * The SnapStart default of the step before is dropped and the function given provisioned concurrency with a
     * schedule: the alias {@code live} then holds that concurrency, on a published version without SnapStart, and
     * Application Auto Scaling holds the alias at that number. fakecloud 0.51.0 creates the scalable target without
     * the template's scheduled actions, so those are checked in the template.
     */
    @Test
    @Order(8)
    void provisionedConcurrencyHoldsTheAliasLive_scheduledActionsInTemplateOnlyBecauseFakecloudSkipsThem()
            throws Exception {
        needsFakecloud();
        java.nio.file.Path pom = sample.file("service/pom.xml");
        String snapStart = "          <functionDefaults>\n            <snapStart>true</snapStart>\n"
                + "          </functionDefaults>\n";
        String text = java.nio.file.Files.readString(pom);
        assertTrue(text.contains(snapStart), "the step before set the SnapStart default");
        java.nio.file.Files.writeString(pom, text.replace(snapStart, ""));
        java.nio.file.Path ping = sample.file("service/src/main/java/com/example/hooks/Ping.java");
        String annotation = "@SpartaLambda(name = \"ping\", memory = 256)";
        String source = java.nio.file.Files.readString(ping);
        assertTrue(source.contains(annotation), source);
        java.nio.file.Files.writeString(
                ping,
                source.replace(
                                annotation,
                                "@SpartaLambda(name = \"ping\", memory = 256, provisionedConcurrency = 2,"
                                        + " concurrencySchedule = @ScheduledConcurrency(schedule ="
                                        + " \"cron(0 8 ? * MON-FRI *)\", concurrency = 5, timezone ="
                                        + " \"Europe/Berlin\"))")
                        .replace(
                                "import io.sparta.annotations.SpartaLambda;",
                                "import io.sparta.annotations.ScheduledConcurrency;\n"
                                        + "import io.sparta.annotations.SpartaLambda;"));

        SampleProject.BuildResult build = sample.mvn("deploy", "-Dsparta.allowDataLoss=true");

        assertEquals(0, build.exitCode(), build.describe());
        var alias =
                aws.lambda.getAlias(r -> r.functionName("hooks-service-ping").name("live"));
        var provisioned = aws.lambda.getProvisionedConcurrencyConfig(
                r -> r.functionName("hooks-service-ping").qualifier("live"));
        assertEquals(2, provisioned.requestedProvisionedConcurrentExecutions(), provisioned.toString());
        assertTrue(alias.functionVersion().matches("\\d+"), "the alias points at a published version: " + alias);
        assertEquals(
                "None",
                aws.lambda
                        .getFunction(r -> r.functionName("hooks-service-ping"))
                        .configuration()
                        .snapStart()
                        .applyOnAsString());
        assertEquals(List.of("function:hooks-service-ping:live 2 2"), aws.autoScaling.scalableTargets("lambda"));
        com.fasterxml.jackson.databind.JsonNode action = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sample.file("service/target/sparta/template.json").toFile())
                .at("/Resources/PingConcurrencyTarget/Properties/ScheduledActions/0");
        assertEquals("cron(0 8 ? * MON-FRI *)", action.path("Schedule").asText());
        assertEquals("Europe/Berlin", action.path("Timezone").asText());
        assertEquals(5, action.at("/ScalableTargetAction/MinCapacity").asInt());
        assertEquals(5, action.at("/ScalableTargetAction/MaxCapacity").asInt());
    }

    @Test
    @Order(9)
    void aGradualDeploymentIsACodeDeployGroupAndProvisionFollowsItsDeployments_fakecloudStartsNoneFromTheAlias()
            throws Exception {
        needsFakecloud();
        java.nio.file.Path ping = sample.file("service/src/main/java/com/example/hooks/Ping.java");
        String before = "@SpartaLambda(name = \"ping\", memory = 256,";
        String source = java.nio.file.Files.readString(ping);
        assertTrue(source.contains(before), source);
        java.nio.file.Files.writeString(
                ping,
                source.replace(
                        before,
                        "@SpartaLambda(name = \"ping\", memory = 320, deployment ="
                                + " io.sparta.annotations.DeploymentType.LINEAR_10_PERCENT_EVERY_1_MINUTE,"));

        // CodeDeploy's new role is new access: the guard stops it unless allowed.
        SampleProject.BuildResult build =
                sample.mvn("deploy", "-Dsparta.allowDataLoss=true", "-Dsparta.allowIamBroadening=true");

        assertEquals(0, build.exitCode(), build.describe());
        io.sparta.core.deploy.CodeDeployCalls codeDeploy = new io.sparta.core.deploy.CodeDeployCalls(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing")),
                LocalAws.REGION,
                endpoint(),
                new io.sparta.core.deploy.CallLedger());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode group = codeDeploy
                .call(
                        "GetDeploymentGroup",
                        json.createObjectNode()
                                .put("applicationName", "hooks-service")
                                .put("deploymentGroupName", "ping"))
                .path("deploymentGroupInfo");
        assertEquals(
                "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
                group.path("deploymentConfigName").asText());
        assertEquals("Lambda", group.path("computePlatform").asText());
        assertTrue(group.at("/autoRollbackConfiguration/enabled").asBoolean(), group.toString());
        assertEquals(
                "WITH_TRAFFIC_CONTROL",
                group.at("/deploymentStyle/deploymentOption").asText());
        com.fasterxml.jackson.databind.JsonNode template =
                json.readTree(sample.file("service/target/sparta/template.json").toFile());
        assertEquals(
                "PingDeploymentGroup",
                template.at("/Resources/PingAlias/UpdatePolicy/CodeDeployLambdaAliasUpdate/DeploymentGroupName/Ref")
                        .asText(),
                "CloudFormation, not fakecloud, starts a deployment from the update policy: checked in the template");
        assertEquals(
                "hooks-service-ping-deployment-errors",
                group.at("/alarmConfiguration/alarms/0/name").asText(group.toString()));

        // Deployments made here, as CloudFormation would make them: one succeeds, one is stopped and rolled back.
        java.time.Instant started = java.time.Instant.now();
        String appSpec = "{\"version\":0.0,\"Resources\":[{\"ping\":{\"Type\":\"AWS::Lambda::Function\","
                + "\"Properties\":{\"Name\":\"hooks-service-ping\",\"Alias\":\"live\",\"CurrentVersion\":\"1\","
                + "\"TargetVersion\":\"2\"}}}]}";
        com.fasterxml.jackson.databind.node.ObjectNode create =
                json.createObjectNode().put("applicationName", "hooks-service").put("deploymentGroupName", "ping");
        create.putObject("revision")
                .put("revisionType", "AppSpecContent")
                .putObject("appSpecContent")
                .put("content", appSpec);
        String succeeding =
                codeDeploy.call("CreateDeployment", create).path("deploymentId").asText();
        String stopped =
                codeDeploy.call("CreateDeployment", create).path("deploymentId").asText();
        codeDeploy.call(
                "StopDeployment",
                json.createObjectNode().put("deploymentId", stopped).put("autoRollbackEnabled", true));
        LinesConsole console = new LinesConsole();
        io.sparta.core.deploy.TrafficShiftWatch watch =
                new io.sparta.core.deploy.TrafficShiftWatch(codeDeploy, console, "hooks-service", started);
        // fakecloud ends a deployment a second or two after it starts, as the stack watcher's polls would see.
        for (int look = 0; look < 40 && !"Succeeded".equals(watch.statuses().get(succeeding)); look++) {
            watch.finish();
            Thread.sleep(250);
        }
        assertEquals(
                Map.of(succeeding, "Succeeded", stopped, "Stopped"),
                watch.statuses(),
                console.lines().toString());
        assertEquals(1, watch.failures().size(), watch.failures().toString());
        assertTrue(
                watch.failures().get(0).startsWith("function ping: CodeDeploy deployment " + stopped + " Stopped"),
                watch.failures().get(0));
        assertTrue(
                console.lines().contains("  CodeDeploy ping " + succeeding + " Succeeded"),
                console.lines().toString());
        int told = console.lines().size();
        watch.finish();
        assertEquals(told, console.lines().size(), "an unchanged status is told once: " + console.lines());
    }
}
