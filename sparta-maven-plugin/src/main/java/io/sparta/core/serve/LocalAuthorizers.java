package io.sparta.core.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.AuthorizerType;
import io.sparta.annotations.processing.AuthorizerRules;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.IamPatterns;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.local.LocalEnvironment;
import io.sparta.core.model.ServiceSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sparta:serve's authorizers, applied before a route's function as API Gateway applies them: JWTs verified against
 * the issuer's keys (read from {@code <issuer>/.well-known/openid-configuration}) or a local key set, Lambda
 * authorizers called in their own worker with API Gateway's authorizer event, answers cached for the authorizer's
 * {@code resultTtlSeconds}, and each denial answered with API Gateway's status and body
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
 */
final class LocalAuthorizers {

    /** What the authorizer decided. */
    sealed interface Decision {}

    /** @param context what the route's function finds under {@code requestContext.authorizer}; null for nothing */
    record Allowed(JsonNode context) implements Decision {}

    /** @param why for the developer's console, not the caller */
    record Denied(ProxyEvents.Reply reply, String why) implements Decision {}

    /** Calls a function of the service with an event, as the server's integrations do. */
    @FunctionalInterface
    interface Invoker {
        WorkerProcess.Reply invoke(LambdaFunction function, byte[] event) throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final Pattern USER_POOL = Pattern.compile("arn:[^:]+:cognito-idp:([^:]+):[^:]*:userpool/(.+)");
    private static final Duration KEYS_KEPT = Duration.ofMinutes(5);
    private static final int KEYS_TIMEOUT_MILLIS = 3000;

    private final Path localKeys;
    private final ServiceSettings settings;
    private final String region;
    private final Invoker invoker;
    private final Map<String, Kept<JWKSet>> issuerKeys = new ConcurrentHashMap<>();
    /** The local key set as last read, by the file's modification time: read again only once it changes. */
    private volatile Kept<JWKSet> localKeySet;

    private final Map<String, Kept<JsonNode>> answers = new ConcurrentHashMap<>();

    /** @param until when it expires, in {@link System#nanoTime()}'s terms; for the local key set, the file's time */
    private record Kept<T>(T value, long until) {}

    /**
     * @param localKeys a JSON Web Key Set file that replaces every issuer's keys; null to read each issuer's own
     * @param settings the parameter values {@code ${Name}} in issuers, audiences and user pool ARNs stands for
     * @param region what {@code ${AWS::Region}} stands for
     */
    LocalAuthorizers(Path localKeys, ServiceSettings settings, String region, Invoker invoker) {
        this.localKeys = localKeys;
        this.settings = settings;
        this.region = region;
        this.invoker = invoker;
    }

    /**
     * Reads the local key set, if one is configured, so that a missing or malformed file fails the goal rather than
     * every request.
     *
     * @throws SpartaUserException naming the file and what is wrong with it
     */
    void checkLocalKeys() throws SpartaUserException {
        if (localKeys == null) {
            return;
        }
        try {
            if (JWKSet.parse(Files.readString(localKeys)).getKeys().isEmpty()) {
                throw new SpartaUserException("-Dsparta.serve.jwks=" + localKeys + " holds no keys; give it a JSON Web"
                        + " Key Set with the public key that signs your test tokens: {\"keys\": [{\"kty\": \"RSA\","
                        + " \"kid\": ..., \"n\": ..., \"e\": ...}]}");
            }
        } catch (IOException e) {
            throw new SpartaUserException("-Dsparta.serve.jwks=" + localKeys + " cannot be read (" + e + "); point it"
                    + " at a JSON Web Key Set file, or leave it out to read each issuer's published keys");
        } catch (java.text.ParseException e) {
            throw new SpartaUserException(
                    "-Dsparta.serve.jwks=" + localKeys + " is not a JSON Web Key Set (" + e.getMessage()
                            + "); a key set is a JSON object {\"keys\": [...]}, as an issuer's jwks_uri serves");
        }
    }

