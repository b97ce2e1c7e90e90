package io.sparta.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.core.JavaSources;
import io.sparta.core.RecordingConsole;
import io.sparta.core.local.LocalLimits;
import io.sparta.core.model.ServiceSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local API served for real: handlers compiled, run in their own warm JVMs, called over HTTP. */
class LocalApiServerTest {

    private static final Cors CORS = new Cors(
            List.of("https://app.example.com"), List.of("GET", "POST"), List.of("Content-Type"), List.of(), 600, false);

    private static final String ORDERS = """
            package acme;
            import com.amazonaws.services.lambda.runtime.*;
            import com.amazonaws.services.lambda.runtime.events.*;
            import io.sparta.annotations.*;
            import java.util.*;
            @SpartaLambda(name = "orders", environment = @Env(name = "SHOP", value = "${AWS::StackName}"))
            @HttpRoute(method = "GET", path = "/orders/{id}")
            @HttpRoute(method = "POST", path = "/orders")
            @HttpRoute(method = "GET", path = "/files/{path+}")
            @HttpRoute(method = "GET", path = "/files/readme")
            public class Orders implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                    String body = event.getBody() == null ? "" : event.getIsBase64Encoded()
                            ? "bytes:" + Base64.getDecoder().decode(event.getBody()).length : event.getBody();
                    String text = "%VERSION% " + event.getRouteKey() + " path=" + event.getPathParameters()
                            + " query=" + new TreeMap<>(event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters())
                            + " raw=" + event.getRawQueryString()
                            + " trace=" + event.getHeaders().get("x-trace")
                            + " shop=" + System.getenv("SHOP") + " body=" + body;
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                            .withHeaders(Map.of("x-handled-by", context.getFunctionName())).withBody(text).build();
                }
            }
            """;

    private static final String CARTS = """
            package acme;
            import com.amazonaws.services.lambda.runtime.*;
            import com.amazonaws.services.lambda.runtime.events.*;
            import io.sparta.annotations.*;
            import java.util.*;
            public class Carts {
                @SpartaLambda(name = "carts")
                @HttpRoute(method = "GET", path = "/carts/{cart}", api = ApiKind.REST)
                public APIGatewayProxyResponseEvent get(APIGatewayProxyRequestEvent event) {
                    return new APIGatewayProxyResponseEvent().withStatusCode(200)
                            .withBody(event.getResource() + " " + event.getPathParameters().get("cart") + " "
                                    + event.getMultiValueQueryStringParameters().get("tag") + " "
                                    + event.getRequestContext().getStage());
                }
                @SpartaLambda(name = "broken")
                @HttpRoute(method = "GET", path = "/broken")
                public Map<String, Object> broken(Map<String, Object> event) {
                    throw new IllegalStateException("no orders today");
                }
                @SpartaLambda(name = "broken-rest")
                @HttpRoute(method = "GET", path = "/broken", api = ApiKind.REST)
                public Map<String, Object> brokenRest(Map<String, Object> event) {
                    throw new IllegalStateException("no carts today");
                }
                @SpartaLambda(name = "slow-http", timeout = 60)
                @HttpRoute(method = "GET", path = "/slow")
                public String slowHttp(Map<String, Object> event) throws InterruptedException {
                    Thread.sleep(3_000);
                    return "late";
                }
                @SpartaLambda(name = "plain-rest")
                @HttpRoute(method = "GET", path = "/plain", api = ApiKind.REST)
                public String plainRest(Map<String, Object> event) {
                    return "not a proxy response";
                }
                @SpartaLambda(name = "nap", timeout = 60)
                @HttpRoute(method = "GET", path = "/nap")
                public String nap(APIGatewayV2HTTPEvent event) throws InterruptedException {
                    Thread.sleep(Long.parseLong(event.getQueryStringParameters().get("ms")));
                    return "pid " + ProcessHandle.current().pid();
                }
                @SpartaLambda(name = "signed")
                @HttpRoute(method = "GET", path = "/signed", authorizer = HttpRoute.AWS_IAM)
                @HttpRoute(method = "GET", path = "/signed", api = ApiKind.REST, authorizer = HttpRoute.AWS_IAM)
                public APIGatewayProxyResponseEvent signed(Map<String, Object> event) {
                    return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("signed");
                }
                @SpartaLambda(name = "slow-rest", timeout = 60)
                @HttpRoute(method = "GET", path = "/slow", api = ApiKind.REST)
                public String slowRest(Map<String, Object> event) throws InterruptedException {
                    Thread.sleep(3_000);
                    return "late";
                }
            }
            """;

