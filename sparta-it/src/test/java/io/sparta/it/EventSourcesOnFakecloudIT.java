package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The event-sources sample provisioned on fakecloud, which creates what moto skips (ApiGatewayV2, Lambda::Url,
 * Logs::SubscriptionFilter, S3::BucketPolicy, SNS::Subscription) and streams per-resource events and outputs for
 * stacks made through change sets: each is asserted here through its service's API. Then every check
 * {@code EventSourcesIT} makes on moto through the AWS API ({@link EventSourcesChecks}) runs here too. The no-change
 * case stays on moto, since fakecloud lists every resource of an identical template as Modify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventSourcesOnFakecloudIT extends SharedSampleOnFakecloud {

    private static final String STACK = EventSourcesChecks.STACK;

    private SampleProject.BuildResult provisioned;

    EventSourcesOnFakecloudIT() {
        super("event-sources", "event-sources-fakecloud");
    }

    private String physicalId(String logicalId) {
        return aws.cloudFormation
                .describeStackResource(r -> r.stackName(STACK).logicalResourceId(logicalId))
                .stackResourceDetail()
                .physicalResourceId();
    }

    private Map<String, String> outputs() {
        Map<String, String> outputs = new java.util.TreeMap<>();
        aws.cloudFormation
                .describeStacks(r -> r.stackName(STACK))
                .stacks()
                .get(0)
                .outputs()
                .forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
        return outputs;
    }

    @Test
    @Order(1)
    void provisionStreamsEachResourcesEventsTimingsAndOutputs_onFakecloud() {
        needsFakecloud();
        EventSourcesChecks.createPreExistingResources(aws);

        provisioned = sample.mvn("package", "sparta:provision");

        EventSourcesChecks.provisionFoundThePreExistingResources(provisioned);
        assertTrue(provisioned.logContains("Stack event-sources is CREATE_COMPLETE"), provisioned.describe());
        EventSourcesChecks.spartasBucketNotificationsResourceIsCreated(aws);
        for (String resource : List.of(
                "HttpApi  AWS::ApiGatewayV2::Api",
                "HttpApiStage  AWS::ApiGatewayV2::Stage",
                "StorefrontHttpRoute1  AWS::ApiGatewayV2::Route",
                "StatusUrl  AWS::Lambda::Url",
                "ReactLogSubscription1  AWS::Logs::SubscriptionFilter",
                "UploadsBucketPolicy  AWS::S3::BucketPolicy",
                "AnnounceTopic1  AWS::SNS::Subscription")) {
            assertTrue(
                    provisioned.log().stream()
                            .anyMatch(line -> line.contains("  " + resource + "  CREATE_IN_PROGRESS")),
                    resource + " started: " + provisioned.describe());
            assertTrue(
                    provisioned.log().stream().anyMatch(line -> line.contains("  " + resource + "  CREATE_COMPLETE")),
                    resource + " created: " + provisioned.describe());
        }
        int timings = provisioned.log().indexOf("[INFO] Resource timings, longest first:");
        assertTrue(timings > 0, provisioned.describe());
        List<String> timed = provisioned
                .log()
                .subList(timings + 1, provisioned.log().size())
                .stream()
                .takeWhile(line -> line.matches("\\[INFO]   \\w+  \\d+\\.\\d{3} s"))
                .toList();
        assertTrue(
                timed.stream().anyMatch(line -> line.startsWith("[INFO]   HttpApi  ")),
                "each created resource's time: " + timed);
        assertTrue(timed.size() > 70, timed.size() + " resources timed: " + provisioned.describe());
        Map<String, String> outputs = outputs();
        for (String output : List.of("HttpApiUrl", "StatusUrl", "RestApiUrl", "OrdersTableName")) {
            assertTrue(outputs.containsKey(output), outputs.toString());
            assertTrue(
                    provisioned.logContains("  " + output + " = " + outputs.get(output)),
                    output + " printed: " + provisioned.describe());
        }
    }

    @Test
    @Order(2)
    void theHttpApiHasTheDeclaredRoutesItsStageAndOneProxyIntegration_onFakecloud() {
        needsFakecloud();
        ApiGatewayReader apis = new ApiGatewayReader(endpoint(), LocalAws.REGION);
        JsonNode api = apis.httpApi(STACK);
        assertEquals("HTTP", api.path("protocolType").asText());
        assertEquals(
                "[\"https://shop.example.com\"]",
                api.path("corsConfiguration").path("allowOrigins").toString());

        String apiId = api.path("apiId").asText();
        TreeSet<String> routes = new TreeSet<>();
        apis.httpApiItems(apiId, "routes")
                .forEach(route -> routes.add(route.path("routeKey").asText()));
        assertEquals(new TreeSet<>(List.of("GET /products/{id}", "POST /products")), routes);
        List<String> stages = new ArrayList<>();
        apis.httpApiItems(apiId, "stages")
                .forEach(stage -> stages.add(stage.path("stageName").asText()));
        assertEquals(List.of("$default"), stages);
        JsonNode stage = apis.httpApiItems(apiId, "stages").get(0);
        assertTrue(stage.at("/accessLogSettings/destinationArn").asText().contains(":log-group:"), stage.toString());
        assertTrue(stage.at("/accessLogSettings/format").asText().contains("$context.routeKey"), stage.toString());
        assertEquals(100, stage.at("/defaultRouteSettings/throttlingBurstLimit").asInt(), stage.toString());
        assertEquals(50.0, stage.at("/defaultRouteSettings/throttlingRateLimit").asDouble(), stage.toString());
        JsonNode integrations = apis.httpApiItems(apiId, "integrations");
        assertEquals(1, integrations.size(), integrations.toString());
        assertEquals("AWS_PROXY", integrations.get(0).path("integrationType").asText());
        assertEquals("2.0", integrations.get(0).path("payloadFormatVersion").asText());
        assertTrue(
                integrations.get(0).path("integrationUri").asText().contains("event-sources-storefront"),
                integrations.toString());
        apis.httpApiItems(apiId, "routes")
                .forEach(route -> assertEquals(
                        "integrations/"
                                + integrations.get(0).path("integrationId").asText(),
                        route.path("target").asText()));
    }

    @Test
    @Order(3)
    void theFunctionUrlIsPublicWithItsCors_onFakecloud() {
        needsFakecloud();
        GetFunctionUrlConfigResponse url = aws.lambda.getFunctionUrlConfig(r -> r.functionName("event-sources-status"));
        assertEquals("NONE", url.authTypeAsString());
        assertEquals(List.of("https://shop.example.com"), url.cors().allowOrigins());
        assertEquals(outputs().get("StatusUrl"), url.functionUrl());
    }

    @Test
    @Order(4)
    void theLogSubscriptionFeedsTheReactFunction_onFakecloud() {
        needsFakecloud();
        List<SubscriptionFilter> filters = aws.logs
                .describeSubscriptionFilters(r -> r.logGroupName("/aws/lambda/legacy-worker"))
                .subscriptionFilters();
        assertEquals(1, filters.size(), filters.toString());
        assertEquals("ERROR", filters.get(0).filterPattern());
        assertTrue(filters.get(0).destinationArn().endsWith(":function:event-sources-react"), filters.toString());
    }

    @Test
    @Order(5)
    void theOwnedBucketRefusesInsecureTransport_onFakecloud() {
        needsFakecloud();
        String bucket = physicalId("UploadsBucket");
        JsonNode policy;
        try {
            policy = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(aws.s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(1, policy.path("Statement").size(), policy.toString());
        JsonNode deny = policy.path("Statement").get(0);
        assertEquals("Deny", deny.path("Effect").asText(), deny.toString());
        assertEquals("*", deny.path("Principal").asText(), deny.toString());
        assertEquals("s3:*", deny.path("Action").asText(), deny.toString());
        assertEquals(
                "[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"]",
                deny.path("Resource").toString());
        assertEquals("false", deny.at("/Condition/Bool/aws:SecureTransport").asText(), deny.toString());
    }

    @Test
    @Order(6)
    void theTopicDeliversOrdersToTheAnnounceFunctionThroughItsFilterPolicy_onFakecloud() {
        needsFakecloud();
        String topic = physicalId("EventsTopic");
        List<Subscription> subscriptions =
                aws.sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions();
        assertEquals(1, subscriptions.size(), subscriptions.toString());
        assertEquals("lambda", subscriptions.get(0).protocol());
        assertTrue(
                subscriptions.get(0).endpoint().endsWith(":function:event-sources-announce"), subscriptions.toString());
        String filterPolicy = aws.sns
                .getSubscriptionAttributes(
                        r -> r.subscriptionArn(subscriptions.get(0).subscriptionArn()))
                .attributes()
                .get("FilterPolicy");
        assertTrue(filterPolicy != null && filterPolicy.contains("order"), String.valueOf(filterPolicy));
    }

    @Test
    @Order(7)
    void theOwnedBucketIsNamedAfterTheStackTheAccountAndThisCreationOfTheStack_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.ownedBucketIsNamedAfterTheStackTheAccountAndThisCreationOfTheStack(aws);
    }

    @Test
    @Order(8)
    void schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke(aws);
    }

    @Test
    @Order(9)
    void anExistingQueueFeedsTheFunctionWhoseRoleMayConsumeOnlyThatQueue_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.anExistingQueueFeedsTheFunctionWhoseRoleMayConsumeOnlyThatQueue(aws);
    }

    @Test
    @Order(10)
    void restRoutesAreResourcesAndProxyMethodsEachInvocableFromItsOwnRouteOnly_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.restRoutesAreResourcesAndProxyMethodsEachInvocableFromItsOwnRouteOnly(aws);
    }

    @Test
    @Order(11)
    void bothApiStagesLogToGroupsTheStackOwnsKeptAsThePomSays_onFakecloud() {
        needsFakecloud();
        EventSourcesChecks.apiStagesLogToGroupsTheStackOwnsKeptAsThePomSays(
                aws, List.of("HttpApiAccessLogs", "RestApiAccessLogs"));
    }

    @Test
    @Order(11)
    void declaredResourcesExistAndFunctionsFindThemThroughDiscoverVariables_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.declaredResourcesExistAndFunctionsFindThemThroughDiscoverVariables(aws);
    }

    @Test
    @Order(12)
    void grantsAreExactlyTheirActionsOnTheirResources_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.grantsAreExactlyTheirActionsOnTheirResources(aws);
    }

    @Test
    @Order(13)
    void streamsFeedTheirFunctionsWhoseRolesMayReadExactlyThoseStreams_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.streamsFeedTheirFunctionsWhoseRolesMayReadExactlyThoseStreams(aws);
    }

    @Test
    @Order(14)
    void anEventPatternRuleTargetsItsFunction_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.anEventPatternRuleTargetsItsFunction(aws);
    }

    @Test
    @Order(15)
    void anExistingBucketGetsSpartasNotificationBesideItsOwnersOwn_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.anExistingBucketGetsSpartasNotificationBesideItsOwnersOwn(aws);
    }

    /** moto fails both calls that list this stack's resources ({@code EventSourcesIT}); fakecloud answers them. */
    @Test
    @Order(100)
    void statusListsEveryResourceAndOutput_onFakecloudWhereMotoFailsToListThem() {
        needsFakecloud();
        SampleProject.BuildResult build = sample.mvn("sparta:status");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("[INFO] Stack event-sources: CREATE_COMPLETE"), build.describe());
        assertTrue(build.logContains("[INFO] Resources:"), build.describe());
        List<software.amazon.awssdk.services.cloudformation.model.StackResourceSummary> resources =
                aws
                        .cloudFormation
                        .listStackResourcesPaginator(r -> r.stackName(STACK))
                        .stackResourceSummaries()
                        .stream()
                        .toList();
        assertTrue(resources.size() > 70, resources.size() + " resources");
        for (var resource : resources) {
            assertTrue(
                    build.logContains("[INFO]   " + resource.logicalResourceId() + "  " + resource.resourceType() + "  "
                            + resource.physicalResourceId() + "  CREATE_COMPLETE"),
                    resource.logicalResourceId() + " listed: " + build.describe());
        }
        outputs()
                .forEach((key, value) -> assertTrue(
                        build.logContains("[INFO]   " + key + " = " + value), key + ": " + build.describe()));
        assertTrue(build.log().stream().noneMatch(line -> line.startsWith("[WARNING]")), build.describe());
    }

    /**
     * The sample given a custom domain in an existing hosted zone and provisioned again: the domain with its
     * certificate, each API mapped at its path, the zone's alias record and the domain URLs as outputs. fakecloud
     * 0.51.0 leaves a domain's RegionalDomainName and RegionalHostedZoneId unresolved (the record's alias target and
     * the ApiDomainTarget output hold their names), so those values are checked in the template.
     */
    @Test
    @Order(200)
    void aCustomDomainMapsBothApisAndPointsTheZonesRecordAtThem_targetInTemplateOnlyBecauseFakecloudLeavesItUnresolved()
            throws Exception {
        needsFakecloud();
        String zoneId = aws.route53.createHostedZone("example.com", "event-sources-domain");
        java.nio.file.Path pom = sample.file("pom.xml");
        String text = java.nio.file.Files.readString(pom);
        String throttling = "          </throttling>\n";
        assertTrue(text.contains(throttling), "the sample's configuration ends its API settings with <throttling>");
        java.nio.file.Files.writeString(
                pom,
                text.replace(
                        throttling,
                        throttling + "          <domain>\n            <name>shop.example.com</name>\n"
                                + "            <certificateArn>arn:aws:acm:us-east-1:123456789012:certificate/abc"
                                + "</certificateArn>\n            <restBasePath>ops</restBasePath>\n"
                                + "            <hostedZoneId>" + zoneId + "</hostedZoneId>\n          </domain>\n"));

        // fakecloud's change set marks unchanged resources for replacement, which Sparta's data-loss guard stops.
        SampleProject.BuildResult build = sample.mvn("package", "sparta:provision", "-Dsparta.allowDataLoss=true");

        assertEquals(0, build.exitCode(), build.describe());
        ApiGatewayReader apis = new ApiGatewayReader(endpoint(), LocalAws.REGION);
        JsonNode domain = apis.domainName("shop.example.com");
        assertEquals(
                "arn:aws:acm:us-east-1:123456789012:certificate/abc",
                domain.at("/domainNameConfigurations/0/certificateArn").asText(),
                domain.toString());
        assertEquals(
                "REGIONAL",
                domain.at("/domainNameConfigurations/0/endpointType").asText());
        JsonNode mappings = apis.apiMappings("shop.example.com");
        assertEquals(1, mappings.size(), mappings.toString());
        assertEquals(
                apis.httpApi(STACK).path("apiId").asText(),
                mappings.get(0).path("apiId").asText());
        assertEquals("$default", mappings.get(0).path("stage").asText());
        JsonNode basePaths = apis.basePathMappings("shop.example.com");
        assertEquals(1, basePaths.size(), basePaths.toString());
        assertEquals("ops", basePaths.get(0).path("basePath").asText());
        assertEquals("api", basePaths.get(0).path("stage").asText());
        assertEquals(
                apis.restApi(STACK).path("id").asText(),
                basePaths.get(0).path("restApiId").asText());

        List<String> records = aws.route53.recordSets(zoneId).stream()
                .filter(record -> record.startsWith("shop.example.com. "))
                .toList();
        assertEquals(List.of("shop.example.com. A"), records);
        JsonNode template = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sample.file("target/sparta/template.json").toFile());
        assertEquals(
                "[\"ApiDomain\",\"RegionalDomainName\"]",
                template.at("/Resources/ApiDomainRecord/Properties/AliasTarget/DNSName/Fn::GetAtt")
                        .toString());
        Map<String, String> outputs = outputs();
        assertEquals("https://shop.example.com/", outputs.get("HttpApiDomainUrl"));
        assertEquals("https://shop.example.com/ops/", outputs.get("RestApiDomainUrl"));
        assertTrue(build.logContains("  RestApiDomainUrl = https://shop.example.com/ops/"), build.describe());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void deleteRemovesSpartasNotificationFromTheExistingBucketAndKeepsTheOwners_onFakecloudAsOnMoto() {
        needsFakecloud();
        EventSourcesChecks.spartasBucketNotificationsResourceIsDeleted(aws);
        EventSourcesChecks.deleteRemovedSpartasNotificationAndKeptTheOwners(aws, sample.mvn("sparta:delete"));
    }
}
