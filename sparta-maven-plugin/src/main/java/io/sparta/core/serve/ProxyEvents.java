package io.sparta.core.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.ApiKind;
import io.sparta.api.HttpRouteTrigger;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Translates between HTTP and API Gateway's Lambda proxy integration, as the deployed APIs do: payload format 2.0
 * for the HTTP API, 1.0 for the REST API.
 */
final class ProxyEvents {

    static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** An HTTP response to send. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {}

    private ProxyEvents() {}

    /** The HTTP API's event: headers joined with commas, cookies apart, a binary body in base64. */
    static byte[] httpApiEvent(IncomingRequest request, RouteMatcher.Match match, String stage) {
        return bytes(httpApiEventNode(request, match, stage));
    }

    /**
     * The HTTP API's event with what the route's authorizer passed on, under {@code requestContext.authorizer}.
     *
     * @param authorizer {@code {"jwt": {"claims", "scopes"}}} or {@code {"lambda": context}}; null for none
     */
    static byte[] httpApiEvent(IncomingRequest request, RouteMatcher.Match match, String stage, JsonNode authorizer) {
        ObjectNode event = httpApiEventNode(request, match, stage);
        if (authorizer != null) {
            ((ObjectNode) event.path("requestContext")).set("authorizer", authorizer);
        }
        return bytes(event);
    }

    /**
     * The event an HTTP API's Lambda authorizer gets (payload format 2.0): the request without its body, with
     * {@code type}, {@code routeArn} and the identity sources' values.
     */
    static byte[] httpAuthorizerEvent(
            IncomingRequest request, RouteMatcher.Match match, String stage, String routeArn, List<String> identity) {
        ObjectNode event = httpApiEventNode(request, match, stage);
        event.remove("body");
        event.remove("isBase64Encoded");
        event.put("type", "REQUEST");
        event.put("routeArn", routeArn);
        ArrayNode sources = event.putArray("identitySource");
        identity.forEach(sources::add);
        return bytes(event);
    }

