package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparta.core.JavaSources;
import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.ServiceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every handler kind run for real in a fresh JVM, as sparta:invoke runs them. */
class LocalInvokerTest {

    private static final ServiceSettings SETTINGS =
            new ServiceSettings("orders", "orders", Map.of(), Map.of("Stage", "dev"));

    @TempDir
    static Path work;

    static Path classes;

    private final RecordingConsole console = new RecordingConsole();

    @BeforeAll
    static void compileHandlers() {
        classes = JavaSources.compile(
                work,
                Map.of(
                        "acme/Greeter.java", """
                package acme;
                import com.amazonaws.services.lambda.runtime.*;
                import io.sparta.annotations.*;
                import java.util.Map;
                @SpartaLambda(name = "greet", memory = 256, timeout = 5,
                        environment = {@Env(name = "GREETING", value = "Hello"), @Env(name = "STAGE", value = "${Stage}-${AWS::Region}")})
                public class Greeter implements RequestHandler<Map<String, String>, Map<String, Object>> {
                    public Map<String, Object> handleRequest(Map<String, String> event, Context context) {
                        context.getLogger().log("greeting " + event.get("name"));
                        return Map.of("message", System.getenv("GREETING") + ", " + event.get("name"),
                                "stage", System.getenv("STAGE"),
                                "function", context.getFunctionName(),
                                "memory", context.getMemoryLimitInMB(),
                                "remainingWithinTimeout", context.getRemainingTimeInMillis() > 0 && context.getRemainingTimeInMillis() <= 5000,
                                "requestId", context.getAwsRequestId());
                    }
                }
                """,
                        "acme/Order.java", """
                package acme;
                public class Order {
                    private String id;
                    private int quantity;
                    public String getId() { return id; }
                    public void setId(String id) { this.id = id; }
                    public int getQuantity() { return quantity; }
                    public void setQuantity(int quantity) { this.quantity = quantity; }
                }
                """,
                        "acme/Orders.java", """
                package acme;
                import com.amazonaws.services.lambda.runtime.Context;
                import io.sparta.annotations.SpartaLambda;
                import java.io.*;
                public class Orders {
                    @SpartaLambda(name = "total")
                    public static Order total(Order order, Context context) { order.setQuantity(order.getQuantity() * 2); return order; }
                    @SpartaLambda(name = "shout")
                    public String shout(String text) { return text.toUpperCase(); }
                    @SpartaLambda(name = "echo")
                    public void echo(InputStream in, OutputStream out, Context context) throws IOException { in.transferTo(out); }
                    @SpartaLambda(name = "broken")
                    public String broken(String text) { throw new IllegalStateException("no stock for " + text); }
                    @SpartaLambda(name = "slow", timeout = 1)
                    public String slow(String text) throws InterruptedException { Thread.sleep(30_000); return text; }
                    @SpartaLambda(name = "sluggish", timeout = 1)
                    public String sluggish(String text) throws InterruptedException { Thread.sleep(1_500); return text; }
                    @SpartaLambda(name = "big")
                    public String big(String text) { return "x".repeat(6_400_000); }
                }
                """,
                        "acme/SlowStart.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class SlowStart {
                    static {
                        try { Thread.sleep(1_500); } catch (InterruptedException e) { throw new IllegalStateException(e); }
                    }
                    @SpartaLambda(name = "slow-start", timeout = 1)
                    public String handle(String event) { return "started"; }
                }
                """,
                        "acme/SlowInit.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                import com.amazonaws.services.lambda.runtime.Context;
                public class SlowInit {
                    static {
                        try { Thread.sleep(1_500); } catch (InterruptedException e) { throw new IllegalStateException(e); }
                    }
                    @SpartaLambda(name = "slow-init", timeout = 60)
                    public String handle(String event, Context context) {
                        return "initialised, " + context.getRemainingTimeInMillis() + " ms left";
                    }
                }
                """,
                        "acme/Records.java", """
                package acme;
                import com.amazonaws.services.lambda.runtime.*;
                import io.sparta.annotations.SpartaLambda;
                @SpartaLambda(name = "records")
                public class Records implements RequestHandler<Records.Item, Records.Item> {
                    public record Item(String sku, int count) {}
                    public Item handleRequest(Item item, Context context) { return new Item(item.sku().toUpperCase(), item.count() * 2); }
                }
                """,
                        "acme/OrderSummaries.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                import java.time.Instant;
                import java.util.List;
                public class OrderSummaries {
                    public enum State { OPEN, SHIPPED }
                    public record Line(String sku, int count) {}
                    public record Order(String id, State state, Instant placed, List<Line> lines) {}
                    public record Summary(String id, State next, long placedEpochSecond, int items) {}
                    @SpartaLambda(name = "orders-summary")
                    public Summary summarize(Order order) {
                        return new Summary(order.id(), State.SHIPPED, order.placed().getEpochSecond(),
                                order.lines().stream().mapToInt(Line::count).sum());
                    }
                }
                """,
                        "acme/LambdaVariables.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                import java.util.*;
                public class LambdaVariables {
                    @SpartaLambda(name = "variables")
                    public Map<String, String> read(String event, com.amazonaws.services.lambda.runtime.Context context) {
                        Map<String, String> seen = new TreeMap<>();
                        for (String name : List.of("TZ", "LANG", "LAMBDA_TASK_ROOT", "AWS_LAMBDA_INITIALIZATION_TYPE",
                                "AWS_LAMBDA_LOG_STREAM_NAME", "_X_AMZN_TRACE_ID", "AWS_XRAY_CONTEXT_MISSING",
                                "AWS_XRAY_DAEMON_ADDRESS", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_EXECUTION_ENV")) {
                            seen.put(name, String.valueOf(System.getenv(name)));
                        }
                        seen.put("timeZone", TimeZone.getDefault().getID());
                        seen.put("contextLogStream", context.getLogStreamName());
                        seen.put("contextLogGroup", context.getLogGroupName());
                        seen.put("traceProperty", String.valueOf(System.getProperty("com.amazonaws.xray.traceHeader")));
                        return seen;
                    }
                }
                """,
                        "acme/Upper.java", """
                package acme;
                import com.amazonaws.services.lambda.runtime.*;
                import io.sparta.annotations.SpartaLambda;
                import java.io.*;
                import java.nio.charset.StandardCharsets;
                @SpartaLambda(name = "upper")
                public class Upper implements RequestStreamHandler {
                    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
                        out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
                    }
                }
                """,
                        "acme/Events.java", """
                package acme;
                import com.amazonaws.services.lambda.runtime.*;
                import com.amazonaws.services.lambda.runtime.events.*;
                import io.sparta.annotations.SpartaLambda;
                public class Events {
                    @SpartaLambda(name = "apigw-v1") public String v1(APIGatewayProxyRequestEvent e) { return e.getHttpMethod() + " " + e.getPathParameters().get("id"); }
                    @SpartaLambda(name = "apigw-v2") public String v2(APIGatewayV2HTTPEvent e) { return e.getRequestContext().getHttp().getMethod() + " " + e.getPathParameters().get("id"); }
                    @SpartaLambda(name = "cloudwatch-logs") public String logs(CloudWatchLogsEvent e) { return e.getAwsLogs().getData().isEmpty() ? "" : "gzip"; }
                    @SpartaLambda(name = "dynamodb") public String dynamodb(DynamodbEvent e) { return e.getRecords().get(0).getEventName() + " " + e.getRecords().get(0).getDynamodb().getKeys().get("Id").getN(); }
                    @SpartaLambda(name = "eventbridge") public String eventbridge(ScheduledEvent e) { return e.getDetailType() + " " + e.getDetail().get("orderId"); }
                    @SpartaLambda(name = "kinesis") public String kinesis(KinesisEvent e) { return new String(e.getRecords().get(0).getKinesis().getData().array()); }
                    @SpartaLambda(name = "s3") public String s3(S3Event e) { return e.getRecords().get(0).getS3().getBucket().getName() + "/" + e.getRecords().get(0).getS3().getObject().getKey(); }
                    @SpartaLambda(name = "schedule") public String schedule(ScheduledEvent e) { return e.getDetailType() + " " + e.getResources().get(0); }
                    @SpartaLambda(name = "sns") public String sns(SNSEvent e) { return e.getRecords().get(0).getSNS().getMessage(); }
                    @SpartaLambda(name = "sqs") public String sqs(SQSEvent e) { return e.getRecords().get(0).getBody(); }
                }
                """));
    }

    private String invoke(String function, String event) throws Exception {
        return invoke(function, event.getBytes(StandardCharsets.UTF_8));
    }

    private String invoke(String function, byte[] event) throws Exception {
        return invoke(function, event, 1);
    }

    private String invoke(String function, byte[] event, double timeoutScale) throws Exception {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaSources.testClasspath());
        return new LocalInvoker(console)
                .invoke(new InvokeRequest(
                        classes,
                        classpath,
                        List.of(),
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        SETTINGS,
                        function,
                        event,
                        "eu-west-1",
                        Map.of(),
                        work.resolve("invoke-" + function),
                        io.sparta.core.archive.LayerModules.NONE,
                        timeoutScale));
    }

    @Test
    void aRequestHandlerSeesItsEnvironmentContextAndEvent() throws Exception {
        JsonNode response = new ObjectMapper().readTree(invoke("greet", "{\"name\":\"Ada\"}"));

        assertEquals("Hello, Ada", response.path("message").asText());
        assertEquals("dev-eu-west-1", response.path("stage").asText());
        assertEquals("orders-greet", response.path("function").asText());
        assertEquals(256, response.path("memory").asInt());
        assertTrue(response.path("remainingWithinTimeout").asBoolean());
        assertTrue(console.lines().contains("  greeting Ada"), console.lines().toString());
        assertTrue(
                console.lines().stream()
                        .anyMatch(line -> line.startsWith("  REPORT RequestId: "
                                + response.path("requestId").asText())),
                console.lines().toString());
    }

    @Test
    void theVariablesLambdaSetsAreSetSoTheXRaySdkAndTimeZonesBehaveAsThere() throws Exception {
        JsonNode seen = new ObjectMapper().readTree(invoke("variables", "\"x\""));

        String trace = "Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0";
        assertTrue(seen.path("_X_AMZN_TRACE_ID").asText().matches(trace), seen.toString());
        assertTrue(seen.path("traceProperty").asText().matches(trace), seen.toString());
        assertEquals(
                seen.path("_X_AMZN_TRACE_ID").asText(),
                seen.path("traceProperty").asText(),
                "a cold invocation's header is the one its environment started with");
        assertEquals("LOG_ERROR", seen.path("AWS_XRAY_CONTEXT_MISSING").asText());
        assertEquals("127.0.0.1:2000", seen.path("AWS_XRAY_DAEMON_ADDRESS").asText());
        assertEquals(":UTC", seen.path("TZ").asText());
        assertEquals("UTC", seen.path("timeZone").asText(), "the JVM reads TZ as Lambda's does");
        assertEquals("en_US.UTF-8", seen.path("LANG").asText());
        assertEquals(
                classes.toAbsolutePath().toString(),
                seen.path("LAMBDA_TASK_ROOT").asText());
        assertEquals("on-demand", seen.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText());
        assertTrue(
                seen.path("AWS_LAMBDA_LOG_STREAM_NAME")
                        .asText()
                        .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"),
                seen.toString());
        assertEquals(
                "/aws/lambda/orders-variables",
                seen.path("AWS_LAMBDA_LOG_GROUP_NAME").asText());
        assertEquals(
                seen.path("AWS_LAMBDA_LOG_STREAM_NAME").asText(),
                seen.path("contextLogStream").asText(),
                "the Context names the stream the variable does, as on Lambda");
        assertEquals(
                seen.path("AWS_LAMBDA_LOG_GROUP_NAME").asText(),
                seen.path("contextLogGroup").asText());
        assertEquals("AWS_Lambda_java21", seen.path("AWS_EXECUTION_ENV").asText());
    }

    @Test
    void aRecordIsReadAndWrittenAsLambdasJavaRuntimeDoes() throws Exception {
        JsonNode item = new ObjectMapper().readTree(invoke("records", "{\"sku\":\"ab-1\",\"count\":3}"));
        assertEquals("AB-1", item.path("sku").asText());
        assertEquals(6, item.path("count").asInt());
    }

    @Test
    void recordsEnumsJavaTimeAndListsRoundTripAsOnLambda() throws Exception {
        JsonNode summary = new ObjectMapper()
                .readTree(invoke(
                        "orders-summary",
                        "{\"id\":\"o-1\",\"state\":\"OPEN\",\"placed\":\"2026-11-30T00:00:00Z\","
                                + "\"lines\":[{\"sku\":\"a\",\"count\":2},{\"sku\":\"b\",\"count\":3}]}"));
        assertEquals("o-1", summary.path("id").asText());
        assertEquals("SHIPPED", summary.path("next").asText());
        assertEquals(1_795_996_800L, summary.path("placedEpochSecond").asLong());
        assertEquals(5, summary.path("items").asInt());
    }

    @Test
    void initIsTimedApartAndOutsideTheHandlersTimeoutAsOnLambda() throws Exception {
        assertEquals("\"started\"", invoke("slow-start", "\"x\""));

        String report = console.lines().stream()
                .filter(line -> line.startsWith("  REPORT RequestId: "))
                .reduce((first, second) -> second)
                .orElseThrow();
        java.util.regex.Matcher durations = java.util.regex.Pattern.compile(
                        "Duration: ([0-9.]+) ms Memory Size: \\d+ MB Init Duration: ([0-9.]+) ms")
                .matcher(report);
        assertTrue(durations.find(), report);
        assertTrue(Double.parseDouble(durations.group(2)) >= 1_500, "init counts the static initialiser: " + report);
        assertTrue(Double.parseDouble(durations.group(1)) < 1_000, "the handler's own duration: " + report);
    }

    @Test
    void methodHandlersTakePojosAndStrings() throws Exception {
        assertEquals("{\"id\":\"42\",\"quantity\":4}", invoke("total", "{\"id\":\"42\",\"quantity\":2}"));
        assertEquals("\"HELLO\"", invoke("shout", "\"hello\""));
    }

    @Test
    void streamHandlersGetTheRawEvent() throws Exception {
        assertEquals("{\"A\":1}", invoke("upper", "{\"a\":1}"));
        assertEquals("raw bytes", invoke("echo", "raw bytes"));
    }

    @Test
    void aThrowingHandlerIsReportedAsLambdaReportsIt() throws Exception {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> invoke("broken", "\"apples\""));
        assertTrue(e.getMessage().startsWith("Function broken failed: "), e.getMessage());
        JsonNode error = new ObjectMapper().readTree(e.getMessage().substring("Function broken failed: ".length()));
        assertEquals("java.lang.IllegalStateException", error.path("errorType").asText());
        assertEquals("no stock for apples", error.path("errorMessage").asText());
        assertTrue(error.path("stackTrace").get(0).asText().startsWith("acme.Orders.broken("), error.toString());
    }

    @Test
    void anExceededTimeoutSaysSo() {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> invoke("slow", "\"x\""));
        assertTrue(e.getMessage().startsWith("Function slow timed out: "), e.getMessage());
        assertTrue(e.getMessage().contains("Task timed out after 1.00 seconds"), e.getMessage());
    }

    @Test
    void theRunIsSplitIntoJvmStartInitAndHandlerFromWhatTheRunnerPrinted() throws Exception {
        assertEquals("\"HELLO\"", invoke("shout", "\"hello\""));

        String timing = console.lines().stream()
                .filter(line -> line.startsWith("Timing: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(console.lines().toString()));
        assertTrue(
                timing.matches(
                        "Timing: Sparta \\d+ ms before the function's JVM; JVM start \\d+ ms, init [0-9.]+ ms, handler [0-9.]+ ms;"
                                + " the JVM ran \\d+ ms in all, \\d+ ms of it loading the runtime, writing and exiting"),
                timing);
        assertEquals(
                java.util.Optional.of(
                        "Timing: Sparta 700 ms before the function's JVM; JVM start 80 ms, init 300.50 ms, handler 2.25 ms;"
                                + " the JVM ran 500 ms in all, 117 ms of it loading the runtime, writing and exiting"),
                LocalInvoker.timing(
                        700,
                        List.of(
                                "Local JVM started in 80 ms",
                                "START RequestId: 1 Version: $LATEST",
                                "REPORT RequestId: 1 Duration: 2.25 ms Memory Size: 512 MB Init Duration: 300.50 ms"),
                        500));
    }

    @Test
    void aModuleWithoutFunctionsSaysToRunTheGoalInTheModuleThatHasThem() throws Exception {
        Path empty = java.nio.file.Files.createDirectories(work.resolve("parent-classes"));
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> new LocalInvoker(console)
                        .invoke(new InvokeRequest(
                                empty,
                                List.of(empty),
                                List.of(),
                                Path.of(System.getProperty("java.home"), "bin", "java"),
                                SETTINGS,
                                "greet",
                                "{}".getBytes(StandardCharsets.UTF_8),
                                "eu-west-1",
                                Map.of(),
                                work.resolve("invoke-parent"),
                                io.sparta.core.archive.LayerModules.NONE,
                                1)));
        assertEquals(
                "No @SpartaLambda function in " + empty + "; run the goal in the module that declares the functions"
                        + " (mvn -f MODULE or -pl MODULE), after compiling it",
                e.getMessage());
    }

    @Test
    void anEventOverLambdasSixMegabytesIsRefusedAsLambdaRefusesIt() throws Exception {
        byte[] event = new byte[LocalLimits.INVOKE_REQUEST_MAX + 1];
        java.util.Arrays.fill(event, (byte) 'x');

        SpartaUserException e = assertThrows(SpartaUserException.class, () -> invoke("echo", event));

        assertEquals(
                "The event is 6291457 bytes; Lambda refuses a synchronous invocation's event over 6291456 bytes"
                        + " (RequestTooLargeException: Request must be smaller than 6291456 bytes for the"
                        + " InvokeFunction operation). Put large data in S3 and pass its key",
                e.getMessage());
        assertEquals("x".repeat(1000), invoke("echo", "x".repeat(1000)), "under the quota it runs");
    }

    @Test
    void aResponseOverSixMegabytesFailsAsLambdaFailsIt() throws Exception {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> invoke("big", "\"x\""));

        assertTrue(e.getMessage().startsWith("Function big failed: "), e.getMessage());
        JsonNode error = new ObjectMapper().readTree(e.getMessage().substring("Function big failed: ".length()));
        assertEquals("Function.ResponseSizeTooLarge", error.path("errorType").asText());
        assertEquals(
                "Response payload size exceeded maximum allowed payload size (6291556 bytes).",
                error.path("errorMessage").asText());
    }

    @Test
    void aScaledTimeoutGivesASlowMachineTheTimeLambdaWould() throws Exception {
        SpartaUserException e = assertThrows(
                SpartaUserException.class, () -> invoke("sluggish", "\"x\"".getBytes(StandardCharsets.UTF_8), 1));
        assertTrue(e.getMessage().contains("Task timed out after 1.00 seconds"), e.getMessage());

        assertEquals("\"x\"", invoke("sluggish", "\"x\"".getBytes(StandardCharsets.UTF_8), 3));
    }

    @Test
    void anInitPastItsBudgetIsReportedAsLambdaDoesAndFinishedWithinTheFirstInvocation() throws Exception {
        // 10 s × 0.05: a 500 ms budget for an init of 1.5 s; the function's 60 s × 0.05 = 3 s hold the rest.
        String response = invoke("slow-init", "\"x\"".getBytes(StandardCharsets.UTF_8), 0.05);
        java.util.regex.Matcher left = java.util.regex.Pattern.compile("\"initialised, (\\d+) ms left\"")
                .matcher(response);
        assertTrue(left.matches(), response);
        assertTrue(
                Integer.parseInt(left.group(1)) <= 3_000 - 1_400,
                "the context's time left counts the init, as the invocation's timeout does: " + response);

        List<String> lines = console.lines();
        String initReport = lines.stream()
                .filter(line -> line.startsWith("  INIT_REPORT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(lines.toString()));
        java.util.regex.Matcher budget = java.util.regex.Pattern.compile(
                        "  INIT_REPORT Init Duration: ([0-9]+\\.[0-9]{2}) ms Phase: init Status: timeout")
                .matcher(initReport);
        assertTrue(budget.matches(), initReport);
        double millis = Double.parseDouble(budget.group(1));
        assertTrue(millis >= 500 && millis < 1_500, "the budget, not the whole init: " + initReport);
        String report = lines.stream()
                .filter(line -> line.startsWith("  REPORT RequestId: "))
                .findFirst()
                .orElseThrow();
        assertFalse(report.contains("Init Duration"), "init finished inside the invocation: " + report);
        java.util.regex.Matcher duration =
                java.util.regex.Pattern.compile("Duration: ([0-9.]+) ms").matcher(report);
        assertTrue(duration.find(), report);
        assertTrue(
                Double.parseDouble(duration.group(1)) >= 1_400,
                "the invocation counts the whole init, as Lambda's re-run of it would: " + report);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "apigw-v1, '\"POST 42\"'",
        "apigw-v2, '\"POST 42\"'",
        "cloudwatch-logs, '\"gzip\"'",
        "dynamodb, '\"INSERT 42\"'",
        "eventbridge, '\"Order Placed 42\"'",
        "kinesis, '\"order 42 placed\"'",
        "s3, '\"orders-inbox/incoming/order-42.json\"'",
        "schedule, '\"Scheduled Event arn:aws:events:us-east-1:123456789012:rule/nightly\"'",
        "sns, '\"order 42 placed\"'",
        "sqs, '\"order 42 placed\"'"
    })
    void eachSampleEventIsReadableByItsAwsLambdaJavaEventsType(String kind, String expected) throws Exception {
        assertEquals(expected, invoke(kind, SampleEvents.named(kind)));
    }

    @Test
    void anUnknownFunctionListsTheKnownOnes() {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> invoke("nope", "{}"));
        assertTrue(
                e.getMessage().startsWith("No function named 'nope'; -Dsparta.function takes one of ["),
                e.getMessage());
    }

    @Test
    void pseudoParametersAndEscapesResolveLikeFnSub() {
        assertEquals(
                "dev/eu-west-1/orders/${Literal}",
                LocalEnvironment.substitute(
                        "${Stage}/${AWS::Region}/${AWS::StackName}/${!Literal}", SETTINGS, "eu-west-1"));
    }

    @Test
    void discoverVariablesComeFromTheDevelopersShellOrAreLeftOutForDiscoverToExplain() {
        io.sparta.api.LambdaFunction function = new io.sparta.api.LambdaFunction(
                "ingest",
                "Ingest",
                "acme.Ingest",
                "acme.Ingest",
                "",
                256,
                10,
                io.sparta.annotations.LambdaRuntime.JAVA21,
                io.sparta.annotations.Architecture.X86_64,
                new java.util.TreeMap<>(Map.of(
                        "SPARTA_TABLE_ORDERS", "${OrdersTable}",
                        "SPARTA_BUCKET_UPLOADS", "orders-uploads-${AWS::AccountId}-${StackSuffix}",
                        "STAGE", "${Stage}")),
                14,
                io.sparta.api.FunctionOptions.DEFAULTS,
                List.of());
        Map<String, String> alone = LocalEnvironment.of(function, SETTINGS, "eu-west-1", Map.of(), classes);
        assertEquals(null, alone.get("SPARTA_TABLE_ORDERS"), "no stack resolves ${OrdersTable} here");
        assertEquals(
                null,
                alone.get("SPARTA_BUCKET_UPLOADS"),
                "a bucket's name ends with its stack's id, which no stack gives here");
        assertEquals("dev", alone.get("STAGE"));
        Map<String, String> pointed = LocalEnvironment.of(
                function,
                SETTINGS,
                "eu-west-1",
                Map.of("SPARTA_TABLE_ORDERS", "orders-dev-table", "SPARTA_BUCKET_UPLOADS", "my-test-bucket"),
                classes);
        assertEquals("orders-dev-table", pointed.get("SPARTA_TABLE_ORDERS"));
        assertEquals("my-test-bucket", pointed.get("SPARTA_BUCKET_UPLOADS"));
    }
}
