package io.sparta.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/** A local AWS API as a child process on a free loopback port: started, waited for, stopped. */
final class LocalServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private LocalServer(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the command for a free port and waits until {@code readyPath} answers 200.
     *
     * @param command the command line for a port
     * @param log where its output goes
     */
    static LocalServer start(String name, IntFunction<List<String>> command, String readyPath, Path log) {
        int port = freeLoopbackPort();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command.apply(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            LocalServer server = new LocalServer(name, process, port, log);
            server.awaitReady(readyPath);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    int port() {
        return port;
    }

    private void awaitReady(String readyPath) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpClient client = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + port + readyPath);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited early; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(name + " did not answer within 60 s; see " + log);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
