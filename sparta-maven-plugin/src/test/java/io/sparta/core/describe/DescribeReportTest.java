package io.sparta.core.describe;

import static io.sparta.core.TestFunctions.function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.UrlAuth;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.core.RecordingConsole;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.hooks.HookRunner;
import io.sparta.core.template.ServiceTemplate;
import io.sparta.decorators.Dashboard;
import io.sparta.decorators.ErrorAlarms;
import io.sparta.testkit.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The describe report, opened in headless Chromium as a developer would open it. */
class DescribeReportTest {

    private static final ServiceModel SERVICE = new ServiceModel(
            "orders",
            "orders",
            new TreeMap<>(),
            new TreeMap<>(),
            List.of(
                    function("hello", "Hello"),
                    function(
                            "shout",
                            "Shout",
                            List.of(
                                    new ScheduleTrigger("rate(1 day)", "", true),
                                    new SqsQueueTrigger("arn:aws:sqs:us-east-1:123456789012:shouts", 10, 0, false))),
                    function(
                            "storefront",
                            "Storefront",
                            List.of(
                                    new HttpRouteTrigger(ApiKind.HTTP, "GET", "/products/{id}"),
                                    new FunctionUrlTrigger(UrlAuth.AWS_IAM)))),
            io.sparta.api.HttpApiSettings.DEFAULTS,
            List.of(new io.sparta.api.OwnedResource.Queue("work", 30)));

    @TempDir
    static Path work;

    static Path report;
    static com.fasterxml.jackson.databind.node.ObjectNode template;
    static Set<String> spartaResources = new LinkedHashSet<>();

    @BeforeAll
    static void writeReport() throws Exception {
        template = ServiceTemplate.marshal(SERVICE);
        template.path("Resources").fieldNames().forEachRemaining(spartaResources::add);
        RecordingConsole quiet = new RecordingConsole();
        new HookRunner(new Extensions(List.of(new ErrorAlarms(), new Dashboard()), List.of()), quiet)
                .decorate(SERVICE, template);
        report = work.resolve("describe.html");
        DescribeReport.write(SERVICE, template, spartaResources, report);
    }

    @Test
    void aCustomResourceIsDrawnAsAResourceCallingItsFunction() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode custom = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.sparta.core.common.JacksonReader.MAPPER.readTree("""
                        {"Resources": {
                          "SeedResource": {"Type": "Custom::Seed",
                            "Properties": {"ServiceToken": {"Fn::GetAtt": ["SeederFunction", "Arn"]}}},
                          "SeederFunction": {"Type": "AWS::Lambda::Function", "Properties": {}}}}
                        """);
        JsonNode graph = DescribeReport.graph(custom, Set.of("SeedResource", "SeederFunction"));
        assertEquals("resource", node(graph, "SeedResource").path("kind").asText());
        assertEquals(
                "SeedResource\nCustom::Seed",
                node(graph, "SeedResource").path("label").asText());
        assertEquals(
                "[{\"source\":\"SeedResource\",\"target\":\"SeederFunction\"}]",
                graph.path("edges").toString());
    }

    @Test
    void drawsEveryResourceWithReferencesAsEdges() {
        JsonNode graph = DescribeReport.graph(template, spartaResources);
        assertEquals(
                23,
                graph.path("nodes").size(),
                "1 declared queue, 3 per function, 3 for shout's triggers, 5 for storefront's route (API, stage,"
                        + " integration, route, permission), 1 for its URL, 4 a decorator added");
        assertEquals("resource", node(graph, "WorkQueue").path("kind").asText());
        List<String> edges = new java.util.ArrayList<>();
        graph.path("edges")
                .forEach(edge -> edges.add(edge.path("source").asText() + "->"
                        + edge.path("target").asText()));
        assertTrue(
                edges.containsAll(List.of(
                        "HelloRole->HelloLogGroup",
                        "HelloFunction->HelloLogGroup",
                        "HelloFunction->HelloRole",
                        "HelloErrorAlarm->HelloFunction",
                        "ServiceDashboard->HelloFunction",
                        "ServiceDashboard->ShoutFunction")),
                edges.toString());
        JsonNode role = node(graph, "HelloRole");
        assertEquals(
                "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]",
                role.at("/permissions/0/actions").toString());
        assertEquals("trigger", node(graph, "ShoutSchedule1").path("kind").asText());
        assertEquals("route", node(graph, "StorefrontHttpRoute1").path("kind").asText());
        assertEquals(
                "GET /products/{id}\nStorefrontHttpRoute1",
                node(graph, "StorefrontHttpRoute1").path("label").asText());
        assertEquals("api", node(graph, "HttpApi").path("kind").asText());
        assertEquals("decorator", node(graph, "ServiceDashboard").path("origin").asText());
    }

    @Test
    void isOneSelfContainedFile() throws Exception {
        String html = Files.readString(report);
        assertFalse(
                Pattern.compile("<(script|link|img)[^>]+(src|href)=")
                        .matcher(html)
                        .find(),
                "nothing loaded from elsewhere");
        assertTrue(html.contains("cytoscape"), "the graph library is inlined");
    }

    @Test
    void rendersInChromiumWithoutConsoleErrorsAndOneNodePerFunctionTriggerAndResource() {
        HeadlessChromium chromium = HeadlessChromium.find();
        HeadlessChromium.Page page = chromium.open(report);

        assertEquals(23, attribute(page.dom(), "data-node-count"));
        assertEquals(1, attribute(page.dom(), "data-resource-count"));
        assertEquals(2, attribute(page.dom(), "data-trigger-count"));
        assertEquals(2, attribute(page.dom(), "data-route-count"), "the HTTP route and the function URL");
        assertEquals(3, attribute(page.dom(), "data-function-count"));
        assertEquals(4, attribute(page.dom(), "data-decorator-count"));
        assertTrue(
                page.console().stream().anyMatch(line -> line.contains("sparta-describe: rendered 23 nodes")),
                page.console().toString());
        assertEquals(
                List.of(),
                page.console().stream()
                        .filter(line -> !line.contains("sparta-describe: rendered"))
                        .toList(),
                "console messages other than the report's own");

        Path screenshot = Path.of("target", "describe-screenshots", "describe.png");
        chromium.screenshot(report, screenshot, 1400, 900);
        assertTrue(screenshot.toFile().length() > 10_000, "a screenshot with something drawn in it");
    }

    private static JsonNode node(JsonNode graph, String id) {
        for (JsonNode node : graph.path("nodes")) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id);
    }

    private static int attribute(String dom, String name) {
        Matcher value = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
        assertTrue(value.find(), name + " not set: the page's script did not finish");
        return Integer.parseInt(value.group(1));
    }
}
