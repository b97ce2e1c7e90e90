package io.sparta.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** moto's real server, started from the test venv on a free loopback port and stopped on close. */
public final class MotoServer implements AutoCloseable {

    private final LocalServer server;

    private MotoServer(LocalServer server) {
        this.server = server;
    }

    /** Starts moto and waits until it answers; its output goes to {@code log}. */
    public static MotoServer start(PythonTools python, Path log) {
        String executable = python.executable("moto_server").toString();
        return new MotoServer(LocalServer.start(
                "moto_server",
                port -> List.of(executable, "-H", "127.0.0.1", "-p", String.valueOf(port)),
                "/moto-api/",
                log));
    }

    /** The endpoint to hand to AWS clients, in the {@code localhost} form moto's CloudFormation understands. */
    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    @Override
    public void close() {
        server.close();
    }
}