    /**
     * IAM authorization's decision: a call needs a Signature Version 4 signature, in the {@code Authorization}
     * header or a presigned query, and API Gateway refuses one without it before the function. A signature is not
     * verified here, which needs the signer's secret key; a signed call goes through.
     */
    static Decision signed(IncomingRequest incoming, ApiKind api) {
        String authorization = incoming.header("authorization");
        if ((authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 "))
                || incoming.rawQuery().contains("X-Amz-Signature=")) {
            return new Allowed(null);
        }
        return new Denied(
                ProxyEvents.message(403, api == ApiKind.HTTP ? "Forbidden" : "Missing Authentication Token"),
                "the route takes AWS_IAM authorization and the call carries no Signature Version 4 signature (an"
                        + " Authorization: AWS4-HMAC-SHA256 header or a presigned query)");
    }

    /** The decision on one request to a route that takes a declared authorizer. */
    Decision decide(
            ServiceModel service,
            ApiAuthorizer authorizer,
            IncomingRequest incoming,
            RouteMatcher.Match match,
            String stage)
            throws IOException, InterruptedException {
        HttpRouteTrigger route = match.route();
        List<String> identity = new ArrayList<>();
        for (String source : authorizer.identitySources()) {
            Optional<String> value = identityValue(source, incoming, stage);
            if (value.isEmpty() || value.get().isEmpty()) {
                return new Denied(
                        unauthorized(),
                        authorizer.name() + " found no " + source + " in the request, which API Gateway answers 401"
                                + " without calling the authorizer");
            }
            identity.add(value.get());
        }
        return authorizer.type() == AuthorizerType.LAMBDA
                ? lambda(service, authorizer, incoming, match, stage, identity)
                : token(authorizer, route, identity.get(0));
    }

    private Optional<String> identityValue(String source, IncomingRequest incoming, String stage) {
        Optional<Map.Entry<String, String>> part = AuthorizerRules.requestPart(source);
        if (part.isPresent() && part.get().getKey().equals("header")) {
            return Optional.ofNullable(incoming.header(part.get().getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        if (part.isPresent()) {
            List<String> values =
                    ProxyEvents.query(incoming.rawQuery()).get(part.get().getValue());
            return values == null ? Optional.empty() : Optional.of(String.join(",", values));
        }
        if (source.equals("$context.stage")) {
            return Optional.of(stage);
        }
        // Other context variables and stage variables have no local value; API Gateway would refuse their absence.
        return Optional.empty();
    }

    // ---- JWT (HTTP API) and Cognito user pools (REST API) ----

    private Decision token(ApiAuthorizer authorizer, HttpRouteTrigger route, String value) {
        String token = value.regionMatches(true, 0, "Bearer ", 0, 7)
                ? value.substring(7).strip()
                : value.strip();
        List<String> issuers = authorizer.type() == AuthorizerType.JWT
                ? List.of(LocalEnvironment.substitute(authorizer.issuer(), settings, region))
                : authorizer.userPoolArns().stream()
                        .map(arn -> userPoolIssuer(LocalEnvironment.substitute(arn, settings, region)))
                        .toList();
        JWTClaimsSet claims = null;
        String failure = "its issuer is not one of " + issuers;
        try {
            String issuer =
                    com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getIssuer();
            if (issuers.contains(issuer)) {
                claims = verified(token, issuer);
            }
        } catch (java.text.ParseException
                | com.nimbusds.jose.JOSEException
                | com.nimbusds.jose.proc.BadJOSEException e) {
            failure = e.getMessage();
        } catch (IOException e) {
            failure = localKeys != null
                    ? "the local key set " + localKeys + " could not be read (" + e + ")"
                    : "its issuer's keys could not be read (" + e.getMessage() + "); to verify tokens offline or signed"
                            + " by a test key, give sparta:serve a local key set with -Dsparta.serve.jwks=<file>";
        }
        if (claims == null) {
            return new Denied(unauthorized(), authorizer.name() + " refused the token: " + failure);
        }
        List<String> scopes = scopes(claims);
        if (authorizer.type() == AuthorizerType.JWT) {
            Set<String> audiences = new HashSet<>(authorizer.audiences().stream()
                    .map(audience -> LocalEnvironment.substitute(audience, settings, region))
                    .toList());
            boolean audience = claims.getAudience().stream().anyMatch(audiences::contains)
                    || audiences.contains(String.valueOf(claims.getClaim("client_id")));
            if (!audience) {
                return new Denied(
                        unauthorized(),
                        authorizer.name() + " refused the token: neither its aud " + claims.getAudience()
                                + " nor its client_id is one of " + audiences);
            }
            if (!route.scopes().isEmpty() && route.scopes().stream().noneMatch(scopes::contains)) {
                return new Denied(
                        ProxyEvents.message(403, "Forbidden"),
                        authorizer.name() + ": the token's scopes " + scopes + " hold none of the route's "
                                + route.scopes());
            }
            ObjectNode context = JSON.createObjectNode();
            ObjectNode jwt = context.putObject("jwt");
            jwt.set("claims", claims(claims));
            if (scopes.isEmpty()) {
                jwt.putNull("scopes");
            } else {
                ArrayNode array = jwt.putArray("scopes");
                scopes.forEach(array::add);
            }
            return new Allowed(context);
        }
        // A Cognito authorizer takes ID tokens on a method without scopes and access tokens with scopes.
        Object use = claims.getClaim("token_use");
        String wanted = route.scopes().isEmpty() ? "id" : "access";
        if (use != null && !wanted.equals(use)) {
            return new Denied(
                    unauthorized(),
                    authorizer.name() + " refused a token_use " + use + " token: a method "
                            + (route.scopes().isEmpty()
                                    ? "without scopes takes ID tokens"
                                    : "with scopes takes access" + " tokens"));
        }
        if (!route.scopes().isEmpty() && route.scopes().stream().noneMatch(scopes::contains)) {
            return new Denied(
                    unauthorized(),
                    authorizer.name() + ": the token's scopes " + scopes + " hold none of the method's "
                            + route.scopes());
        }
        ObjectNode context = JSON.createObjectNode();
        context.set("claims", claims(claims));
        return new Allowed(context);
    }

    private JWTClaimsSet verified(String token, String issuer)
            throws IOException, java.text.ParseException, com.nimbusds.jose.JOSEException,
                    com.nimbusds.jose.proc.BadJOSEException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys(issuer))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
        return processor.process(token, null);
    }

    /** The local key set when configured, else the issuer's, kept for a few minutes as API Gateway keeps them. */
    private JWKSet keys(String issuer) throws IOException, java.text.ParseException {
        if (localKeys != null) {
            long modified = Files.getLastModifiedTime(localKeys).toMillis();
            Kept<JWKSet> read = localKeySet;
            if (read == null || read.until() != modified) {
                read = new Kept<>(JWKSet.parse(Files.readString(localKeys)), modified);
                localKeySet = read;
            }
            return read.value();
        }
        Kept<JWKSet> kept = issuerKeys.get(issuer);
        if (kept != null && kept.until() > System.nanoTime()) {
            return kept.value();
        }
        JsonNode configuration =
                JSON.readTree(fetch(URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration")));
        String jwksUri = configuration.path("jwks_uri").asText("");
        if (jwksUri.isEmpty()) {
            throw new IOException(issuer + "'s OpenID configuration names no jwks_uri");
        }
        JWKSet keys = JWKSet.parse(new String(fetch(URI.create(jwksUri)), StandardCharsets.UTF_8));
        issuerKeys.put(issuer, new Kept<>(keys, System.nanoTime() + KEYS_KEPT.toNanos()));
        return keys;
    }

    private static byte[] fetch(URI uri) throws IOException {
        var connection = (java.net.HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(KEYS_TIMEOUT_MILLIS);
        connection.setReadTimeout(KEYS_TIMEOUT_MILLIS);
        try (var in = connection.getInputStream()) {
            if (connection.getResponseCode() != 200) {
                throw new IOException(uri + " answered " + connection.getResponseCode());
            }
            return in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope instanceof String text && !text.isBlank()) {
            return Arrays.asList(text.strip().split("\\s+"));
        }
        Object scp = claims.getClaim("scp");
        if (scp instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** Claims as API Gateway passes them: every value a string, a list in brackets. */
    private static ObjectNode claims(JWTClaimsSet claims) {
        ObjectNode node = JSON.createObjectNode();
        new java.util.TreeMap<>(claims.getClaims()).forEach((name, value) -> {
            if (value instanceof java.util.Date date) {
                node.put(name, String.valueOf(date.getTime() / 1000));
            } else if (value instanceof List<?> list) {
                node.put(
                        name,
                        "["
                                + String.join(
                                        " ", list.stream().map(String::valueOf).toList()) + "]");
            } else {
                node.put(name, String.valueOf(value));
            }
        });
        return node;
    }

    private String userPoolIssuer(String arn) {
        Matcher pool = USER_POOL.matcher(arn);
        return pool.matches() ? "https://cognito-idp." + pool.group(1) + ".amazonaws.com/" + pool.group(2) : arn;
    }

    // ---- Lambda authorizers ----

    private Decision lambda(
            ServiceModel service,
            ApiAuthorizer authorizer,
            IncomingRequest incoming,
            RouteMatcher.Match match,
            String stage,
            List<String> identity)
            throws IOException, InterruptedException {
        ApiKind api = match.route().api();
        String arn = "arn:aws:execute-api:" + region + ":" + ProxyEvents.ACCOUNT + ":local/" + stage + "/"
                + incoming.method() + incoming.path();
        String key = api + " " + authorizer.name() + " " + String.join("\u0000", identity);
        Kept<JsonNode> kept = authorizer.resultTtlSeconds() > 0 ? answers.get(key) : null;
        boolean cached = kept != null && kept.until() > System.nanoTime();
        JsonNode answer;
        if (cached) {
            answer = kept.value();
        } else {
            LambdaFunction function = service.function(authorizer.function()).orElseThrow();
            byte[] event = api == ApiKind.HTTP
                    ? ProxyEvents.httpAuthorizerEvent(incoming, match, stage, arn, identity)
                    : ProxyEvents.restAuthorizerEvent(incoming, match, stage, arn);
            WorkerProcess.Reply reply = invoker.invoke(function, event);
            if (reply.outcome() != WorkerProcess.RETURNED) {
                String error = new String(reply.body(), StandardCharsets.UTF_8);
                // A REST authorizer that fails with the message "Unauthorized" asks API Gateway for a 401.
                if (api == ApiKind.REST
                        && JSON.readTree(error).path("errorMessage").asText().equals("Unauthorized")) {
                    return new Denied(unauthorized(), authorizer.name() + " failed with \"Unauthorized\"");
                }
                return new Denied(
                        authorizerError(api), authorizer.name() + " (" + function.name() + ") failed: " + error);
            }
            try {
                answer = JSON.readTree(reply.body());
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null || !answer.isObject()) {
                return new Denied(
                        authorizerError(api),
                        authorizer.name() + " (" + function.name() + ") answered something other than a JSON object");
            }
            if (authorizer.resultTtlSeconds() > 0) {
                answers.put(
                        key,
                        new Kept<>(
                                answer,
                                System.nanoTime()
                                        + Duration.ofSeconds(authorizer.resultTtlSeconds())
                                                .toNanos()));
            }
        }
        if (api == ApiKind.HTTP && authorizer.simpleResponses()) {
            if (!answer.path("isAuthorized").isBoolean()) {
                return new Denied(
                        authorizerError(api),
                        authorizer.name() + " answered no boolean isAuthorized, which a simple response needs");
            }
            if (!answer.path("isAuthorized").asBoolean()) {
                return new Denied(
                        ProxyEvents.message(403, "Forbidden"), authorizer.name() + " answered isAuthorized false");
            }
            return new Allowed(JSON.createObjectNode().set("lambda", context(answer)));
        }
        JsonNode statements = answer.at("/policyDocument/Statement");
        if (statements.isMissingNode()) {
            return new Denied(authorizerError(api), authorizer.name() + " answered no policyDocument with a Statement");
        }
        String effect = effect(
                statements.isArray() ? statements : JSON.createArrayNode().add(statements), arn);
        if (!effect.equals("Allow")) {
            String why = "the policy of " + authorizer.name() + " "
                    + (effect.equals("Deny") ? "denies " : "does not allow ") + arn
                    + (cached
                            ? " (the policy of an earlier call with the same identity, cached "
                                    + authorizer.resultTtlSeconds() + " s for every method: allow a wildcard resource,"
                                    + " or set resultTtlSeconds = 0)"
                            : "");
            if (api == ApiKind.HTTP) {
                return new Denied(ProxyEvents.message(403, "Forbidden"), why);
            }
            return new Denied(
                    ProxyEvents.message(
                            403,
                            "Message",
                            effect.equals("Deny")
                                    ? "User is not authorized to access this resource with an explicit deny"
                                    : "User is not authorized to access this resource"),
                    why);
        }
        ObjectNode context = context(answer);
        if (api == ApiKind.HTTP) {
            return new Allowed(JSON.createObjectNode().set("lambda", context));
        }
        context.put("principalId", answer.path("principalId").asText(""));
        return new Allowed(context);
    }

    private static ObjectNode context(JsonNode answer) {
        return answer.path("context").isObject()
                ? ((ObjectNode) answer.path("context")).deepCopy()
                : JSON.createObjectNode();
    }

    /** {@code Deny} when a statement denies the ARN, else {@code Allow} when one allows it, else empty. */
    static String effect(JsonNode statements, String arn) {
        boolean allowed = false;
        for (JsonNode statement : statements) {
            if (!matchesAny(statement.path("Action"), "execute-api:Invoke", IamPatterns::action)
                    || !matchesAny(statement.path("Resource"), arn, IamPatterns::resource)) {
                continue;
            }
            if (statement.path("Effect").asText().equals("Deny")) {
                return "Deny";
            }
            allowed |= statement.path("Effect").asText().equals("Allow");
        }
        return allowed ? "Allow" : "";
    }

    private static boolean matchesAny(
            JsonNode patterns, String value, java.util.function.Function<String, Pattern> compile) {
        List<String> all = new ArrayList<>();
        if (patterns.isArray()) {
            patterns.forEach(pattern -> all.add(pattern.asText()));
        } else if (patterns.isTextual()) {
            all.add(patterns.asText());
        }
        return all.stream()
                .anyMatch(pattern -> compile.apply(pattern).matcher(value).matches());
    }

    private static ProxyEvents.Reply unauthorized() {
        return ProxyEvents.message(401, "Unauthorized");
    }

    /** What API Gateway answers when the authorizer itself failed. */
    private static ProxyEvents.Reply authorizerError(ApiKind api) {
        if (api == ApiKind.HTTP) {
            return ProxyEvents.message(500, "Internal Server Error");
        }
        return ProxyEvents.message(500, "message", null);
    }
}
