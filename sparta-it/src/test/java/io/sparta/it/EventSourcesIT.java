package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Rule;

/** The event-sources sample on moto: each trigger checked through the AWS API, not only in the template. */
class EventSourcesIT {

    @Test
    void schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke() throws Exception {
        try (SampleOnMoto local = SampleOnMoto.start("event-sources", "event-sources")) {
            SampleProject.BuildResult build = local.sample.mvn("package", "sparta:provision");
            assertEquals(0, build.exitCode(), build.describe());
            assertEquals(List.of(), local.cfnLint.errors(local.sample.file("target/sparta/template.json")));

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
    }
}
