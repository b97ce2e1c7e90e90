package io.sparta.runtime.customresource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler answers every request CloudFormation sends, at a real local HTTP server standing in for the pre-signed
 * S3 URL, with the body CloudFormation's custom resource protocol describes.
 */
class CustomResourceFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/5a1b2c3d-0000-4000-8000-00000000aaaa";

    private final ResponseServer server = ResponseServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request exactly as CloudFormation sends it, from the protocol page's example, read the way Lambda does. */
    private Map<String, Object> event(String requestType, String physicalId, String properties, String old)
            throws Exception {
        String json = """
                {"RequestType": "%s",
                 "ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:orders-seeder",
                 "ResponseURL": "%s",
                 "StackId": "%s",
                 "RequestId": "d6b5a5e4-1111-4111-8111-000000000001",
                 "LogicalResourceId": "SeedResource",
                 %s
                 "ResourceType": "Custom::TableSeed",
                 "ResourceProperties": %s
                 %s}""".formatted(
                        requestType,
                        server.url(),
                        STACK_ID,
                        physicalId == null ? "" : "\"PhysicalResourceId\": \"" + physicalId + "\",",
                        properties,
                        old == null ? "" : ", \"OldResourceProperties\": " + old);
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    }

    private Map<String, Object> create(String properties) throws Exception {
        return event("Create", null, properties, null);
    }

    private static final String PROPERTIES = """
            {"ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:orders-seeder",
             "TableName": "orders", "Ids": ["a", "b"], "Rows": "3"}""";

    private JsonNode answer() throws Exception {
        return JSON.readTree(server.only().body());
    }

    /** A handler whose lifecycle methods are given as lambdas, recording the requests it was called with. */
    private static final class Scripted extends CustomResourceFunction {
        interface Method {
            CustomResourceResult apply(CustomResourceRequest request) throws Exception;
        }

        final List<CustomResourceRequest> calls = new CopyOnWriteArrayList<>();
        private final Method create;
        private final Method update;
        private final Method delete;

        Scripted(Method create, Method update, Method delete) {
            this.create = create;
            this.update = update;
            this.delete = delete;
        }

        static Scripted creating(Method create) {
            return new Scripted(create, request -> fail(), request -> fail());
        }

        private static CustomResourceResult fail() {
            throw new AssertionError("not expected");
        }

        @Override
        protected CustomResourceResult create(CustomResourceRequest request) throws Exception {
            calls.add(request);
            return create.apply(request);
        }

        @Override
        protected CustomResourceResult update(CustomResourceRequest request) throws Exception {
            calls.add(request);
            return update.apply(request);
        }

        @Override
        protected void delete(CustomResourceRequest request) throws Exception {
            calls.add(request);
            delete.apply(request);
        }
    }

    @Test
    void aCreateThatReturnsAnswersSuccessWithItsIdAndDataByPutWithoutContentType() throws Exception {
        Scripted function =
                Scripted.creating(request -> CustomResourceResult.of(request.property("TableName") + "-seed")
                        .withData("RowCount", request.property("Rows"))
                        .withData("Ids", String.join(",", request.listProperty("Ids"))));
        TestContext context = TestContext.withRemainingMillis(30_000);

        assertNull(function.handleRequest(create(PROPERTIES), context));

        ResponseServer.Received put = server.only();
        assertEquals("PUT", put.method());
        assertEquals(ResponseServer.PATH_AND_QUERY, put.pathAndQuery(), "the pre-signed URL's query, as given");
        assertFalse(
                put.headers().containsKey("Content-Type"), "the URL is signed without Content-Type: " + put.headers());
        JsonNode body = answer();
        assertEquals(
                List.of("Status", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId", "Data"),
                fieldNames(body),
                "no Reason on success, no NoEcho unless asked");
        assertEquals("SUCCESS", body.get("Status").asText());
        assertEquals("orders-seed", body.get("PhysicalResourceId").asText());
        assertEquals(STACK_ID, body.get("StackId").asText());
        assertEquals(
                "d6b5a5e4-1111-4111-8111-000000000001", body.get("RequestId").asText());
        assertEquals("SeedResource", body.get("LogicalResourceId").asText());
        assertEquals(
                Map.of("RowCount", "3", "Ids", "a,b"),
                JSON.convertValue(body.get("Data"), new TypeReference<Map<String, String>>() {}));
        assertEquals(List.of("RowCount", "Ids"), fieldNames(body.get("Data")), "in the order the function gave");

        CustomResourceRequest request = function.calls.get(0);
        assertEquals(RequestType.CREATE, request.requestType());
        assertNull(request.physicalResourceId());
        assertEquals(Map.of(), request.oldProperties());
        assertEquals(
                "arn:aws:lambda:eu-west-1:123456789012:function:orders-seeder",
                request.property("ServiceToken"),
                "the properties hold ServiceToken as CloudFormation sends it");
        assertEquals(
                List.of("Custom resource SeedResource (Custom::TableSeed) Create: SUCCESS, physical id orders-seed;"
                        + " answering http://127.0.0.1:" + port()
                        + "/cloudformation-custom-resource-response-euwest1/arn%3Aaws%3Acloudformation"
                        + "%3Aeu-west-1%3A123456789012%3Astack/orders/5a1b%7CSeedResource%7Cr-1"),
                context.lines());
    }

    @Test
    void anExceptionAnswersFailedWithItsSimpleNameAndMessage() throws Exception {
        Scripted function = Scripted.creating(request -> {
            throw new IllegalStateException("boom");
        });

        function.handleRequest(create(PROPERTIES), TestContext.withRemainingMillis(30_000));

        JsonNode body = answer();
        assertEquals("FAILED", body.get("Status").asText());
        assertEquals("IllegalStateException: boom", body.get("Reason").asText());
        assertEquals(
                CustomResourceFunction.FAILED_CREATE_PREFIX + "d6b5a5e4-1111-4111-8111-000000000001",
                body.get("PhysicalResourceId").asText(),
                "a failed Create still names a physical id, which the rollback's Delete brings back");
        assertEquals("SeedResource", body.get("LogicalResourceId").asText());
        assertFalse(body.has("Data"));
    }

    @Test
    void aCustomResourceExceptionsMessageIsTheReasonVerbatim() throws Exception {
        Scripted function = Scripted.creating(request -> {
            throw new CustomResourceException("Table orders has no stream: enable one with stream = NEW_IMAGE");
        });

        function.handleRequest(create(PROPERTIES), TestContext.withRemainingMillis(30_000));

        assertEquals(
                "Table orders has no stream: enable one with stream = NEW_IMAGE",
                answer().get("Reason").asText());
    }

    @Test
    void aMissingRequiredPropertyFailsNamingThePropertyTheLogicalIdAndTheType() throws Exception {
        Scripted function = Scripted.creating(request -> CustomResourceResult.of(request.property("Bucket")));

        function.handleRequest(create(PROPERTIES), TestContext.withRemainingMillis(30_000));

        JsonNode body = answer();
        assertEquals("FAILED", body.get("Status").asText());
        assertEquals(
                "SeedResource (Custom::TableSeed): no property Bucket; it has Ids, Rows, TableName",
                body.get("Reason").asText());
    }

    @Test
    void aCreateThatOutlastsTheFunctionsTimeAnswersFailedBeforeTheTimeRunsOut() throws Exception {
        Scripted function = Scripted.creating(request -> {
            Thread.sleep(10_000);
            return CustomResourceResult.of("never");
        });
        TestContext context = TestContext.withRemainingMillis(2_500);
        // The margin: a second of the 2.5 left.
        long started = System.nanoTime();

        function.handleRequest(create(PROPERTIES), context);

        long answeredMillis = (server.only().receivedNanos() - started) / 1_000_000;
        long returnedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(answeredMillis < 2_500, "answered after " + answeredMillis + " ms of the 2,500 remaining");
        assertTrue(answeredMillis >= 1_500, "waited for the method until the margin: " + answeredMillis + " ms");
        assertTrue(returnedMillis < 2_500, "returned after " + returnedMillis + " ms");
        JsonNode body = answer();
        assertEquals("FAILED", body.get("Status").asText());
        String reason = body.get("Reason").asText();
        assertTrue(reason.matches("Create did not finish within 1[45][0-9][0-9] ms, .*"), reason);
        assertTrue(reason.contains(" ms, the time the function had left less a margin"), reason);
        assertTrue(
                reason.endsWith("give the function more time with @SpartaLambda(timeout = ...) (seconds, up to 900)"),
                reason);
    }

    @Test
    void theSafetyMarginIsTwoSecondsOrATenthOfWhatRemainsWhenThatIsLess() {
        assertEquals(898_000, CustomResourceFunction.waitMillis(900_000));
        assertEquals(18_000, CustomResourceFunction.waitMillis(20_000));
        assertEquals(13_500, CustomResourceFunction.waitMillis(15_000));
        assertEquals(2_000, CustomResourceFunction.waitMillis(3_000), "a 3-second function keeps a second");
        assertEquals(1_500, CustomResourceFunction.waitMillis(2_500));
        assertEquals(500, CustomResourceFunction.waitMillis(1_000), "never more than half");
        assertEquals(0, CustomResourceFunction.waitMillis(0));
    }

    @Test
    void dataLargerThanCloudFormationAcceptsAnswersFailedNamingTheLimitAndTheKeys() throws Exception {
        Scripted function = Scripted.creating(request -> CustomResourceResult.of("orders-seed")
                .withData("Rows", "x".repeat(5_000))
                .withData("Count", "3"));

        function.handleRequest(create(PROPERTIES), TestContext.withRemainingMillis(30_000));

        JsonNode body = answer();
        assertEquals("FAILED", body.get("Status").asText());
        String reason = body.get("Reason").asText();
        assertTrue(
                reason.matches("the response is \\d+ bytes, CloudFormation accepts at most 4096: return less"
                        + " data \\(keys: Rows, Count\\)"),
                reason);
        assertEquals(
                "orders-seed",
                body.get("PhysicalResourceId").asText(),
                "the created resource's id, so that the rollback's Delete removes it");
        assertFalse(body.has("Data"));
    }

    @Test
    void aDeleteOfAFailedCreateAnswersSuccessWithoutCallingDelete() throws Exception {
        Scripted function = Scripted.creating(request -> {
            throw new IllegalStateException("boom");
        });
        function.handleRequest(create(PROPERTIES), TestContext.withRemainingMillis(30_000));
        String failedId = answer().get("PhysicalResourceId").asText();
        try (ResponseServer second = ResponseServer.start()) {
            Map<String, Object> delete = event("Delete", failedId, PROPERTIES, null);
            delete.put("ResponseURL", second.url());

            function.handleRequest(delete, TestContext.withRemainingMillis(30_000));

            JsonNode body = JSON.readTree(second.only().body());
            assertEquals("SUCCESS", body.get("Status").asText());
            assertEquals(failedId, body.get("PhysicalResourceId").asText());
        }
        assertEquals(1, function.calls.size(), "only the Create reached the function");
    }

    @Test
    void aDeleteCallsDeleteAndAnswersWithTheRequestsPhysicalId() throws Exception {
        List<String> deleted = new ArrayList<>();
        Scripted function = new Scripted(request -> Scripted.fail(), request -> Scripted.fail(), request -> {
            deleted.add(request.physicalResourceId());
            return null;
        });

        function.handleRequest(
                event("Delete", "orders-seed", PROPERTIES, null), TestContext.withRemainingMillis(30_000));

        assertEquals(List.of("orders-seed"), deleted);
        JsonNode body = answer();
        assertEquals("SUCCESS", body.get("Status").asText());
        assertEquals("orders-seed", body.get("PhysicalResourceId").asText());
    }

    @Test
    void anUpdateMayAnswerANewPhysicalIdAndSeesTheOldProperties() throws Exception {
        Scripted function = new Scripted(
                request -> Scripted.fail(),
                request -> CustomResourceResult.of(request.property("TableName") + "-seed"),
                request -> Scripted.fail());

        function.handleRequest(
                event("Update", "orders-seed", PROPERTIES.replace("\"orders\"", "\"orders-v2\""), PROPERTIES),
                TestContext.withRemainingMillis(30_000));

        JsonNode body = answer();
        assertEquals("SUCCESS", body.get("Status").asText());
        assertEquals("orders-v2-seed", body.get("PhysicalResourceId").asText());
        CustomResourceRequest request = function.calls.get(0);
        assertEquals(RequestType.UPDATE, request.requestType());
        assertEquals("orders-seed", request.physicalResourceId());
        assertEquals("orders", request.oldProperty("TableName"));
        assertEquals("orders-v2", request.property("TableName"));
    }

    @Test
    void aFailedUpdateKeepsTheResourcesPhysicalId() throws Exception {
        Scripted function = new Scripted(
                request -> Scripted.fail(),
                request -> {
                    throw new CustomResourceException("no");
                },
                request -> Scripted.fail());

        function.handleRequest(
                event("Update", "orders-seed", PROPERTIES, PROPERTIES), TestContext.withRemainingMillis(30_000));

        JsonNode body = answer();
        assertEquals("FAILED", body.get("Status").asText());
        assertEquals("orders-seed", body.get("PhysicalResourceId").asText());
    }

    @Test
    void anUnknownRequestTypeAnswersFailedNamingTheAllowedOnes() throws Exception {
        Scripted function = Scripted.creating(request -> Scripted.fail());

        function.handleRequest(
                event("Replace", "orders-seed", PROPERTIES, null), TestContext.withRemainingMillis(30_000));

        JsonNode body = answer();
        assertEquals("FAILED", body.get("Status").asText());
        assertEquals(
                "Unknown RequestType \"Replace\"; CloudFormation sends Create, Update, Delete",
                body.get("Reason").asText());
        assertEquals("orders-seed", body.get("PhysicalResourceId").asText());
        assertTrue(function.calls.isEmpty());
    }

    @Test
    void anEventWithoutResponseUrlIsNotCloudFormationsAndIsRefused() throws Exception {
        Map<String, Object> event = create(PROPERTIES);
        event.remove("ResponseURL");
        Scripted function = Scripted.creating(request -> Scripted.fail());

        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> function.handleRequest(event, TestContext.withRemainingMillis(30_000)));

        assertTrue(
                refused.getMessage()
                        .startsWith(
                                "Not a CloudFormation custom resource request: the event has no ResponseURL (keys:"),
                refused.getMessage());
        assertTrue(server.received().isEmpty());
        assertTrue(function.calls.isEmpty());
    }

    @Test
    void anEventWithNeitherResponseUrlNorRequestTypeNamesBoth() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> Scripted.creating(request -> Scripted.fail())
                        .handleRequest(Map.of("key1", "value1"), TestContext.withRemainingMillis(30_000)));

        assertEquals(
                "Not a CloudFormation custom resource request: the event has no ResponseURL and no RequestType"
                        + " (keys: key1)",
                refused.getMessage());
    }

    @Test
    void serverErrorsAreRetriedUntilTheAnswerIsTaken() throws Exception {
        server.failing(500, 503);
        TestContext context = TestContext.withRemainingMillis(30_000);

        Scripted.creating(request -> CustomResourceResult.of("orders-seed")).handleRequest(create(PROPERTIES), context);

        List<ResponseServer.Received> puts = server.received();
        assertEquals(3, puts.size());
        assertEquals(
                1, puts.stream().map(ResponseServer.Received::body).distinct().count(), "the same body each time");
        assertEquals("SUCCESS", JSON.readTree(puts.get(2).body()).get("Status").asText());
        assertEquals(3, context.lines().size(), "the answer and two failed attempts: " + context.lines());
        assertTrue(
                context.lines().get(1).endsWith("attempt 1 of 3 failed (HTTP 500); trying again"),
                context.lines().get(1));
    }

    @Test
    void aRefusedAnswerIsNotRetriedAndDoesNotThrow() throws Exception {
        server.failing(403)
                .withErrorBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code>"
                        + "<Message>The request signature we calculated does not match the signature you provided."
                        + "</Message><AWSAccessKeyId>AKIASECRETKEYID</AWSAccessKeyId>"
                        + "<SignatureProvided>0123456789abcdefsecretsignature</SignatureProvided></Error>");
        TestContext context = TestContext.withRemainingMillis(30_000);

        assertNull(Scripted.creating(request -> CustomResourceResult.of("orders-seed"))
                .handleRequest(create(PROPERTIES), context));

        assertEquals(1, server.received().size());
        List<String> lines = context.lines();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(
                lines.get(1)
                        .endsWith("attempt 1 of 3 failed (HTTP 403 SignatureDoesNotMatch: The request signature we"
                                + " calculated does not match the signature you provided.); giving up"),
                lines.get(1));
        assertEquals(
                "CloudFormation did not receive the answer for SeedResource; the stack waits until its custom"
                        + " resource timeout",
                lines.get(2));
    }

    @Test
    void theResponseUrlsQueryNeverReachesTheLog() throws Exception {
        server.failing(500, 500, 500)
                .withErrorBody("<Error><Code>InternalError</Code>"
                        + "<SignatureProvided>0123456789abcdefsecretsignature</SignatureProvided></Error>");
        TestContext context = TestContext.withRemainingMillis(30_000);

        Scripted.creating(request -> {
                    throw new IllegalStateException("boom");
                })
                .handleRequest(create(PROPERTIES), context);

        assertEquals(3, server.received().size());
        assertEquals(6, context.lines().size(), context.lines().toString());
        assertTrue(
                context.lines().get(0).startsWith("java.lang.IllegalStateException: boom"),
                "the stack trace of what the method threw, first");
        for (String line : context.lines()) {
            assertFalse(line.contains("X-Amz"), line);
            assertFalse(line.contains("secretsignature"), line);
            assertFalse(line.contains("AKIASECRETKEYID"), line);
        }
        assertTrue(context.lines().get(1).contains("reason: IllegalStateException: boom; answering http://127.0.0.1:"));
    }

    @Test
    void withoutAContextTheMethodHasNoTimeLimitAndTheLogGoesToStandardOutput() throws Exception {
        Scripted function = Scripted.creating(request -> {
            Thread.sleep(300);
            return CustomResourceResult.of("orders-seed");
        });

        function.handleRequest(create(PROPERTIES), null);

        assertEquals("SUCCESS", answer().get("Status").asText());
    }

    @Test
    void aCreateReturningNullAnswersFailedSayingWhatToReturn() throws Exception {
        Scripted function = Scripted.creating(request -> null);

        function.handleRequest(create(PROPERTIES), TestContext.withRemainingMillis(30_000));

        String reason = answer().get("Reason").asText();
        assertTrue(
                reason.endsWith("Scripted.create returned null; return CustomResourceResult.of(physicalResourceId)"),
                reason);
    }

    private int port() {
        return java.net.URI.create(server.url()).getPort();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