    @TempDir
    static Path work;

    private static LocalApiServer server;
    private static URI base;
    private static final RecordingConsole CONSOLE = new RecordingConsole();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() throws Exception {
        server = server(compile("v1"), 1);
        base = server.start();
    }

    private static LocalApiServer server(Path classes, double timeoutScale) throws Exception {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaSources.testClasspath());
        ServiceSettings settings = new ServiceSettings(
                "shop", "shop-dev", Map.of(), Map.of(), Map.of(), new HttpApiSettings("$default", CORS));
        return new LocalApiServer(
                new ServeRequest(
                        classes,
                        classpath,
                        List.of(),
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        settings,
                        "eu-west-1",
                        Map.of(),
                        "127.0.0.1",
                        0,
                        io.sparta.core.archive.LayerModules.NONE,
                        timeoutScale),
                CONSOLE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Path compile(String version) {
        return JavaSources.compile(
                work, Map.of("acme/Orders.java", ORDERS.replace("%VERSION%", version), "acme/Carts.java", CARTS));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    @Test
    void pathParametersQueryStringsHeadersAndEnvironmentReachTheHandler() throws Exception {
        HttpResponse<String> response = send(at("/orders/a%20b?expand=items&tag=x&tag=y")
                .header("X-Trace", "t-1")
                .GET());
        assertEquals(201, response.statusCode());
        assertEquals(
                "shop-dev-orders", response.headers().firstValue("x-handled-by").orElseThrow());
        assertTrue(response.body().startsWith("v1 GET /orders/{id} path={id=a b}"), response.body());
        assertTrue(response.body().contains(" query={expand=items, tag=x,y} raw=expand=items&tag=x&tag=y"));
        assertTrue(response.body().contains(" trace=t-1 shop=shop-dev body="), response.body());
    }

    @Test
    void postBodiesArriveAsTextOrBase64AsApiGatewaySendsThem() throws Exception {
        HttpResponse<String> json = send(at("/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\"}")));
        assertEquals(201, json.statusCode());
        assertTrue(json.body().endsWith("body={\"item\":\"book\"}"), json.body());

        HttpResponse<String> binary = send(at("/orders")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255})));
        assertTrue(binary.body().endsWith("body=bytes:4"), binary.body());
    }

    @Test
    void aLiteralRouteWinsOverAGreedyOne() throws Exception {
        assertTrue(send(at("/files/readme").GET()).body().contains("GET /files/readme path=null"));
        assertTrue(
                send(at("/files/docs/a/b.txt").GET()).body().contains("GET /files/{path+} path={path=docs/a/b.txt}"));
    }

    @Test
    void restRoutesGetTheVersionOneEventUnderTheirStage() throws Exception {
        HttpResponse<String> response = send(at("/api/carts/c-7?tag=a&tag=b").GET());
        assertEquals(200, response.statusCode());
        assertEquals("/carts/{cart} c-7 [a, b] api", response.body());
        HttpResponse<String> unknown = send(at("/api/nothing").GET());
        assertEquals(403, unknown.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", unknown.body());
    }

    @Test
    void anIamRouteRefusesAnUnsignedCallInEachApisWordsAndPassesASignedOne() throws Exception {
        HttpResponse<String> http = send(at("/signed").GET());
        assertEquals(403, http.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", http.body());
        HttpResponse<String> rest = send(at("/api/signed").GET());
        assertEquals(403, rest.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", rest.body());
        assertTrue(
                CONSOLE.lines().stream()
                        .anyMatch(line -> line.startsWith("GET /signed answered 403: the route takes AWS_IAM")),
                "the console says why: " + CONSOLE.lines());
        // A header that is not SigV4 is no signature either.
        assertEquals(
                403,
                send(at("/signed").header("Authorization", "Bearer abc").GET()).statusCode());

        String signature = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/execute-api/aws4_request,"
                + " SignedHeaders=host;x-amz-date, Signature=0123abcd";
        HttpResponse<String> signedHttp =
                send(at("/signed").header("Authorization", signature).GET());
        assertEquals(200, signedHttp.statusCode(), signedHttp.body());
        HttpResponse<String> signedRest =
                send(at("/api/signed").header("Authorization", signature).GET());
        assertEquals(200, signedRest.statusCode(), signedRest.body());
        assertEquals("signed", signedRest.body());
        HttpResponse<String> presigned = send(at("/api/signed?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0a1b")
                .GET());
        assertEquals(200, presigned.statusCode(), presigned.body());
    }

    @Test
    void corsPreflightIsAnsweredForAllowedOriginsOnly() throws Exception {
        HttpResponse<String> allowed = send(at("/orders/1")
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, allowed.statusCode());
        assertEquals(
                "https://app.example.com",
                allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals(
                "GET,POST",
                allowed.headers().firstValue("access-control-allow-methods").orElseThrow());
        assertEquals(
                "600", allowed.headers().firstValue("access-control-max-age").orElseThrow());

        HttpResponse<String> other = send(at("/orders/1")
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertFalse(other.headers().firstValue("access-control-allow-origin").isPresent());

        HttpResponse<String> actual =
                send(at("/orders/1").header("Origin", "https://app.example.com").GET());
        assertEquals(
                "https://app.example.com",
                actual.headers().firstValue("access-control-allow-origin").orElseThrow());
    }

    @Test
    void anUnknownRouteIs404AndAThrowingHandlerIsEachApisOwnError() throws Exception {
        HttpResponse<String> missing = send(at("/nowhere").GET());
        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", missing.body());
        HttpResponse<String> broken = send(at("/broken").GET());
        assertEquals(500, broken.statusCode(), "an HTTP API answers a failed integration with 500");
        assertEquals("{\"message\":\"Internal Server Error\"}", broken.body());
        assertTrue(CONSOLE.warnings().stream()
                .anyMatch(w -> w.contains("broken failed") && w.contains("no orders today")));
        HttpResponse<String> brokenRest = send(at("/api/broken").GET());
        assertEquals(502, brokenRest.statusCode(), "a REST API with 502");
        assertEquals("{\"message\":\"Internal server error\"}", brokenRest.body());
    }

    @Test
    void aRestFunctionThatAnswersNoProxyResponseIs502AndTheConsoleSaysWhy() throws Exception {
        HttpResponse<String> plain = send(at("/api/plain").GET());
        assertEquals(502, plain.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", plain.body());
        assertTrue(
                CONSOLE.warnings().stream()
                        .anyMatch(w -> w.startsWith(
                                        "plain-rest answered the REST API something other" + " than a proxy response")
                                && w.contains("Malformed Lambda proxy response")),
                CONSOLE.warnings().toString());
    }

    @Test
    void aBodyOverApiGatewaysQuotaOrAnEventOverLambdasIs413InEachApisWords() throws Exception {
        String overApi = "x".repeat(LocalLimits.API_PAYLOAD_MAX + 1);
        HttpResponse<String> http = send(at("/orders").POST(HttpRequest.BodyPublishers.ofString(overApi)));
        assertEquals(413, http.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", http.body());

        // Under API Gateway's 10 MB, but the event that carries it is over Lambda's 6 MB.
        String overLambda = "x".repeat(LocalLimits.INVOKE_REQUEST_MAX);
        HttpResponse<String> event = send(at("/orders").POST(HttpRequest.BodyPublishers.ofString(overLambda)));
        assertEquals(413, event.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", event.body());
        HttpResponse<String> rest =
                send(at("/api/carts/c1").method("GET", HttpRequest.BodyPublishers.ofString(overLambda)));
        assertEquals(413, rest.statusCode());
        assertEquals("{\"message\":\"Request Too Long\"}", rest.body());

        HttpResponse<String> under = send(at("/orders").POST(HttpRequest.BodyPublishers.ofString("x".repeat(1_000))));
        assertEquals(201, under.statusCode(), "under both quotas it is served");
    }

    @Test
    void aRequestLineWithHeadersOverApiGatewaysQuotaIsRefused() throws Exception {
        HttpResponse<String> over = send(at("/orders/1")
                .header("x-trace", "t".repeat(LocalLimits.API_REQUEST_LINE_AND_HEADERS_MAX))
                .GET());
        assertEquals(431, over.statusCode());
        assertEquals("{\"message\":\"Request Header Fields Too Large\"}", over.body());
        assertTrue(
                CONSOLE.warnings().stream().anyMatch(w -> w.contains("API Gateway refuses more than 10240")),
                CONSOLE.warnings().toString());

        HttpResponse<String> under =
                send(at("/orders/1").header("x-trace", "t".repeat(9_000)).GET());
        assertEquals(201, under.statusCode(), "under the quota it is served");
    }

    @Test
    void aRequestToABusyFunctionStartsAnotherEnvironmentAsLambdaDoes() throws Exception {
        send(at("/nap?ms=0").GET()); // one warm environment
        var first = client.sendAsync(at("/nap?ms=1500").GET().build(), HttpResponse.BodyHandlers.ofString());
        var second = client.sendAsync(at("/nap?ms=1500").GET().build(), HttpResponse.BodyHandlers.ofString());

        String one = first.get().body();
        String two = second.get().body();
        assertEquals(200, first.get().statusCode(), one);
        assertEquals(200, second.get().statusCode(), two);
        assertTrue(one.startsWith("\"pid ") && two.startsWith("\"pid "), one + " " + two);
        assertTrue(!one.equals(two), "two environments served the two requests at once: " + one + " " + two);
        String warm = send(at("/nap?ms=0").GET()).body();
        assertTrue(warm.equals(one) || warm.equals(two), "a free environment is used again: " + warm);
    }

    @Test
    void aFunctionThatOutlastsTheIntegrationTimeoutGetsEachApisTimeoutAnswer() throws Exception {
        // Scaled by 0.1: the REST API waits 2.9 s, the HTTP API 3 s (each longer than a cold start here), for
        // functions that start cold and sleep 3 s or more of their 60 s × 0.1 = 6 s.
        try (LocalApiServer quick = server(compile("v1"), 0.1)) {
            URI quickBase = quick.start();
            HttpResponse<String> http =
                    send(HttpRequest.newBuilder(quickBase.resolve("/slow")).GET());
            assertEquals(503, http.statusCode());
            assertEquals("{\"message\":\"Service Unavailable\"}", http.body());
            HttpResponse<String> rest =
                    send(HttpRequest.newBuilder(quickBase.resolve("/api/slow")).GET());
            assertEquals(504, rest.statusCode());
            assertEquals("{\"message\":\"Endpoint request timed out\"}", rest.body());

            // The next request, while or after the first runs out of its own time, is served by a fresh
            // environment: the one that timed out is discarded.
            assertEquals(
                    503,
                    send(HttpRequest.newBuilder(quickBase.resolve("/nap?ms=8000"))
                                    .GET())
                            .statusCode());
            HttpResponse<String> next =
                    send(HttpRequest.newBuilder(quickBase.resolve("/nap?ms=0")).GET());
            assertEquals(200, next.statusCode(), next.body());
            Thread.sleep(3_500); // past the napping function's own 6 s timeout
            HttpResponse<String> after =
                    send(HttpRequest.newBuilder(quickBase.resolve("/nap?ms=0")).GET());
            assertEquals(200, after.statusCode(), after.body());
        }
        assertTrue(
                CONSOLE.warnings().stream()
                        .anyMatch(w -> w.startsWith("nap timed out: ") && w.contains("Task timed out")),
                "the function's own timeout is told once it comes: " + CONSOLE.warnings());
        assertTrue(
                CONSOLE.warnings().stream()
                        .anyMatch(w -> w.startsWith("slow-rest ran past the REST API's integration timeout (2900 ms)")),
                CONSOLE.warnings().toString());
    }

    @Test
    void recompiledClassesAreServedWithoutARestart() throws Exception {
        assertTrue(send(at("/orders/1").GET()).body().startsWith("v1 "));
        compile("v2");
        String body = send(at("/orders/1").GET()).body();
        assertTrue(body.startsWith("v2 "), body);
        assertTrue(CONSOLE.lines().stream().anyMatch(line -> line.startsWith("Classes changed")));
        compile("v1");
    }
}
