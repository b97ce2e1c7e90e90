package io.sparta.core.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.HttpRoute;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.local.DeployedResources;
import io.sparta.core.local.LocalEnvironment;
import io.sparta.core.local.LocalJvm;
import io.sparta.core.local.LocalLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the service's HTTP API and REST API on this machine: each request matched to its route as API Gateway
 * matches it, turned into the proxy event that API would send, run in the function's warm JVM, and the function's
 * answer turned back into HTTP. CORS preflight is answered from the service's {@code <cors>} rules. When the
 * compiler rewrites the classes, the routes are read again and the functions' JVMs restarted, without restarting
 * the server.
 */
public final class LocalApiServer implements AutoCloseable {

    private final ServeRequest request;
    private final Console console;
    private final FunctionWorkers workers;
    private final LocalAuthorizers authorizers;
    private final ClassesWatcher watcher;
    private final DeployedResources deployed;
    private HttpServer server;
    private ExecutorService executor;
    /** Runs the integrations, so the API can answer at its timeout while a function runs on. */
    private final ExecutorService integrations = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sparta-serve-integration");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Routes routes;
    private long loadedAt;

    /** The routes of the classes last read, or why those classes cannot be served. */
    private record Routes(
            ServiceModel service,
            RouteMatcher http,
            RouteMatcher rest,
            String httpBase,
            String restBase,
            String problem) {}

    public LocalApiServer(ServeRequest request, Console console) throws IOException {
        this(request, console, DeployedResources.NONE);
    }

    /** @param deployed where the deployed functions find the service's resources, for serving against them */
    public LocalApiServer(ServeRequest request, Console console, DeployedResources deployed) throws IOException {
        this.request = request;
        this.console = console;
        this.deployed = deployed;
        this.workers = new FunctionWorkers(request, console, deployed);
        this.authorizers = new LocalAuthorizers(
                request.jwks(),
                request.settings(),
                request.region(),
                (function, event) -> workers.invoke(function, request.settings(), event));
        this.watcher = new ClassesWatcher(request.classesDirectory());
    }

    /**
     * The serve goal: serves until the JVM is told to stop (Ctrl-C).
     *
     * @param stack the deployed stack's AWS target, for functions that use its resources; empty for none
     */
    public static void serveUntilStopped(
            ServeRequest request, Console console, Optional<io.sparta.core.deploy.AwsTarget> stack)
            throws SpartaUserException, IOException {
        if (stack.isPresent()) {
            try (io.sparta.core.deploy.AwsSession aws = io.sparta.core.deploy.AwsSession.open(stack.get())) {
                serveUntilStopped(request, console, DeployedResources.of(aws, console));
            }
        } else {
            serveUntilStopped(request, console, DeployedResources.NONE);
        }
    }

