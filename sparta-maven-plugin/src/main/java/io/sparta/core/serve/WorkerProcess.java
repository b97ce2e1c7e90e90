package io.sparta.core.serve;

import io.sparta.core.common.Console;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One warm JVM running {@code io.sparta.local.ServeWorker} for one function: the handler loaded once, one
 * invocation at a time, what it prints forwarded to the console under the function's name.
 */
final class WorkerProcess implements AutoCloseable {

    static final int RETURNED = 0;
    static final int FAILED = 1;
    static final int TIMED_OUT = 2;

    /** @param outcome {@link #RETURNED}, {@link #FAILED} or {@link #TIMED_OUT} */
    record Reply(int outcome, byte[] body) {}

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream replies;

    WorkerProcess(List<String> command, Map<String, String> environment, String functionName, Console console)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        process = builder.start();
        requests = new DataOutputStream(process.getOutputStream());
        replies = new DataInputStream(process.getInputStream());
        Thread logs = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(line -> console.info("  [" + functionName + "] " + line));
                    } catch (IOException ignored) {
                        // The worker is gone; its last lines are already printed.
                    }
                },
                "sparta-serve-logs-" + functionName);
        logs.setDaemon(true);
        logs.start();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @throws IOException when the worker died, such as after a timeout or a System.exit in the handler */
    Reply invoke(byte[] event) throws IOException {
        try {
            requests.writeInt(event.length);
            requests.write(event);
            requests.flush();
            int outcome = replies.readInt();
            byte[] body = new byte[replies.readInt()];
            replies.readFully(body);
            return new Reply(outcome, body);
        } catch (EOFException e) {
            throw new IOException("the function's JVM exited", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
