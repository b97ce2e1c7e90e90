package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** The event-sources sample on moto: each trigger checked through the AWS API, not only in the template. */
class EventSourcesIT extends SharedSampleOnMoto {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";

    EventSourcesIT() {
        super("event-sources");
    }

    @BeforeAll
    void provision() throws Exception {
        // The sample consumes a queue the team already has.
        aws.sqs.createQueue(r -> r.queueName("orders"));
        SampleProject.BuildResult build = sample.mvn("package", "sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(List.of(), cfnLint.errors(sample.file("target/sparta/template.json")));
    }

    @Test
    void schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke() throws Exception {
        String functionArn = aws.lambda
                .getFunction(r -> r.functionName("event-sources-nightly"))
                .configuration()
                .functionArn();
        Map<String, Rule> rules = aws.events.listRules(r -> {}).rules().stream()
                .collect(Collectors.toMap(Rule::scheduleExpression, rule -> rule));
        assertEquals(2, rules.size(), rules.toString());
        assertEquals("every night", rules.get("rate(1 day)").description());
        assertEquals(
                "weekday noon report", rules.get("cron(0 12 ? * MON-FRI *)").description());

        JsonNode policy = aws.functionPolicy("event-sources-nightly");
        for (Rule rule : rules.values()) {
            assertEquals("ENABLED", rule.stateAsString());
            assertEquals(
                    List.of(functionArn),
                    aws.events.listTargetsByRule(r -> r.rule(rule.name())).targets().stream()
                            .map(target -> target.arn())
                            .toList());
            boolean allowed = false;
            for (JsonNode statement : policy.path("Statement")) {
                allowed |= statement.at("/Principal/Service").asText().equals("events.amazonaws.com")
                        && statement.path("Action").asText().equals("lambda:InvokeFunction")
                        && statement
                                .at("/Condition/ArnLike/AWS:SourceArn")
                                .asText()
                                .equals(rule.arn());
            }
            assertTrue(allowed, "rule " + rule.arn() + " may invoke the function: " + policy);
        }
        assertEquals(2, policy.path("Statement").size(), "no permission beyond the two rules: " + policy);
    }

    @Test
    void anExistingQueueFeedsTheFunctionWhoseRoleMayConsumeOnlyThatQueue() throws Exception {
        List<EventSourceMappingConfiguration> mappings = aws.lambda
                .listEventSourceMappings(r -> r.functionName("event-sources-orders"))
                .eventSourceMappings();
        assertEquals(1, mappings.size(), mappings.toString());
        assertEquals(QUEUE_ARN, mappings.get(0).eventSourceArn());
        assertEquals(5, mappings.get(0).batchSize());

        String roleName = aws.roleNameOf("event-sources-orders");
        assertEquals(
                List.of("consume-own-queues", "write-own-logs"),
                aws.iam.listRolePolicies(r -> r.roleName(roleName)).policyNames().stream()
                        .sorted()
                        .toList());
        JsonNode consume = aws.inlinePolicy(roleName, "consume-own-queues");
        assertEquals(1, consume.path("Statement").size());
        assertEquals(
                "[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"]",
                consume.at("/Statement/0/Action").toString());
        assertEquals(
                "[\"" + QUEUE_ARN + "\"]", consume.at("/Statement/0/Resource").toString());
    }

    @Test
    void restRoutesAreResourcesAndProxyMethodsEachInvocableFromItsOwnRouteOnly() {
        String apiId = aws.apiGateway.restApi("event-sources").path("id").asText();
        Map<String, String> idsByPath = new java.util.TreeMap<>();
        aws.apiGateway
                .resources(apiId)
                .forEach(resource -> idsByPath.put(
                        resource.path("path").asText(), resource.path("id").asText()));
        assertEquals(List.of("/", "/health", "/health/{component}"), List.copyOf(idsByPath.keySet()));
        String functionArn = aws.lambda
                .getFunction(r -> r.functionName("event-sources-health"))
                .configuration()
                .functionArn();
        for (String path : List.of("/health", "/health/{component}")) {
            JsonNode integration =
                    aws.apiGateway.method(apiId, idsByPath.get(path), "GET").path("methodIntegration");
            assertEquals("AWS_PROXY", integration.path("type").asText());
            assertEquals("POST", integration.path("httpMethod").asText());
            assertTrue(integration.path("uri").asText().contains(functionArn + "/invocations"), integration.toString());
        }

        JsonNode policy = aws.functionPolicy("event-sources-health");
        List<String> sources = new java.util.ArrayList<>();
        for (JsonNode statement : policy.path("Statement")) {
            assertEquals(
                    "apigateway.amazonaws.com",
                    statement.at("/Principal/Service").asText());
            assertEquals("lambda:InvokeFunction", statement.path("Action").asText());
            sources.add(statement.at("/Condition/ArnLike/AWS:SourceArn").asText());
        }
        String prefix = "arn:aws:execute-api:us-east-1:123456789012:" + apiId + "/*/GET/";
        assertEquals(
                List.of(prefix + "health", prefix + "health/*"),
                sources.stream().sorted().toList());
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
}