    private static ObjectNode httpApiEventNode(IncomingRequest request, RouteMatcher.Match match, String stage) {
        Instant now = Instant.now();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.path());
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = new ArrayList<>();
        ObjectNode headers = JSON.createObjectNode();
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                values.forEach(value -> List.of(value.split(";\\s*")).forEach(cookies::add));
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        event.set("headers", headers);
        Map<String, List<String>> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT);
        context.put("apiId", "local");
        context.put("domainName", request.host());
        context.put("domainPrefix", request.host().split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", String.valueOf(request.header("user-agent")));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", stage);
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        boolean text = isText(request.header("content-type"));
        if (request.body().length > 0) {
            event.put(
                    "body",
                    text
                            ? new String(request.body(), StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(request.body()));
        }
        event.put("isBase64Encoded", request.body().length > 0 && !text);
        return event;
    }

    /**
     * The REST API's event: single and multi-value headers and query parameters; the body as text, as a REST API
     * without binary media types passes it.
     */
    static byte[] restApiEvent(IncomingRequest request, RouteMatcher.Match match, String stage) {
        return bytes(restApiEventNode(request, match, stage));
    }

    /**
     * The REST API's event with what the method's authorizer passed on, under {@code requestContext.authorizer}.
     *
     * @param authorizer {@code {"claims": ...}} or a Lambda authorizer's context with its {@code principalId}; null
     *     for none
     */
    static byte[] restApiEvent(IncomingRequest request, RouteMatcher.Match match, String stage, JsonNode authorizer) {
        ObjectNode event = restApiEventNode(request, match, stage);
        if (authorizer != null) {
            ((ObjectNode) event.path("requestContext")).set("authorizer", authorizer);
        }
        return bytes(event);
    }

    /** The event a REST API's REQUEST authorizer gets: the request without its body, with {@code methodArn}. */
    static byte[] restAuthorizerEvent(
            IncomingRequest request, RouteMatcher.Match match, String stage, String methodArn) {
        ObjectNode event = restApiEventNode(request, match, stage);
        event.remove("body");
        event.remove("isBase64Encoded");
        event.put("type", "REQUEST");
        event.put("methodArn", methodArn);
        return bytes(event);
    }

    private static ObjectNode restApiEventNode(IncomingRequest request, RouteMatcher.Match match, String stage) {
        HttpRouteTrigger route = match.route();
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", route.path());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        ObjectNode headers = JSON.createObjectNode();
        ObjectNode multiHeaders = JSON.createObjectNode();
        request.headers().forEach((name, values) -> {
            String canonical = canonicalHeader(name);
            headers.put(canonical, values.get(values.size() - 1));
            ArrayNode array = multiHeaders.putArray(canonical);
            values.forEach(array::add);
        });
        event.set("headers", headers);
        event.set("multiValueHeaders", multiHeaders);
        Map<String, List<String>> query = query(request.rawQuery());
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                single.put(name, values.get(values.size() - 1));
                ArrayNode array = multi.putArray(name);
                values.forEach(array::add);
            });
        }
        if (match.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT);
        context.put("apiId", "local");
        context.put("resourcePath", route.path());
        context.put("httpMethod", request.method());
        context.put("path", "/" + stage + request.path());
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("stage", stage);
        context.put("requestTimeEpoch", Instant.now().toEpochMilli());
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("user-agent"));
        if (request.body().length > 0) {
            event.put("body", new String(request.body(), StandardCharsets.UTF_8));
        } else {
            event.putNull("body");
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /**
     * The HTTP API's reading of a response: an object with statusCode is a proxy response; anything else is a
     * 200 with the function's JSON as the body.
     */
    static Reply httpApiReply(byte[] response) {
        JsonNode document = parse(response);
        if (document == null || !document.isObject() || !document.has("statusCode")) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("content-type", List.of("application/json"));
            return new Reply(200, headers, response);
        }
        Reply reply = proxyReply(document);
        if (document.path("cookies").isArray()) {
            List<String> cookies = new ArrayList<>();
            document.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
            reply.headers().put("set-cookie", cookies);
        }
        return reply;
    }

    /** The REST API's reading of a response: a proxy response with a numeric statusCode, or a 502. */
    static Reply restApiReply(byte[] response) {
        JsonNode document = parse(response);
        if (document == null
                || !document.isObject()
                || !document.path("statusCode").canConvertToInt()) {
            return functionError();
        }
        return proxyReply(document);
    }

    /** What API Gateway answers when the function failed, timed out or answered in the wrong shape. */
    static Reply functionError() {
        return functionError(ApiKind.REST);
    }

    /**
     * What each kind of API answers when its Lambda integration failed: a REST API 502, an HTTP API 500 (as
     * AWS's own Lambda test tool answers, from what the services do).
     */
    static Reply functionError(ApiKind api) {
        return api == ApiKind.REST ? message(502, "Internal server error") : message(500, "Internal Server Error");
    }

    /** What each kind of API answers a request whose body or Lambda event is over the quota. */
    static Reply payloadTooLarge(ApiKind api) {
        return message(413, api == ApiKind.REST ? "Request Too Long" : "Request Entity Too Large");
    }

    /** What each kind of API answers when its Lambda integration outlasts the integration timeout. */
    static Reply integrationTimeout(ApiKind api) {
        return api == ApiKind.REST ? message(504, "Endpoint request timed out") : message(503, "Service Unavailable");
    }

    /** An answer API Gateway writes itself: a JSON object with one field, such as {@code Message} or {@code message}. */
    static Reply message(int status, String field, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        return new Reply(status, headers, bytes(JSON.createObjectNode().put(field, message)));
    }

    /** An answer API Gateway writes itself, as {@code {"message": ...}}. */
    static Reply message(int status, String message) {
        return message(status, "message", message);
    }

    private static Reply proxyReply(JsonNode document) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        document.path("headers")
                .fields()
                .forEachRemaining(header -> headers.computeIfAbsent(
                                header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(header.getValue().asText()));
        document.path("multiValueHeaders").fields().forEachRemaining(header -> {
            List<String> values =
                    headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>());
            header.getValue().forEach(value -> {
                if (!values.contains(value.asText())) {
                    values.add(value.asText());
                }
            });
        });
        JsonNode body = document.path("body");
        byte[] bytes = body.isMissingNode() || body.isNull()
                ? new byte[0]
                : document.path("isBase64Encoded").asBoolean()
                        ? Base64.getDecoder().decode(body.asText())
                        : body.asText().getBytes(StandardCharsets.UTF_8);
        return new Reply(document.path("statusCode").asInt(), headers, bytes);
    }

    /** The query's parameters, decoded, each with its values in order. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** Whether API Gateway passes a body of this type as text rather than base64. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.equals("application/xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.endsWith("+json")
                || type.endsWith("+xml");
    }

    /** {@code content-type} as browsers write it, {@code Content-Type}, as a REST API passes it on. */
    private static String canonicalHeader(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return canonical.toString();
    }

    private static JsonNode parse(byte[] response) {
        try {
            return JSON.readTree(response);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("An event node always serializes", e);
        }
    }
}