    private static void serveUntilStopped(ServeRequest request, Console console, DeployedResources deployed)
            throws SpartaUserException, IOException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        try (LocalApiServer server = new LocalApiServer(request, console, deployed)) {
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sparta-serve-stop"));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the server's base address, such as {@code http://127.0.0.1:8080} */
    public URI start() throws IOException, SpartaUserException {
        loadedAt = System.nanoTime();
        routes = load();
        if (routes.problem() != null) {
            throw new SpartaUserException(routes.problem());
        }
        authorizers.checkLocalKeys();
        // Read now, so a stack that is not there fails the goal rather than a request.
        for (LambdaFunction function : routes.service().functions()) {
            deployed.variables(LocalEnvironment.deployedName(function, request.settings()));
        }
        // The JDK server writes headers and body apart; with Nagle's algorithm on, every response then waits
        // for the client's delayed ACK (40 ms). The setting is read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = listen(request.host(), request.port());
        executor = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        URI base = URI.create(
                "http://" + request.host() + ":" + server.getAddress().getPort());
        describe(base);
        return base;
    }

    /**
     * A server bound to the host and port, not yet started.
     *
     * @throws SpartaUserException when the address is not one to listen on, or something else listens there
     */
    static HttpServer listen(String host, int port) throws SpartaUserException, IOException {
        try {
            return HttpServer.create(address(host, port), 64);
        } catch (java.net.BindException e) {
            throw new SpartaUserException("<port> (-Dsparta.port) " + port + " on " + host + " is taken ("
                    + e.getMessage() + "); stop what listens there, or choose another port, 0 for a free one");
        }
    }

    /**
     * The address to listen on.
     *
     * @throws SpartaUserException when the port is outside 0 to 65535 or the host does not resolve
     */
    static InetSocketAddress address(String host, int port) throws SpartaUserException {
        if (port < 0 || port > 65535) {
            throw new SpartaUserException("<port> (-Dsparta.port) is " + port + "; a TCP port is 0 to 65535, 0 for a"
                    + " free one (8080 by default)");
        }
        InetSocketAddress address = new InetSocketAddress(host == null ? "" : host.trim(), port);
        if (host == null || host.isBlank() || address.isUnresolved() || !local(address.getAddress())) {
            throw new SpartaUserException("<host> (-Dsparta.host) \"" + host + "\" does not resolve to an address"
                    + " of this machine; use 127.0.0.1 (the default), or 0.0.0.0 to listen on every interface");
        }
        return address;
    }

    private static boolean local(java.net.InetAddress address) {
        try {
            return address.isAnyLocalAddress()
                    || address.isLoopbackAddress()
                    || java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (java.net.SocketException e) {
            // Interfaces cannot be listed here: binding will tell.
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
        integrations.shutdownNow();
        workers.close();
        watcher.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        ProxyEvents.Reply reply;
        String target = "-";
        try {
            Routes current = current();
            IncomingRequest incoming = incoming(exchange);
            int requestLineAndHeaders = requestLineAndHeaders(exchange);
            if (requestLineAndHeaders > LocalLimits.API_REQUEST_LINE_AND_HEADERS_MAX) {
                // API Gateway documents the quota but not its answer: this one is HTTP's own (RFC 6585).
                console.warn("The request line and header values hold " + requestLineAndHeaders + " bytes; API"
                        + " Gateway refuses more than " + LocalLimits.API_REQUEST_LINE_AND_HEADERS_MAX + " (its"
                        + " answer is not documented; Sparta answers 431)");
                reply = ProxyEvents.message(431, "Request Header Fields Too Large");
            } else if (current.problem() != null) {
                reply = ProxyEvents.message(500, "Sparta cannot serve the recompiled classes: " + current.problem());
            } else if (!current.rest().isEmpty() && underBase(incoming.path(), current.restBase())) {
                IncomingRequest below = below(incoming, current.restBase());
                Optional<RouteMatcher.Match> match = current.rest().match(below.method(), below.path());
                target = match.map(m -> m.function().name()).orElse("-");
                reply = serveRest(current, below, match);
            } else if (!current.http().isEmpty() && underBase(incoming.path(), current.httpBase())) {
                IncomingRequest below = below(incoming, current.httpBase());
                Optional<RouteMatcher.Match> match = current.http().match(below.method(), below.path());
                target = match.map(m -> m.function().name()).orElse("-");
                reply = serveHttp(current, below, match);
            } else {
                reply = ProxyEvents.message(404, "Not Found");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = ProxyEvents.message(503, "Sparta is stopping");
        } catch (RuntimeException | IOException e) {
            console.warn("Serving " + exchange.getRequestURI() + " failed: " + e);
            reply = ProxyEvents.functionError(ApiKind.REST);
        }
        send(exchange, reply);
        console.info(String.format(
                Locale.ROOT,
                "%s %s -> %s %d %.1f ms",
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                target,
                reply.status(),
                (System.nanoTime() - started) / 1e6));
    }

    private ProxyEvents.Reply serveHttp(Routes current, IncomingRequest incoming, Optional<RouteMatcher.Match> match)
            throws IOException, InterruptedException {
        Cors cors = current.service().http().cors();
        if (cors.enabled() && isPreflight(incoming)) {
            return preflight(cors, incoming.header("origin"), 204);
        }
        if (match.isEmpty()) {
            return ProxyEvents.message(404, "Not Found");
        }
        String stage = current.service().http().stage();
        LocalAuthorizers.Decision decision = authorize(current, incoming, match.get(), stage);
        if (decision instanceof LocalAuthorizers.Denied denied) {
            return denied.reply();
        }
        if (incoming.body().length > LocalLimits.API_PAYLOAD_MAX) {
            return ProxyEvents.payloadTooLarge(ApiKind.HTTP);
        }
        byte[] event =
                ProxyEvents.httpApiEvent(incoming, match.get(), stage, ((LocalAuthorizers.Allowed) decision).context());
        ProxyEvents.Reply reply = invoke(match.get().function(), event, ApiKind.HTTP, ProxyEvents::httpApiReply);
        if (cors.enabled()) {
            allowOrigin(cors, incoming.header("origin"), reply.headers());
        }
        return reply;
    }

    private ProxyEvents.Reply serveRest(Routes current, IncomingRequest incoming, Optional<RouteMatcher.Match> match)
            throws IOException, InterruptedException {
        Cors cors = current.service().http().cors();
        if (cors.enabled()
                && incoming.method().equals("OPTIONS")
                && current.rest().knowsPath(incoming.path())) {
            return restPreflight(cors);
        }
        if (match.isEmpty()) {
            // A REST API answers an unknown resource or method this way, not with a 404.
            return ProxyEvents.message(403, "Missing Authentication Token");
        }
        String stage = current.service().http().restStage();
        LocalAuthorizers.Decision decision = authorize(current, incoming, match.get(), stage);
        if (decision instanceof LocalAuthorizers.Denied denied) {
            return denied.reply();
        }
        if (incoming.body().length > LocalLimits.API_PAYLOAD_MAX) {
            return ProxyEvents.payloadTooLarge(ApiKind.REST);
        }
        byte[] event =
                ProxyEvents.restApiEvent(incoming, match.get(), stage, ((LocalAuthorizers.Allowed) decision).context());
        return invoke(match.get().function(), event, ApiKind.REST, ProxyEvents::restApiReply);
    }

    /**
     * The decision of the route's authorizer, before the function, as API Gateway takes it: {@code AWS_IAM}'s,
     * a declared one's, or allowed for an open route; a denial is told on the console with its reason.
     */
    private LocalAuthorizers.Decision authorize(
            Routes current, IncomingRequest incoming, RouteMatcher.Match match, String stage)
            throws IOException, InterruptedException {
        HttpApiSettings http = current.service().http();
        Optional<ApiAuthorizer> declared = http.declaredAuthorizer(match.route());
        LocalAuthorizers.Decision decision = http.authorizer(match.route()).equals(HttpRoute.AWS_IAM)
                ? LocalAuthorizers.signed(incoming, match.route().api())
                : declared.isPresent()
                        ? authorizers.decide(current.service(), declared.get(), incoming, match, stage)
                        : new LocalAuthorizers.Allowed(null);
        if (decision instanceof LocalAuthorizers.Denied denied) {
            console.info(incoming.method() + " " + incoming.path() + " answered "
                    + denied.reply().status() + ": " + denied.why());
        }
        return decision;
    }

    /**
     * The API's answer from the function's response: its reading of the response, or the API's own answer when
     * the event is over Lambda's quota, the function threw or timed out, or it outlasted the integration timeout
     * (the function then runs on to its own timeout, as on AWS, and holds its worker until then).
     */
    private ProxyEvents.Reply invoke(
            LambdaFunction function,
            byte[] event,
            ApiKind api,
            java.util.function.Function<byte[], ProxyEvents.Reply> reading)
            throws IOException, InterruptedException {
        if (event.length > LocalLimits.INVOKE_REQUEST_MAX) {
            console.warn(function.name() + " not invoked: its event is " + event.length + " bytes, over Lambda's "
                    + LocalLimits.INVOKE_REQUEST_MAX + " for a synchronous invocation");
            return ProxyEvents.payloadTooLarge(api);
        }
        java.time.Duration timeout =
                api == ApiKind.REST ? LocalLimits.REST_INTEGRATION_TIMEOUT : LocalLimits.HTTP_INTEGRATION_TIMEOUT;
        long timeoutMillis = LocalLimits.scaled(timeout.toMillis(), request.timeoutScale());
        java.util.concurrent.CompletableFuture<WorkerProcess.Reply> pending =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return workers.invoke(function, request.settings(), event);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted", e);
                            }
                        },
                        integrations);
        WorkerProcess.Reply reply;
        try {
            reply = pending.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException late) {
            console.warn(function.name() + " ran past the " + (api == ApiKind.REST ? "REST" : "HTTP") + " API's"
                    + " integration timeout (" + timeoutMillis + " ms), which API Gateway answers without waiting;"
                    + " the function runs on to its own timeout");
            // What it ends with is the function's own story, told as it would be in its log.
            pending.whenComplete((ended, failed) -> {
                if (ended != null && ended.outcome() != WorkerProcess.RETURNED) {
                    report(function, ended);
                }
            });
            return ProxyEvents.integrationTimeout(api);
        } catch (java.util.concurrent.ExecutionException e) {
            console.warn(
                    "Serving " + function.name() + " failed: " + e.getCause().getMessage());
            return ProxyEvents.functionError(api);
        }
        if (reply.outcome() == WorkerProcess.RETURNED) {
            ProxyEvents.Reply read = reading.apply(reply.body());
            if (api == ApiKind.REST && read.status() == 502) {
                console.warn(function.name() + " answered the REST API something other than a proxy response"
                        + " (an object with a numeric statusCode, and headers and body), which API Gateway logs as"
                        + " \"Malformed Lambda proxy response\" and answers 502; return an"
                        + " APIGatewayProxyResponseEvent");
            }
            return read;
        }
        report(function, reply);
        return ProxyEvents.functionError(api);
    }

    /** A failed or timed-out invocation, as Lambda's error document says it. */
    private void report(LambdaFunction function, WorkerProcess.Reply reply) {
        console.warn(function.name()
                + (reply.outcome() == WorkerProcess.TIMED_OUT ? " timed out: " : " failed: ")
                + new String(reply.body(), StandardCharsets.UTF_8));
    }

    private static boolean isPreflight(IncomingRequest incoming) {
        return incoming.method().equals("OPTIONS") && incoming.header("access-control-request-method") != null;
    }

    /** The HTTP API's own preflight answer: the CORS headers only when the origin is allowed. */
    private static ProxyEvents.Reply preflight(Cors cors, String origin, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (allowOrigin(cors, origin, headers)) {
            headers.put(
                    "access-control-allow-methods",
                    List.of(cors.allowMethods().isEmpty() ? "*" : String.join(",", cors.allowMethods())));
            if (!cors.allowHeaders().isEmpty()) {
                headers.put("access-control-allow-headers", List.of(String.join(",", cors.allowHeaders())));
            }
            if (cors.maxAgeSeconds() >= 0) {
                headers.put("access-control-max-age", List.of(String.valueOf(cors.maxAgeSeconds())));
            }
        }
        return new ProxyEvents.Reply(status, headers, new byte[0]);
    }

    /** The REST API's mock OPTIONS method: the configured headers, whatever the origin. */
    private static ProxyEvents.Reply restPreflight(Cors cors) {
        ProxyEvents.Reply reply = preflight(cors, cors.allowOrigins().get(0), 200);
        reply.headers().put("content-type", List.of("application/json"));
        return reply;
    }

    /** Adds the allow-origin (and credentials) headers when the origin may call; says whether it may. */
    private static boolean allowOrigin(Cors cors, String origin, Map<String, List<String>> headers) {
        boolean any = cors.allowOrigins().contains("*");
        if (origin == null || (!any && !cors.allowOrigins().contains(origin))) {
            return false;
        }
        headers.put("access-control-allow-origin", List.of(any && !cors.allowCredentials() ? "*" : origin));
        if (cors.allowCredentials()) {
            headers.put("access-control-allow-credentials", List.of("true"));
        }
        if (!cors.exposeHeaders().isEmpty()) {
            headers.put("access-control-expose-headers", List.of(String.join(",", cors.exposeHeaders())));
        }
        return true;
    }

    /** The routes to serve now: read again, and the functions' JVMs restarted, once the compiler is done. */
    private Routes current() throws InterruptedException {
        long changed = watcher.settledChangeSince(loadedAt);
        if (changed != loadedAt) {
            synchronized (this) {
                if (changed != loadedAt) {
                    console.info("Classes changed: reading the routes again and restarting the functions");
                    workers.restart();
                    routes = load();
                    loadedAt = changed;
                    if (routes.problem() != null) {
                        console.warn(routes.problem());
                    }
                }
            }
        }
        return routes;
    }

    private Routes load() {
        try {
            ServiceModel service = LocalJvm.service(
                    request.settings(),
                    request.classesDirectory(),
                    LocalJvm.scanClasspath(request.classpath(), request.layerModules()));
            HttpApiSettings http = service.http();
            String httpBase = http.stage().equals(HttpApiSettings.DEFAULT_STAGE) ? "" : "/" + http.stage();
            return new Routes(
                    service,
                    new RouteMatcher(service, ApiKind.HTTP),
                    new RouteMatcher(service, ApiKind.REST),
                    httpBase,
                    "/" + http.restStage(),
                    null);
        } catch (SpartaUserException | IOException e) {
            return new Routes(null, null, null, null, null, e.getMessage());
        }
    }

    private void describe(URI base) {
        ServiceModel service = routes.service();
        List<String> lines = new ArrayList<>();
        for (LambdaFunction function : service.functions()) {
            for (HttpRouteTrigger route : function.triggers(HttpRouteTrigger.class)) {
                String prefix = route.api() == ApiKind.HTTP ? routes.httpBase() : routes.restBase();
                String authorizer = service.http().authorizer(route);
                lines.add(String.format(
                        Locale.ROOT,
                        "  %-7s %s%s%s -> %s (%s API%s)",
                        route.method(),
                        base,
                        prefix,
                        route.path(),
                        function.name(),
                        route.api(),
                        authorizer.equals(HttpRoute.NONE) ? "" : ", authorizer " + authorizer));
            }
        }
        if (lines.isEmpty()) {
            console.warn("No function declares an @HttpRoute, so every request gets 404; serving anyway, since the"
                    + " next compilation may add one");
        }
        console.info("Serving " + service.serviceName() + " at " + base + " (classes reloaded when they change):");
        lines.forEach(console::info);
    }

    private static boolean underBase(String path, String base) {
        return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
    }

    private static IncomingRequest below(IncomingRequest incoming, String base) {
        String path = incoming.path().substring(base.length());
        return new IncomingRequest(
                incoming.method(),
                path.isEmpty() ? "/" : path,
                incoming.rawQuery(),
                incoming.headers(),
                incoming.body(),
                incoming.sourceIp(),
                incoming.host());
    }

    private static IncomingRequest incoming(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        String host = headers.containsKey("host") ? headers.get("host").get(0) : "localhost";
        return new IncomingRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                headers,
                body(exchange),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                host);
    }

    /** The size API Gateway's quota counts: the request line and every header value. */
    private static int requestLineAndHeaders(HttpExchange exchange) {
        int size = (exchange.getRequestMethod() + " " + exchange.getRequestURI().toString() + " "
                        + exchange.getProtocol())
                .getBytes(StandardCharsets.UTF_8)
                .length;
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String value : values) {
                size += value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return size;
    }

    /**
     * The request's body, read up to one byte past API Gateway's quota (enough to know it is over), the rest
     * drained so the client reads the answer.
     */
    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(LocalLimits.API_PAYLOAD_MAX + 1);
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        return body;
    }

    private static void send(HttpExchange exchange, ProxyEvents.Reply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean empty = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }
}
