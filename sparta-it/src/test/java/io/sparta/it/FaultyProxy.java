package io.sparta.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of moto that spoils a fixed share of requests the way AWS and networks do:
 * throttling, internal errors, connections dropped before the request reaches the server and connections
 * dropped after the server acted but before the answer came back. Every other request passes through untouched.
 */
final class FaultyProxy implements AutoCloseable {

    enum Fault {
        THROTTLE,
        INTERNAL_ERROR,
        DROP_BEFORE_SERVER,
        DROP_AFTER_SERVER
    }

    /** Which request in each run of ten gets which fault: four in ten spoiled, never two in a row. */
    private static final Map<Integer, Fault> SCHEDULE =
            Map.of(1, Fault.THROTTLE, 3, Fault.INTERNAL_ERROR, 5, Fault.DROP_BEFORE_SERVER, 8, Fault.DROP_AFTER_SERVER);

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);

    FaultyProxy(URI target) throws IOException {
        this.target = target;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    int injected(Fault fault) {
        return injected.get(fault).get();
    }

    int requests() {
        return requests.get();
    }

    /**
     * A CREATE change set whose answer is lost and that is sent again: AWS answers the retry AlreadyExists (handled,
     * and tested in StackDeployerTest), but moto 5.2.5 makes a second stack of the same name in REVIEW_IN_PROGRESS,
     * which then shadows the one executed. So that request's answer is never dropped here.
     */
    private static boolean createsAStackTwiceOnMoto(byte[] body) {
        String form = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return form.contains("Action=CreateChangeSet") && form.contains("ChangeSetType=CREATE");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = SCHEDULE.get(requests.incrementAndGet() % 10);
            boolean s3 = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                    .contains("/s3/");
            if (fault == Fault.THROTTLE) {
                injected.get(fault).incrementAndGet();
                reply(
                        exchange,
                        s3 ? 503 : 400,
                        s3
                                ? error("SlowDown", "Please reduce your request rate.")
                                : queryError("Throttling", "Rate exceeded"));
                return;
            }
            if (fault == Fault.INTERNAL_ERROR) {
                injected.get(fault).incrementAndGet();
                reply(
                        exchange,
                        500,
                        s3
                                ? error("InternalError", "We encountered an internal error. Please try again.")
                                : queryError("InternalFailure", "An internal error occurred"));
                return;
            }
            if (fault == Fault.DROP_BEFORE_SERVER) {
                injected.get(fault).incrementAndGet();
                return; // closing the exchange without a response drops the connection
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            if (fault == Fault.DROP_AFTER_SERVER && !createsAStackTwiceOnMoto(body)) {
                injected.get(fault).incrementAndGet();
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean noBody = exchange.getRequestMethod().equals("HEAD")
                    || response.statusCode() == 204
                    || response.statusCode() == 304
                    || response.body().length == 0;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("text/xml"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fault-proxy</RequestId></Error>";
    }

    private static String queryError(String code, String message) {
        return "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
