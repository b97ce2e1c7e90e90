package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** The event-sources sample on moto: each trigger checked through the AWS API, not only in the template. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventSourcesIT {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";

    private SampleOnMoto local;

    @BeforeAll
    void provision() throws Exception {
        local = SampleOnMoto.start("event-sources", "event-sources");
        // The sample consumes a queue the team already has.
        local.aws.sqs.createQueue(r -> r.queueName("orders"));
        SampleProject.BuildResult build = local.sample.mvn("package", "sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(List.of(), local.cfnLint.errors(local.sample.file("target/sparta/template.json")));
    }

    @AfterAll
    void stopMoto() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke() throws Exception {
        String functionArn = local.aws
                .lambda
                .getFunction(r -> r.functionName("event-sources-nightly"))
                .configuration()
                .functionArn();
        Map<String, Rule> rules = local.aws.events.listRules(r -> {}).rules().stream()
                .collect(Collectors.toMap(Rule::scheduleExpression, rule -> rule));
        assertEquals(2, rules.size(), rules.toString());
        assertEquals("every night", rules.get("rate(1 day)").description());
        assertEquals(
                "weekday noon report", rules.get("cron(0 12 ? * MON-FRI *)").description());

        JsonNode policy = new ObjectMapper()
                .readTree(local.aws
                        .lambda
                        .getPolicy(r -> r.functionName("event-sources-nightly"))
                        .policy());
        for (Rule rule : rules.values()) {
            assertEquals("ENABLED", rule.stateAsString());
            assertEquals(
                    List.of(functionArn),
                    local.aws.events.listTargetsByRule(r -> r.rule(rule.name())).targets().stream()
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
        List<EventSourceMappingConfiguration> mappings = local.aws
                .lambda
                .listEventSourceMappings(r -> r.functionName("event-sources-orders"))
                .eventSourceMappings();
        assertEquals(1, mappings.size(), mappings.toString());
        assertEquals(QUEUE_ARN, mappings.get(0).eventSourceArn());
        assertEquals(5, mappings.get(0).batchSize());

        String roleArn = local.aws
                .lambda
                .getFunction(r -> r.functionName("event-sources-orders"))
                .configuration()
                .role();
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        assertEquals(
                List.of("consume-own-queues", "write-own-logs"),
                local.aws.iam.listRolePolicies(r -> r.roleName(roleName)).policyNames().stream()
                        .sorted()
                        .toList());
        // moto returns inline role policies made by CloudFormation as Python reprs: read them leniently.
        JsonNode consume = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .build()
                .readTree(URLDecoder.decode(
                        local.aws
                                .iam
                                .getRolePolicy(r -> r.roleName(roleName).policyName("consume-own-queues"))
                                .policyDocument(),
                        StandardCharsets.UTF_8));
        assertEquals(1, consume.path("Statement").size());
        assertEquals(
                "[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"]",
                consume.at("/Statement/0/Action").toString());
        assertEquals(
                "[\"" + QUEUE_ARN + "\"]", consume.at("/Statement/0/Resource").toString());
    }
}
