package io.sparta.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the pre-signed S3 URLs CloudFormation puts in its requests: a real local HTTP server keeping the
 * body PUT to each request's path.
 */
final class ResponseUrl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, List<String>> bodies = new ConcurrentHashMap<>();

    private ResponseUrl(HttpServer server) {
        this.server = server;
    }

    static ResponseUrl start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ResponseUrl url = new ResponseUrl(http);
            http.createContext("/", exchange -> {
                String body =
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                String key = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                url.bodies
                        .computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
                        .add(body);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            http.start();
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to answer request {@code requestId} at, with a query standing for the signature. */
    String forRequest(String requestId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/responses/" + requestId
                + "?X-Amz-Signature=0123456789abcdef";
    }

    /** The one answer PUT for request {@code requestId}. */
    JsonNode answer(String requestId) {
        List<String> answers = bodies.getOrDefault("PUT /responses/" + requestId, List.of());
        if (answers.size() != 1) {
            throw new AssertionError("expected one answer to " + requestId + ", got " + answers + " of " + bodies);
        }
        try {
            return JSON.readTree(answers.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
