package io.sparta.decorators;

import static io.sparta.core.TestFunctions.function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateFragment;
import io.sparta.core.RecordingConsole;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.hooks.HookRunner;
import io.sparta.core.template.ServiceTemplate;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInDecoratorsTest {

    private static final LambdaFunction HELLO = function("hello", "Hello");
    private static final LambdaFunction SHOUT = function("shout", "Shout");
    private static final ServiceModel SERVICE =
            new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(HELLO, SHOUT));
    private static final RecordingConsole QUIET = new RecordingConsole();

    @TempDir
    Path work;

    @Test
    void dashboardChartsEveryFunctionsMetrics() throws Exception {
        TemplateFragment fragment = new TemplateFragment();
        new Dashboard().decorate(SERVICE, fragment);

        JsonNode dashboard = fragment.tree().at("/Resources/ServiceDashboard");
        assertEquals("AWS::CloudWatch::Dashboard", dashboard.path("Type").asText());
        JsonNode body = new ObjectMapper()
                .readTree(dashboard.at("/Properties/DashboardBody/Fn::Sub").asText());
        assertEquals(4, body.path("widgets").size());
        assertEquals(
                "[[\"AWS/Lambda\",\"Errors\",\"FunctionName\",\"${HelloFunction}\"],"
                        + "[\"AWS/Lambda\",\"Errors\",\"FunctionName\",\"${ShoutFunction}\"]]",
                body.at("/widgets/1/properties/metrics").toString());
    }

    @Test
    void errorAlarmWatchesTheFunctionsErrorsAndNotifiesTheTopic() {
        ErrorAlarms alarms = new ErrorAlarms();
        alarms.threshold = 5;
        alarms.period = 300;
        alarms.topicArn = "arn:aws:sns:us-east-1:123456789012:oncall";
        TemplateFragment fragment = new TemplateFragment();
        alarms.decorate(SERVICE, HELLO, fragment);

        JsonNode alarm = fragment.tree().at("/Resources/HelloErrorAlarm/Properties");
        assertEquals("Errors", alarm.path("MetricName").asText());
        assertEquals("HelloFunction", alarm.at("/Dimensions/0/Value/Ref").asText());
        assertEquals(5, alarm.path("Threshold").asInt());
        assertEquals(300, alarm.path("Period").asInt());
        assertEquals(alarms.topicArn, alarm.at("/AlarmActions/0").asText());
    }

    @Test
    void errorAlarmRefusesPeriodsCloudWatchRefuses() {
        ErrorAlarms alarms = new ErrorAlarms();
        alarms.period = 90;
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> alarms.decorate(SERVICE, HELLO, new TemplateFragment()));
        assertEquals("<period> is 90; CloudWatch allows 10, 30 or a multiple of 60", e.getMessage());
    }

    @Test
    void staticSiteKeepsItsBucketPrivateBehindOriginAccessControl() {
        TemplateFragment fragment = new TemplateFragment();
        new StaticSite().decorate(SERVICE, fragment);

        JsonNode resources = fragment.tree().path("Resources");
        resources
                .at("/SiteBucket/Properties/PublicAccessBlockConfiguration")
                .forEach(flag -> assertTrue(flag.asBoolean()));
        JsonNode origin = resources.at("/SiteDistribution/Properties/DistributionConfig/Origins/0");
        assertEquals(
                "[\"SiteOriginAccessControl\",\"Id\"]",
                origin.at("/OriginAccessControlId/Fn::GetAtt").toString());
        JsonNode grant = resources.at("/SiteBucketPolicy/Properties/PolicyDocument/Statement/0");
        assertEquals("cloudfront.amazonaws.com", grant.at("/Principal/Service").asText());
        assertTrue(grant.at("/Condition/StringEquals/AWS:SourceArn/Fn::Sub")
                .asText()
                .endsWith(":distribution/${SiteDistribution}"));
    }

    @Test
    void aTemplateWithEveryBuiltInDecoratorPassesCfnLint() throws Exception {
        ObjectNode template = ServiceTemplate.marshal(SERVICE);
        new HookRunner(new Extensions(List.of(new ErrorAlarms(), new Dashboard(), new StaticSite()), List.of()), QUIET)
                .decorate(SERVICE, template);
        Path file = work.resolve("decorated.json");
        Files.write(file, TemplateJson.bytes(template));

        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
        assertEquals(
                List.of("ServiceDashboardName", "SiteUrl", "SiteBucketName"), fieldNames(template.path("Outputs")));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
