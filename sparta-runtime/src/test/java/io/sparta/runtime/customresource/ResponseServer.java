package io.sparta.runtime.customresource;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the pre-signed S3 URL CloudFormation hands the function: a real HTTP server on a loopback
 * port that records every request and answers the statuses it is given, then 200.
 */
final class ResponseServer implements AutoCloseable {

    /** One request as the server received it. */
    record Received(String method, String pathAndQuery, Headers headers, String body, long receivedNanos) {}

    /** The path and query of the URL CloudFormation would sign; the query stands for the signature. */
    static final String PATH_AND_QUERY = "/cloudformation-custom-resource-response-euwest1/arn%3Aaws%3Acloudformation"
            + "%3Aeu-west-1%3A123456789012%3Astack/orders/5a1b%7CSeedResource%7Cr-1"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIASECRETKEYID%2F20260101%2Feu-west-1"
            + "&X-Amz-Signature=0123456789abcdefsecretsignature";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile String errorBody = "";

    private ResponseServer(HttpServer server) {
        this.server = server;
    }

    static ResponseServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ResponseServer recorder = new ResponseServer(http);
            http.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                recorder.received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath() + "?"
                                + exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(),
                        body,
                        System.nanoTime()));
                int status = recorder.nextStatus();
                byte[] answer = status == 200 ? new byte[0] : recorder.errorBody.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
                exchange.close();
            });
            http.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers these statuses to the next requests, in order, then 200. */
    synchronized ResponseServer failing(int... statusesInOrder) {
        for (int status : statusesInOrder) {
            statuses.add(status);
        }
        return this;
    }

    /** The body sent with every status other than 200. */
    ResponseServer withErrorBody(String body) {
        errorBody = body;
        return this;
    }

    private synchronized int nextStatus() {
        Integer next = statuses.poll();
        return next == null ? 200 : next;
    }

    /** The pre-signed URL to put in an event's ResponseURL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH_AND_QUERY;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The one request received. */
    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, received " + received.size() + ": " + received);
        }
        return received.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
