package io.sparta.local;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of a handler as Lambda makes it: START, END and REPORT lines around it, the timeout enforced, and an
 * uncaught exception or an exceeded timeout turned into the error document Lambda returns.
 */
final class Invocation {

    enum Outcome {
        RETURNED,
        FAILED,
        TIMED_OUT
    }

    /** @param body the response, or the error document when the handler failed or timed out */
    record Result(Outcome outcome, byte[] body) {}

    /**
     * How Lambda's init phase went: its duration, and what it threw, if anything.
     *
     * @param millis the time from loading the handler's class to its serializers made
     */
    record Init(double millis, Throwable failure) {}

    private Invocation() {}

    /**
     * Lambda's init phase, before any invocation and outside its timeout: the handler's class loaded and
     * initialised, the handler constructed, its serializers made.
     */
    static Init initialize(HandlerCall handler) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            handler.init();
        } catch (Throwable t) {
            failure = t;
        }
        return new Init((System.nanoTime() - started) / 1e6, failure);
    }

    /**
     * One invocation; its timeout covers the handler alone.
     *
     * @param init the init phase that came before this invocation (its REPORT line shows Init Duration), or null
     *     for a warm one
     */
    static Result run(
            HandlerCall handler, byte[] event, LocalContext context, long timeoutMillis, PrintStream log, Init init)
            throws InterruptedException, IOException {
        log.println("START RequestId: " + context.getAwsRequestId() + " Version: $LATEST");
        String initDuration = init == null ? "" : String.format(Locale.ROOT, " Init Duration: %.2f ms", init.millis());
        if (init != null && init.failure() != null) {
            log.println("END RequestId: " + context.getAwsRequestId());
            log.printf(
                    Locale.ROOT,
                    "REPORT RequestId: %s Duration: 0.00 ms Memory Size: %d MB%s%n",
                    context.getAwsRequestId(),
                    context.getMemoryLimitInMB(),
                    initDuration);
            log.flush();
            return new Result(Outcome.FAILED, errorJson(init.failure()));
        }
        // As Lambda's Java runtime does before each invocation: the X-Ray SDK reads the trace from here (or from
        // _X_AMZN_TRACE_ID, which the environment fixed at start: the first invocation carries that same header).
        String startHeader = System.getenv("_X_AMZN_TRACE_ID");
        System.setProperty(
                TraceHeader.PROPERTY, init != null && startHeader != null ? startHeader : TraceHeader.next());
        AtomicReference<byte[]> response = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        Thread invocation = new Thread(
                () -> {
                    try {
                        response.set(handler.invoke(event, context));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "main-handler");
        invocation.setDaemon(true);
        invocation.start();
        invocation.join(timeoutMillis);
        double millis = (System.nanoTime() - started) / 1e6;
        log.println("END RequestId: " + context.getAwsRequestId());
        log.printf(
                Locale.ROOT,
                "REPORT RequestId: %s Duration: %.2f ms Memory Size: %d MB%s%n",
                context.getAwsRequestId(),
                millis,
                context.getMemoryLimitInMB(),
                initDuration);
        log.flush();
        if (invocation.isAlive()) {
            return new Result(Outcome.TIMED_OUT, timeoutJson(context.getAwsRequestId(), timeoutMillis));
        }
        if (failure.get() != null) {
            return new Result(Outcome.FAILED, errorJson(failure.get()));
        }
        return new Result(Outcome.RETURNED, response.get());
    }

    /** The error document Lambda returns for an uncaught exception: errorMessage, errorType, stackTrace. */
    static byte[] errorJson(Throwable error) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("errorMessage", String.valueOf(error.getMessage()));
        document.put("errorType", error.getClass().getName());
        document.put(
                "stackTrace",
                Arrays.stream(error.getStackTrace()).map(String::valueOf).toList());
        return JacksonFactory.getInstance().getMapper().writeValueAsBytes(document);
    }

    private static byte[] timeoutJson(String requestId, long timeoutMillis) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "errorMessage",
                String.format(Locale.ROOT, "%s Task timed out after %.2f seconds", requestId, timeoutMillis / 1000.0));
        document.put("errorType", "Sandbox.Timedout");
        return JacksonFactory.getInstance()
                .getMapper()
                .writeValueAsString(document)
                .getBytes(StandardCharsets.UTF_8);
    }
}
