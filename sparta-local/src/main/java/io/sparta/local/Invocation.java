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
     * The largest response Lambda returns from a synchronous invocation, in bytes, as its error message names it;
     * see <a href="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html">Lambda quotas</a>.
     */
    static final int RESPONSE_MAX = 6_291_556;

    /**
     * How Lambda's init phase went: its duration, and what it threw, if anything.
     *
     * @param millis the time from loading the handler's class to its serializers made, or the budget it ran out of
     * @param unfinished the init still running when its budget ran out, or null: Lambda then runs init again within
     *     the first invocation, under the function's timeout, and so does the first invocation here by waiting for it
     * @param lateFailure what the unfinished init throws once it ends, or null
     * @param startedNanos when init began, {@link System#nanoTime()}
     */
    record Init(
            double millis,
            Throwable failure,
            Thread unfinished,
            AtomicReference<Throwable> lateFailure,
            long startedNanos) {

        /** What the next invocation sees: null once init succeeded (a warm environment), else a failed or pending one. */
        Init afterInvocation() {
            if (unfinished == null) {
                return failure == null ? null : this;
            }
            if (unfinished.isAlive()) {
                return this;
            }
            return lateFailure.get() == null ? null : new Init(millis, lateFailure.get(), null, null, startedNanos);
        }
    }

    private Invocation() {}

    /**
     * Lambda's init phase, before any invocation and outside its timeout: the handler's class loaded and
     * initialised, the handler constructed, its serializers made. It has its own budget, Lambda's 10 seconds (scaled
     * as the developer asked); one that runs out is reported as Lambda reports it and finished in the first
     * invocation.
     */
    static Init initialize(HandlerCall handler, long budgetMillis, PrintStream log) throws InterruptedException {
        long started = System.nanoTime();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread init = new Thread(
                () -> {
                    try {
                        handler.init();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "main-init");
        init.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        init.setDaemon(true);
        init.start();
        init.join(budgetMillis);
        double millis = (System.nanoTime() - started) / 1e6;
        if (init.isAlive()) {
            log.printf(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms Phase: init Status: timeout%n", millis);
            log.flush();
            return new Init(millis, null, init, failure, started);
        }
        return new Init(millis, failure.get(), null, null, started);
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
        Init pending = init != null && init.unfinished() != null ? init : null;
        // An init that ran out of its budget is finished inside this invocation, whose Duration then counts it.
        String initDuration = init == null || pending != null
                ? ""
                : String.format(Locale.ROOT, " Init Duration: %.2f ms", init.millis());
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
        // Lambda runs an init that outran its budget again inside the invocation, from the start and under the
        // function's timeout; here the same init goes on, so the invocation is timed from when init began, as if
        // the re-run took as long as the first run.
        long started = pending != null ? pending.startedNanos() : System.nanoTime();
        Thread invocation = new Thread(
                () -> {
                    try {
                        if (pending != null) {
                            pending.unfinished().join();
                            if (pending.lateFailure().get() != null) {
                                failure.set(pending.lateFailure().get());
                                return;
                            }
                        }
                        response.set(handler.invoke(event, context));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "main-handler");
        invocation.setDaemon(true);
        invocation.start();
        invocation.join(Math.max(1, timeoutMillis - (System.nanoTime() - started) / 1_000_000));
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
        if (response.get() != null && response.get().length > RESPONSE_MAX) {
            return new Result(Outcome.FAILED, responseTooLargeJson());
        }
        return new Result(Outcome.RETURNED, response.get());
    }

    /** What Lambda returns in place of a response over {@link #RESPONSE_MAX}. */
    private static byte[] responseTooLargeJson() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "errorMessage",
                "Response payload size exceeded maximum allowed payload size (" + RESPONSE_MAX + " bytes).");
        document.put("errorType", "Function.ResponseSizeTooLarge");
        return JacksonFactory.getInstance().getMapper().writeValueAsBytes(document);
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
