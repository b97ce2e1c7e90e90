package io.sparta.local;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main class of the JVM sparta:invoke starts: runs one handler once and writes its response, or the error as
 * Lambda reports it, to a result file.
 *
 * <p>Arguments: handler, event file, result file, function name, memory in MB, timeout in ms, region. Exit code 0
 * when the handler returned, 1 when it threw, 2 when it ran out of time.
 */
public final class LocalRunner {

    public static final int HANDLER_FAILED = 1;
    public static final int TIMED_OUT = 2;

    private LocalRunner() {}

    public static void main(String[] args) throws Exception {
        String handler = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Path result = Path.of(args[2]);
        long timeoutMillis = Long.parseLong(args[5]);
        LocalContext context = new LocalContext(args[3], Integer.parseInt(args[4]), timeoutMillis, args[6]);
        System.out.println("START RequestId: " + context.getAwsRequestId() + " Version: $LATEST");

        AtomicReference<byte[]> response = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        Thread invocation = new Thread(
                () -> {
                    try {
                        response.set(
                                new HandlerCall(handler, LocalRunner.class.getClassLoader()).invoke(event, context));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "main-handler");
        invocation.setDaemon(true);
        invocation.start();
        invocation.join(timeoutMillis);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("END RequestId: " + context.getAwsRequestId());
        System.out.printf(
                Locale.ROOT,
                "REPORT RequestId: %s Duration: %.2f ms Memory Size: %d MB%n",
                context.getAwsRequestId(),
                seconds * 1000,
                context.getMemoryLimitInMB());
        System.out.flush();
        if (invocation.isAlive()) {
            write(result, timeoutJson(context.getAwsRequestId(), timeoutMillis));
            System.exit(TIMED_OUT);
        }
        if (failure.get() != null) {
            write(result, errorJson(failure.get()));
            System.exit(HANDLER_FAILED);
        }
        Files.write(result, response.get());
        System.exit(0);
    }

    /** The error document Lambda returns for an uncaught exception: errorMessage, errorType, stackTrace. */
    static String errorJson(Throwable error) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("errorMessage", String.valueOf(error.getMessage()));
        document.put("errorType", error.getClass().getName());
        document.put(
                "stackTrace",
                Arrays.stream(error.getStackTrace()).map(String::valueOf).toList());
        return JacksonFactory.getInstance().getMapper().writeValueAsString(document);
    }

    private static String timeoutJson(String requestId, long timeoutMillis) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "errorMessage",
                String.format(Locale.ROOT, "%s Task timed out after %.2f seconds", requestId, timeoutMillis / 1000.0));
        document.put("errorType", "Sandbox.Timedout");
        return JacksonFactory.getInstance().getMapper().writeValueAsString(document);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
