package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The event-sources sample on moto: each trigger checked through the AWS API ({@link EventSourcesChecks}, shared with
 * {@code EventSourcesOnFakecloudIT}), what moto skips checked in the template, and {@code status} meeting moto's
 * failing DescribeStackResources.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventSourcesIT extends SharedSampleOnMoto {

    EventSourcesIT() {
        super("event-sources");
    }

    @BeforeAll
    void provision_onMoto() throws Exception {
        EventSourcesChecks.createPreExistingResources(aws);
        EventSourcesChecks.provisionFoundThePreExistingResources(sample.mvn("package", "sparta:provision"));
        EventSourcesChecks.spartasBucketNotificationsResourceIsCreated(aws);
        assertEquals(List.of(), cfnLint.errors(sample.file("target/sparta/template.json")));
        assertPoliciesLintClean(sample.file("target/sparta/template.json"));
    }

    @Test
    void theOwnedBucketIsNamedAfterTheStackTheAccountAndThisCreationOfTheStack_onMoto() {
        EventSourcesChecks.ownedBucketIsNamedAfterTheStackTheAccountAndThisCreationOfTheStack(aws);
    }

    @Test
    void schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke_onMoto() {
        EventSourcesChecks.schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke(aws);
    }

    @Test
    void anExistingQueueFeedsTheFunctionWhoseRoleMayConsumeOnlyThatQueue_onMoto() {
        EventSourcesChecks.anExistingQueueFeedsTheFunctionWhoseRoleMayConsumeOnlyThatQueue(aws);
    }

    @Test
    void restRoutesAreResourcesAndProxyMethodsEachInvocableFromItsOwnRouteOnly_onMoto() {
        EventSourcesChecks.restRoutesAreResourcesAndProxyMethodsEachInvocableFromItsOwnRouteOnly(aws);
    }

    /**
     * moto creates no ApiGatewayV2 resource, no Lambda::Url, no ApiGateway::Stage, and no integration without a Uri
     * (a MOCK): these are read in the template.
     */
    @Test
    void httpApiFunctionUrlRestStageAndPreflightInTemplateOnlyBecauseMotoSkipsThem() throws Exception {
        JsonNode resources = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sample.file("target/sparta/template.json").toFile())
                .path("Resources");
        assertEquals(
                "[\"https://shop.example.com\"]",
                resources
                        .at("/HttpApi/Properties/CorsConfiguration/AllowOrigins")
                        .toString());
        assertEquals(
                "GET /products/{id}",
                resources.at("/StorefrontHttpRoute1/Properties/RouteKey").asText());
        assertEquals(
                "POST /products",
                resources.at("/StorefrontHttpRoute2/Properties/RouteKey").asText());
        assertEquals(
                "integrations/${StorefrontHttpIntegration}",
                resources.at("/StorefrontHttpRoute2/Properties/Target/Fn::Sub").asText());
        assertTrue(resources
                .at("/StorefrontHttpRoute1Permission/Properties/SourceArn/Fn::Sub")
                .asText()
                .endsWith("${HttpApi}/*/GET/products/*"));
        assertEquals(
                "$default", resources.at("/HttpApiStage/Properties/StageName").asText());
        assertEquals("api", resources.at("/RestApiStage/Properties/StageName").asText());
        assertEquals(
                "MOCK",
                resources.at("/RestHealthPreflight/Properties/Integration/Type").asText());
        assertEquals("NONE", resources.at("/StatusUrl/Properties/AuthType").asText());
        assertEquals(
                "lambda:InvokeFunctionUrl",
                resources.at("/StatusUrlPublicPermission/Properties/Action").asText());
        assertTrue(resources
                .at("/StatusUrlPublicInvokePermission/Properties/InvokedViaFunctionUrl")
                .asBoolean());
    }

    /**
     * moto stops creating the stack at the REST API's preflight method (a MOCK integration without
     * IntegrationHttpMethod: KeyError, HTTP 500), before the REST stage's log group; that one is checked on fakecloud.
     */
    @Test
    void httpApiStageLogsToAGroupTheStackOwns_onMoto_restGroupOnFakecloudOnlyBecauseMotoStopsAtThePreflight() {
        EventSourcesChecks.apiStagesLogToGroupsTheStackOwnsKeptAsThePomSays(aws, List.of("HttpApiAccessLogs"));
    }

    /** moto creates neither API's stage: their access log settings and throttling are read in the template. */
    @Test
    void stageAccessLogsAndThrottlingInTemplateOnlyBecauseMotoSkipsStages() throws Exception {
        JsonNode resources = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sample.file("target/sparta/template.json").toFile())
                .path("Resources");
        assertTrue(resources
                .at("/HttpApiStage/Properties/AccessLogSettings/DestinationArn/Fn::Sub")
                .asText()
                .endsWith(":log-group:${HttpApiAccessLogs}"));
        assertTrue(resources
                .at("/RestApiStage/Properties/AccessLogSetting/DestinationArn/Fn::Sub")
                .asText()
                .endsWith(":log-group:${RestApiAccessLogs}"));
        assertEquals(
                "{\"ThrottlingBurstLimit\":100,\"ThrottlingRateLimit\":50.0}",
                resources.at("/HttpApiStage/Properties/DefaultRouteSettings").toString());
        assertEquals(
                "{\"ThrottlingBurstLimit\":100,\"ThrottlingRateLimit\":50.0,\"HttpMethod\":\"*\",\"ResourcePath\":\"/*\"}",
                resources.at("/RestApiStage/Properties/MethodSettings/0").toString());
    }

    /** checkov's access-logging checks of both API kinds pass on the sample that logs both stages. */
    @Test
    void checkovFindsBothApiStagesLogged() {
        assertEquals(
                java.util.Map.of(
                        "CKV_AWS_76 AWS::ApiGateway::Stage.RestApiStage", "PASSED",
                        "CKV_AWS_95 AWS::ApiGatewayV2::Stage.HttpApiStage", "PASSED"),
                new io.sparta.testkit.Checkov(io.sparta.testkit.PythonTools.checkov())
                        .results(sample.file("target/sparta/template.json"), List.of("CKV_AWS_76", "CKV_AWS_95")));
    }

    @Test
    void declaredResourcesExistAndFunctionsFindThemThroughDiscoverVariables_onMoto() {
        EventSourcesChecks.declaredResourcesExistAndFunctionsFindThemThroughDiscoverVariables(aws);
    }

    @Test
    void grantsAreExactlyTheirActionsOnTheirResources_onMoto() {
        EventSourcesChecks.grantsAreExactlyTheirActionsOnTheirResources(aws);
    }

    @Test
    void streamsFeedTheirFunctionsWhoseRolesMayReadExactlyThoseStreams_onMoto() {
        EventSourcesChecks.streamsFeedTheirFunctionsWhoseRolesMayReadExactlyThoseStreams(aws);
    }

    @Test
    void anEventPatternRuleTargetsItsFunction_onMoto() {
        EventSourcesChecks.anEventPatternRuleTargetsItsFunction(aws);
    }

    @Test
    void anExistingBucketGetsSpartasNotificationBesideItsOwnersOwn_onMoto() {
        EventSourcesChecks.anExistingBucketGetsSpartasNotificationBesideItsOwnersOwn(aws);
    }

    /** moto creates no SNS::Subscription and no Logs::SubscriptionFilter, and ignores a bucket's notifications. */
    @Test
    void subscriptionsAndDeclaredBucketNotificationInTemplateOnlyBecauseMotoSkipsThem() throws Exception {
        JsonNode resources = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sample.file("target/sparta/template.json").toFile())
                .path("Resources");
        assertEquals(
                "EventsTopic",
                resources.at("/AnnounceTopic1/Properties/TopicArn/Ref").asText());
        assertEquals(
                "[\"order\"]",
                resources.at("/AnnounceTopic1/Properties/FilterPolicy/kind").toString());
        assertEquals(
                "sns.amazonaws.com",
                resources.at("/AnnounceTopic1Permission/Properties/Principal").asText());
        JsonNode notification =
                resources.at("/UploadsBucket/Properties/NotificationConfiguration/LambdaConfigurations/0");
        assertEquals(
                "[\"IngestFunction\",\"Arn\"]",
                notification.at("/Function/Fn::GetAtt").toString());
        assertEquals("incoming/", notification.at("/Filter/S3Key/Rules/0/Value").asText());
        assertEquals(
                "/aws/lambda/legacy-worker",
                resources.at("/ReactLogSubscription1/Properties/LogGroupName").asText());
        assertEquals(
                "ERROR",
                resources.at("/ReactLogSubscription1/Properties/FilterPattern").asText());
    }

    /**
     * Status prints every section it can read. moto answers both DescribeStackResources and ListStackResources for
     * this stack with HTTP 500 and an HTML page (its handler raises on one of the stack's resources): status still
     * prints the stack, its parameters and tags, says the resources could not be read, and names both calls with
     * what the service answered. (When moto lists them, this test will fail: assert the resources then.)
     */
    @Test
    void statusPrintsEverySectionItCanReadAndNamesTheCallsMotoFails() {
        SampleProject.BuildResult build = sample.mvn("sparta:status", "-Dsparta.maxAttempts=2");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("[INFO] Stack event-sources: CREATE_COMPLETE"), build.describe());
        assertTrue(build.logContains("[INFO] Resources: could not be read"), build.describe());
        assertTrue(build.logContains("[INFO]   sparta:service = event-sources"), build.describe());
        assertTrue(build.logContains("[INFO]   ArtifactBucket = "), build.describe());
        String warning = build.log().stream()
                .filter(line -> line.startsWith("[WARNING] The resources of stack event-sources could not be read: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(build.describe()));
        assertTrue(
                warning.matches("\\[WARNING] The resources of stack event-sources could not be read: AWS CloudFormation"
                        + " DescribeStackResources \\(stack arn:aws:cloudformation:us-east-1:123456789012:stack/"
                        + "event-sources/[-0-9a-f]+\\) failed: no error code or message the SDK could read; the"
                        + " service answered Internal Server Error .* \\(HTTP 500, 2 attempts\\); then AWS"
                        + " CloudFormation ListStackResources \\(stack .*\\) failed: .* \\(HTTP 500, 2 attempts\\)\\."
                        + " The rest of the status is complete; .*"),
                warning);
    }

    @Test
    void aFailedUpdateOfTheExistingBucketsNotificationsLeavesThemAsTheyWere_onMoto() {
        EventSourcesChecks.aFailedUpdateLeavesTheBucketsNotificationsAsTheyWere(aws);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void deleteRemovesSpartasNotificationFromTheExistingBucketAndKeepsTheOwners_onMoto() {
        EventSourcesChecks.spartasBucketNotificationsResourceIsDeleted(aws);
        EventSourcesChecks.deleteRemovedSpartasNotificationAndKeptTheOwners(aws, sample.mvn("sparta:delete"));
    }
}
