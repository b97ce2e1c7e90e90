package io.sparta.core.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The HTTP layer under a real SDK client: answers each request, in order, with the next scripted response (the
 * body AWS documents for that operation) and records what the client sent. A request that is not the one the script
 * expects next is answered with a 400 error naming both, so the SDK does not retry it and the test's check of the
 * calls made shows the difference.
 */
final class ScriptedHttp implements SdkHttpClient {

    static final URI ENDPOINT = URI.create("http://localhost");
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret"));

    /** How the service names an operation and shapes its errors. */
    private enum Protocol {
        /** CloudFormation: a form-encoded POST whose {@code Action} names the operation. */
        QUERY,
        /** S3: the method, path and query name the operation. */
        REST_XML
    }

    /**
     * One request the client sent.
     *
     * @param operation {@code DescribeStacks} for CloudFormation, {@code GET /photos?notification} for S3
     * @param params CloudFormation's form parameters, decoded; empty for S3
     */
    record Call(String operation, String method, String path, Map<String, String> params, String body) {

        /** A form parameter CloudFormation received, failing the test when it was not sent. */
        String param(String name) {
            if (!params.containsKey(name)) {
                throw new AssertionError(operation + " was sent without " + name + "; it had " + params);
            }
            return params.get(name);
        }
    }

    private record Answer(String operation, int status, Function<Call, String> body) {}

    private final Protocol protocol;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private ScriptedHttp(Protocol protocol) {
        this.protocol = protocol;
    }

    static ScriptedHttp cloudFormation() {
        return new ScriptedHttp(Protocol.QUERY);
    }

    static ScriptedHttp s3() {
        return new ScriptedHttp(Protocol.REST_XML);
    }

    /** A CloudFormation client that talks only to this script. */
    CloudFormationClient cloudFormationClient() {
        return CloudFormationClient.builder()
                .httpClient(this)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(ENDPOINT)
                .build();
    }

    /**
     * A CloudFormation client that talks only to this script, configured as a goal's clients are: with a
     * {@link CallLedger} (which names each failed call on its exception) and that many attempts per call.
     */
    CloudFormationClient cloudFormationClient(CallLedger ledger, int maxAttempts) {
        return CloudFormationClient.builder()
                .httpClient(this)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(ENDPOINT)
                .overrideConfiguration(
                        o -> o.addExecutionInterceptor(ledger).retryStrategy(retry -> retry.maxAttempts(maxAttempts)))
                .build();
    }

    /** An S3 client that talks only to this script, the bucket in the path so each call names it. */
    S3Client s3Client() {
        return S3Client.builder()
                .httpClient(this)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(ENDPOINT)
                .forcePathStyle(true)
                .build();
    }

    /** Answers the next request, which must be {@code operation}, with this status and body. */
    ScriptedHttp answer(String operation, int status, String body) {
        return answer(operation, status, call -> body);
    }

    /** Likewise, the body made from the request, as AWS echoes names such as the change set's. */
    ScriptedHttp answer(String operation, int status, Function<Call, String> body) {
        script.add(new Answer(operation, status, body));
        return this;
    }

    ScriptedHttp ok(String operation, String body) {
        return answer(operation, 200, body);
    }

    ScriptedHttp ok(String operation, Function<Call, String> body) {
        return answer(operation, 200, body);
    }

    /** What was called, in order. */
    List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call call(int index) {
        return calls.get(index);
    }

    /** The scripted answers no request has taken yet. */
    int unanswered() {
        return script.size();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return respond(request);
            }

            @Override
            public void abort() {}
        };
    }

    private synchronized HttpExecuteResponse respond(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        String body = "";
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> params = protocol == Protocol.QUERY ? form(body) : Map.of();
        String operation = protocol == Protocol.QUERY ? params.getOrDefault("Action", "?") : restOperation(http);
        Call call = new Call(operation, http.method().name(), http.encodedPath(), params, body);
        calls.add(call);

        Answer answer = script.poll();
        if (answer == null) {
            return response(400, unscripted("no response is scripted for " + operation));
        }
        if (!answer.operation().equals(operation)) {
            return response(
                    400,
                    unscripted("the script expected " + answer.operation() + " next, the client sent " + operation));
        }
        return response(answer.status(), answer.body().apply(call));
    }

    private String unscripted(String message) {
        return protocol == Protocol.QUERY
                ? "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>"
                        + "<Code>UnscriptedCall</Code><Message>" + message + "</Message></Error>"
                        + "<RequestId>unscripted</RequestId></ErrorResponse>"
                : "<Error><Code>UnscriptedCall</Code><Message>" + message + "</Message>"
                        + "<RequestId>unscripted</RequestId></Error>";
    }

    private static HttpExecuteResponse response(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpResponse.Builder http = SdkHttpResponse.builder()
                .statusCode(status)
                .putHeader("x-amzn-RequestId", "scripted")
                .putHeader("Content-Length", String.valueOf(bytes.length));
        if (bytes.length > 0) {
            http.putHeader("Content-Type", "text/xml");
        }
        return HttpExecuteResponse.builder()
                .response(http.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    /** {@code GET /photos?notification}: method, path and the query's names (with values when they have one). */
    private static String restOperation(SdkHttpRequest http) {
        StringBuilder operation =
                new StringBuilder(http.method().name()).append(' ').append(http.encodedPath());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter :
                http.rawQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                operation.append(separator).append(parameter.getKey());
                if (value != null && !value.isEmpty()) {
                    operation.append('=').append(value);
                }
                separator = '&';
            }
        }
        return operation.toString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public String clientName() {
        return "scripted";
    }

    @Override
    public void close() {}
}
