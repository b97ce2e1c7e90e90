package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.UrlAuth;
import io.sparta.api.FunctionOptions;
import io.sparta.api.FunctionOptions.ConcurrencyChange;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioned concurrency on the alias {@code live}, fixed or changed on a schedule by Application Auto Scaling. */
class ProvisionedConcurrencyTemplateTest {

    @TempDir
    Path work;

    private static FunctionOptions provisioned(int concurrency, List<ConcurrencyChange> schedule) {
        return new FunctionOptions(
                -1,
                false,
                512,
                List.of(),
                "",
                false,
                List.of(),
                List.of(),
                new TreeMap<>(),
                "",
                List.of(),
                concurrency,
                schedule);
    }

    /** The services these tests build: {@link GeneratedPoliciesLintTest} lints their policies too. */
    static ServiceModel service() {
        LambdaFunction checkout = TestFunctions.function(
                "checkout",
                "Checkout",
                provisioned(
                        2,
                        List.of(
                                new ConcurrencyChange("cron(0 8 ? * MON-FRI *)", 20, "Europe/Berlin"),
                                new ConcurrencyChange("cron(0 18 ? * MON-FRI *)", 2, "Europe/Berlin"))),
                List.of(
                        new HttpRouteTrigger(ApiKind.HTTP, "POST", "/checkout"),
                        new FunctionUrlTrigger(UrlAuth.AWS_IAM),
                        new ScheduleTrigger("rate(1 hour)", "", true)));
        LambdaFunction quote = TestFunctions.function(
                "quote", "Quote", provisioned(3, List.of()), List.of(new HttpRouteTrigger(ApiKind.REST, "GET", "/q")));
        return new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(checkout, quote),
                HttpApiSettings.DEFAULTS,
                List.of());
    }

    @Test
    void theAliasLiveHoldsTheConcurrencyAndEveryCallerCallsTheAlias() throws Exception {
        JsonNode template = ServiceTemplate.marshal(service());
        JsonNode resources = template.path("Resources");

        assertEquals(
                2,
                resources
                        .at("/CheckoutAlias/Properties/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions")
                        .asInt());
        assertEquals(
                3,
                resources
                        .at("/QuoteAlias/Properties/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions")
                        .asInt());
        assertEquals("live", resources.at("/CheckoutAlias/Properties/Name").asText());
        assertEquals(
                "[\"CheckoutVersion\",\"Version\"]",
                resources
                        .at("/CheckoutAlias/Properties/FunctionVersion/Fn::GetAtt")
                        .toString());
        // SnapStart is a different choice; provisioned concurrency alone publishes without it.
        assertFalse(resources.at("/CheckoutFunction/Properties").has("SnapStart"));

        assertEquals(
                "CheckoutAlias",
                resources
                        .at("/CheckoutHttpIntegration/Properties/IntegrationUri/Ref")
                        .asText());
        assertEquals("live", resources.at("/CheckoutUrl/Properties/Qualifier").asText());
        assertTrue(resources
                .at("/QuoteRestMethod1/Properties/Integration/Uri/Fn::Sub")
                .asText()
                .contains("${QuoteAlias}/invocations"));
        assertTrue(template.toString().contains("\"Ref\":\"CheckoutAlias\""), "the schedule rule targets the alias");
        assertLintClean(template);
    }

    @Test
    void aScheduleBecomesOneScalableTargetAtTheDeployedNumberWithAnActionPerChange() {
        JsonNode resources = ServiceTemplate.marshal(service()).path("Resources");
        JsonNode target = resources.path("CheckoutConcurrencyTarget");
        assertEquals(
                "AWS::ApplicationAutoScaling::ScalableTarget",
                target.path("Type").asText());
        assertEquals("[\"CheckoutAlias\"]", target.path("DependsOn").toString());
        JsonNode properties = target.path("Properties");
        assertEquals("lambda", properties.path("ServiceNamespace").asText());
        assertEquals(
                "lambda:function:ProvisionedConcurrency",
                properties.path("ScalableDimension").asText());
        assertEquals(
                "function:${CheckoutFunction}:live",
                properties.at("/ResourceId/Fn::Sub").asText());
        assertEquals(2, properties.path("MinCapacity").asInt());
        assertEquals(2, properties.path("MaxCapacity").asInt());
        assertEquals(
                "[{\"ScheduledActionName\":\"CheckoutConcurrency1\",\"Schedule\":\"cron(0 8 ? * MON-FRI *)\","
                        + "\"Timezone\":\"Europe/Berlin\",\"ScalableTargetAction\":{\"MinCapacity\":20,"
                        + "\"MaxCapacity\":20}},{\"ScheduledActionName\":\"CheckoutConcurrency2\","
                        + "\"Schedule\":\"cron(0 18 ? * MON-FRI *)\",\"Timezone\":\"Europe/Berlin\","
                        + "\"ScalableTargetAction\":{\"MinCapacity\":2,\"MaxCapacity\":2}}]",
                properties.path("ScheduledActions").toString());
        // A fixed concurrency needs no Application Auto Scaling.
        assertFalse(resources.has("QuoteConcurrencyTarget"));
    }

    @Test
    void aFunctionWithoutProvisionedConcurrencyOrSnapStartPublishesNothing() {
        JsonNode resources = ServiceTemplate.marshal(new ServiceModel(
                        "shop",
                        "shop",
                        new TreeMap<>(),
                        new TreeMap<>(),
                        List.of(TestFunctions.function("plain", "Plain")),
                        HttpApiSettings.DEFAULTS,
                        List.of()))
                .path("Resources");
        assertFalse(resources.has("PlainVersion"));
        assertFalse(resources.has("PlainAlias"));
        assertFalse(resources.has("PlainConcurrencyTarget"));
    }

    private void assertLintClean(JsonNode template) throws Exception {
        Path file = work.resolve("provisioned.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }
}
