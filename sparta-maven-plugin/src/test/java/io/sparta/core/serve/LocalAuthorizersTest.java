package io.sparta.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.AuthorizerType;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.RecordingConsole;
import io.sparta.core.TestFunctions;
import io.sparta.core.model.ServiceSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sparta:serve applying each kind of authorizer as API Gateway does, allowing and denying: JWTs and Cognito tokens
 * signed by a test key and verified against a local key set or an issuer's published keys, and a Lambda authorizer
 * really called in its own JVM.
 */
class LocalAuthorizersTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final String POOL_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test1";

    private static final String API = """
            package acme;
            import io.sparta.annotations.*;
            import java.util.*;
            @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "${Issuer}", audiences = "web")
            @Authorizer(name = "pool", type = AuthorizerType.COGNITO_USER_POOLS,
                userPoolArns = "arn:aws:cognito-idp:${AWS::Region}:123456789012:userpool/eu-west-1_Test1")
            @Authorizer(name = "keys", type = AuthorizerType.LAMBDA, function = "keys",
                identitySources = "$request.header.X-Api-Key")
            public class Api {
                private static int calls;
                @SpartaLambda(name = "echo")
                @HttpRoute(method = "GET", path = "/me", authorizer = "users", scopes = "orders/read")
                @HttpRoute(method = "GET", path = "/partner", authorizer = "keys")
                @HttpRoute(method = "GET", path = "/open")
                @HttpRoute(method = "GET", path = "/me", api = ApiKind.REST, authorizer = "pool")
                @HttpRoute(method = "GET", path = "/partner", api = ApiKind.REST, authorizer = "keys")
                public Map<String, Object> echo(Map<String, Object> event) {
                    Object context = ((Map<?, ?>) event.get("requestContext")).get("authorizer");
                    return Map.of("statusCode", 200, "body", String.valueOf(context));
                }
                @SpartaLambda(name = "keys")
                public Map<String, Object> keys(Map<String, Object> event) {
                    calls++;
                    Map<?, ?> headers = (Map<?, ?>) event.get("headers");
                    Object key = headers.containsKey("x-api-key") ? headers.get("x-api-key") : headers.get("X-Api-Key");
                    Map<String, Object> context = Map.of("partner", "acme", "calls", calls);
                    if (event.containsKey("methodArn")) {
                        if ("nobody".equals(key)) {
                            throw new RuntimeException("Unauthorized");
                        }
                        Map<String, Object> statement = Map.of("Action", "execute-api:Invoke",
                            "Effect", "good".equals(key) ? "Allow" : "Deny", "Resource", List.of(event.get("methodArn")));
                        return Map.of("principalId", "partner-1", "context", context,
                            "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
                    }
                    return Map.of("isAuthorized", "good".equals(key), "context", context);
                }
            }
            """;

    private static final ServiceSettings SETTINGS = new ServiceSettings(
            "shop", "shop-dev", Map.of(), new TreeMap<>(Map.of("Issuer", ISSUER)), Map.of(), HttpApiSettings.DEFAULTS);

    @TempDir
    static Path work;

    private static RSAKey key;
    private static LocalApiServer server;
    private static URI base;
    private static final RecordingConsole CONSOLE = new RecordingConsole();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        Path jwks = Files.writeString(work.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Path classes = JavaSources.compile(work, Map.of("acme/Api.java", API));
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaSources.testClasspath());
        server = new LocalApiServer(
                new ServeRequest(
                        classes,
                        classpath,
                        List.of(),
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        SETTINGS,
                        "eu-west-1",
                        Map.of(),
                        "127.0.0.1",
                        0,
                        io.sparta.core.archive.LayerModules.NONE,
                        1,
                        jwks),
                CONSOLE);
        base = server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String token(RSAKey signer, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims(String issuer) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-7")
                .expirationTime(new Date(System.currentTimeMillis() + 600_000));
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (value != null) {
            request.header(header, value);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> response) {
        assertEquals(status + " " + body, response.statusCode() + " " + response.body());
    }

    @Test
    void aJwtRouteTakesAVerifiedTokenOfItsAudienceAndScopeAndPassesItsClaims() throws Exception {
        String good = token(key, claims(ISSUER).audience("web").claim("scope", "orders/read orders/write"));
        HttpResponse<String> allowed = get("/me", "Authorization", "Bearer " + good);
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("sub=user-7"), allowed.body());
        assertTrue(allowed.body().contains("scopes=[orders/read, orders/write]"), allowed.body());

        String unauthorized = "{\"message\":\"Unauthorized\"}";
        assertAnswer(401, unauthorized, get("/me", "Authorization", null));
        assertAnswer(401, unauthorized, get("/me", "Authorization", "Bearer not-a-token"));
        assertAnswer(
                401,
                unauthorized,
                get(
                        "/me",
                        "Authorization",
                        token(key, claims(ISSUER).audience("mobile").claim("scope", "orders/read"))));
        assertAnswer(
                401,
                unauthorized,
                get(
                        "/me",
                        "Authorization",
                        token(
                                key,
                                claims("https://other.example.com")
                                        .audience("web")
                                        .claim("scope", "orders/read"))));
        assertAnswer(
                401,
                unauthorized,
                get(
                        "/me",
                        "Authorization",
                        token(
                                key,
                                claims(ISSUER)
                                        .audience("web")
                                        .claim("scope", "orders/read")
                                        .expirationTime(new Date(System.currentTimeMillis() - 600_000)))));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        assertAnswer(
                401,
                unauthorized,
                get(
                        "/me",
                        "Authorization",
                        token(stranger, claims(ISSUER).audience("web").claim("scope", "orders/read"))));
        assertAnswer(
                403,
                "{\"message\":\"Forbidden\"}",
                get(
                        "/me",
                        "Authorization",
                        token(key, claims(ISSUER).claim("client_id", "web").claim("scope", "a/b"))));
        assertTrue(CONSOLE.lines().stream().anyMatch(line -> line.contains("hold none of the route's [orders/read]")));
        assertEquals(200, get("/open", "Authorization", null).statusCode(), "a route without an authorizer is open");
        assertTrue(
                CONSOLE.lines().stream()
                        .anyMatch(line -> line.matches(".*/me -> echo \\(HTTP API, authorizer users\\)")),
                "the routes served name their authorizers: " + CONSOLE.lines());
    }

    @Test
    void aCognitoMethodTakesAnIdTokenOfItsPoolAndPassesItsClaims() throws Exception {
        HttpResponse<String> allowed = get(
                "/api/me",
                "Authorization",
                token(key, claims(POOL_ISSUER).claim("token_use", "id").claim("email", "a@b.c")));
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("claims={"), allowed.body());
        assertTrue(allowed.body().contains("email=a@b.c"), allowed.body());

        String unauthorized = "{\"message\":\"Unauthorized\"}";
        assertAnswer(401, unauthorized, get("/api/me", "Authorization", null));
        assertAnswer(
                401,
                unauthorized,
                get("/api/me", "Authorization", token(key, claims(POOL_ISSUER).claim("token_use", "access"))));
        assertAnswer(
                401,
                unauthorized,
                get("/api/me", "Authorization", token(key, claims(ISSUER).claim("token_use", "id"))));
    }

    @Test
    void aLambdaAuthorizerIsCalledAndItsAnswerCachedAndEachApiAnswersADenialInItsOwnWords() throws Exception {
        HttpResponse<String> first = get("/partner", "X-Api-Key", "good");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("lambda={"), first.body());
        assertTrue(first.body().contains("partner=acme"), first.body());
        HttpResponse<String> second = get("/partner", "X-Api-Key", "good");
        assertEquals(first.body(), second.body(), "the cached answer, not a second call");
        assertAnswer(403, "{\"message\":\"Forbidden\"}", get("/partner", "X-Api-Key", "bad"));
        assertAnswer(401, "{\"message\":\"Unauthorized\"}", get("/partner", "X-Api-Key", null));

        HttpResponse<String> rest = get("/api/partner", "X-Api-Key", "good");
        assertEquals(200, rest.statusCode(), rest.body());
        assertTrue(rest.body().contains("principalId=partner-1"), rest.body());
        assertTrue(rest.body().contains("partner=acme"), rest.body());
        assertAnswer(
                403,
                "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}",
                get("/api/partner", "X-Api-Key", "bad"));
        assertAnswer(401, "{\"message\":\"Unauthorized\"}", get("/api/partner", "X-Api-Key", "nobody"));
        assertAnswer(401, "{\"message\":\"Unauthorized\"}", get("/api/partner", "X-Api-Key", null));
    }

    @Test
    void aLocalKeySetThatIsMissingOrMalformedFailsTheGoalNamingTheFile() throws Exception {
        Path missing = work.resolve("nope.json");
        Path malformed = Files.writeString(work.resolve("bad.json"), "{\"keys\": 5}");
        Path empty = Files.writeString(work.resolve("empty.json"), "{\"keys\": []}");
        for (Path file : List.of(missing, malformed, empty)) {
            LocalAuthorizers authorizers = new LocalAuthorizers(file, SETTINGS, "eu-west-1", (function, event) -> null);
            io.sparta.core.common.SpartaUserException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    io.sparta.core.common.SpartaUserException.class, authorizers::checkLocalKeys);
            assertTrue(refused.getMessage().startsWith("-Dsparta.serve.jwks=" + file + " "), refused.getMessage());
        }
        new LocalAuthorizers(work.resolve("jwks.json"), SETTINGS, "eu-west-1", (function, event) -> null)
                .checkLocalKeys();
    }

    @Test
    void withoutALocalKeySetTheIssuersPublishedKeysVerifyTheToken() throws Exception {
        HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String address = "http://127.0.0.1:" + issuer.getAddress().getPort();
        List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
        issuer.createContext("/", exchange -> {
            fetched.add(exchange.getRequestURI().getPath());
            String body = exchange.getRequestURI().getPath().endsWith("openid-configuration")
                    ? "{\"issuer\":\"" + address + "\",\"jwks_uri\":\"" + address + "/keys.json\"}"
                    : new JWKSet(key.toPublicJWK()).toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        issuer.start();
        try {
            HttpRouteTrigger route = new HttpRouteTrigger(ApiKind.HTTP, "GET", "/me", "users");
            ApiAuthorizer users = new ApiAuthorizer(
                    "users",
                    AuthorizerType.JWT,
                    address,
                    List.of("web"),
                    List.of(),
                    "",
                    List.of("$request.header.Authorization"),
                    300,
                    true);
            ServiceModel service = new ServiceModel(
                    "shop",
                    "shop",
                    new TreeMap<>(),
                    new TreeMap<>(),
                    List.of(TestFunctions.function("echo", "Echo", List.of(route))),
                    HttpApiSettings.DEFAULTS.withAuthorizers(List.of(users)),
                    List.of());
            LocalAuthorizers authorizers = new LocalAuthorizers(null, SETTINGS, "eu-west-1", (function, event) -> {
                throw new AssertionError("a JWT authorizer calls no function");
            });
            RouteMatcher.Match match =
                    new RouteMatcher.Match(service.functions().get(0), route, Map.of());
            java.util.concurrent.Callable<LocalAuthorizers.Decision> decide = () -> authorizers.decide(
                    service,
                    users,
                    new IncomingRequest(
                            "GET",
                            "/me",
                            "",
                            Map.of(
                                    "authorization",
                                    List.of(token(key, claims(address).audience("web")))),
                            new byte[0],
                            "127.0.0.1",
                            "localhost"),
                    match,
                    "$default");
            LocalAuthorizers.Decision first = decide.call();
            assertEquals("Allowed", first.getClass().getSimpleName(), first.toString());
            LocalAuthorizers.Decision second = decide.call();
            assertEquals("Allowed", second.getClass().getSimpleName(), second.toString());
            assertEquals(
                    List.of("/.well-known/openid-configuration", "/keys.json"), fetched, "fetched once, then kept");
            JsonNode claims = new ObjectMapper()
                    .readTree(((LocalAuthorizers.Allowed) second).context().toString());
            assertEquals("user-7", claims.at("/jwt/claims/sub").asText());
        } finally {
            issuer.stop(0);
        }
    }
}
