package io.sparta.runtime.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A CloudFormation custom resource handler: extend it, implement {@link #create}, {@link #update} and
 * {@link #delete}, and declare it with {@code @SpartaLambda} and {@code @CustomResource}. It follows
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html">Custom resource
 * request objects</a> and
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">response
 * objects</a>.
 *
 * <pre>{@code
 * public final class Seeder extends CustomResourceFunction {
 *     protected CustomResourceResult create(CustomResourceRequest request) {
 *         String table = request.property("TableName");
 *         int rows = seed(table, request.listProperty("Ids"));
 *         return CustomResourceResult.of(table + "-seed").withData("RowCount", String.valueOf(rows));
 *     }
 *     protected CustomResourceResult update(CustomResourceRequest request) { return create(request); }
 *     protected void delete(CustomResourceRequest request) {}
 * }
 * }</pre>
 *
 * <p>CloudFormation invokes the function asynchronously and then waits for an answer at the request's pre-signed
 * {@code ResponseURL}; a function that throws is retried by Lambda and the stack waits an hour before it fails. So
 * {@link #handleRequest} always answers: a lifecycle method that returns answers SUCCESS; one that throws, runs out
 * of time or returns null answers FAILED, with a {@link CustomResourceException}'s message verbatim as the reason
 * the stack events show, or {@code ExceptionSimpleName: message} for any other exception.
 *
 * <p>Physical ids: Create chooses one (a failed Create answers {@link #FAILED_CREATE_PREFIX} + the request id, and
 * the Delete of the rollback that follows is answered without calling {@link #delete}). Update may return a
 * different one: CloudFormation takes that as a replacement and, once the stack update completes, sends Delete for
 * the old id. Delete answers with the request's id.
 */
public abstract class CustomResourceFunction implements RequestHandler<Map<String, Object>, Void> {

    /**
     * The start of the physical id a failed Create answers. CloudFormation needs one even then, and sends Delete
     * with it when it rolls back; this prefix tells that Delete that nothing was created.
     */
    public static final String FAILED_CREATE_PREFIX = "sparta-failed-create-";

    /**
     * Time kept back from the function's remaining time to answer CloudFormation before Lambda stops the function:
     * {@value #SAFETY_MARGIN_PERCENT}% of it, at least {@value #SAFETY_MARGIN_MIN_MILLIS} ms and at most
     * {@value #SAFETY_MARGIN_MILLIS} ms, and never more than half. Answering takes a few hundred milliseconds in a
     * fresh JVM (the HTTP client's classes, the connection), which a 3-second function must still have.
     */
    static final long SAFETY_MARGIN_MILLIS = 2_000;

    static final long SAFETY_MARGIN_MIN_MILLIS = 1_000;

    static final int SAFETY_MARGIN_PERCENT = 10;

    /**
     * Creates the resource.
     *
     * @return its physical id and data; never null
     * @throws CustomResourceException with the reason for the stack events, when the template asks for something
     *     impossible
     * @throws Exception anything else, answered as {@code ExceptionSimpleName: message}
     */
    protected abstract CustomResourceResult create(CustomResourceRequest request) throws Exception;

    /**
     * Updates the resource from {@link CustomResourceRequest#oldProperties()} to
     * {@link CustomResourceRequest#properties()}. Returning another physical id than the request's replaces the
     * resource: CloudFormation then sends Delete for the old id. A failed update is rolled back with a second Update
     * whose old and new properties are swapped.
     *
     * @return its physical id and data; never null
     * @throws CustomResourceException with the reason for the stack events
     * @throws Exception anything else, answered as {@code ExceptionSimpleName: message}
     */
    protected abstract CustomResourceResult update(CustomResourceRequest request) throws Exception;

    /**
     * Deletes the resource named by {@link CustomResourceRequest#physicalResourceId()}. Should succeed when it is
     * already gone: a FAILED Delete leaves the stack in DELETE_FAILED.
     *
     * @throws CustomResourceException with the reason for the stack events
     * @throws Exception anything else, answered as {@code ExceptionSimpleName: message}
     */
    protected abstract void delete(CustomResourceRequest request) throws Exception;

    /**
     * Answers one CloudFormation request: runs the lifecycle method it asks for on its own daemon thread, waiting
     * at most the function's remaining time less the safety margin (no limit when {@code context} is null), and PUTs
     * SUCCESS or FAILED to {@code ResponseURL}, at most 3 attempts. Logs one line per answer through the context's
     * logger (standard output without a context), never the URL's query, which holds its signature.
     *
     * @param event the request as Lambda's runtime deserializes CloudFormation's JSON
     * @return null: CloudFormation reads the answer at ResponseURL, not the function's result
     * @throws IllegalArgumentException when {@code event} has no {@code ResponseURL} or {@code RequestType}, or its
     *     ResponseURL is not a URL: it did not come from CloudFormation and there is nowhere to answer
     */
    @Override
    public final Void handleRequest(Map<String, Object> event, Context context) {
        URI responseUrl = responseUrl(event);
        Consumer<String> log = logger(context);
        CustomResourceResponse response = answer(event, context).fitted();
        log.accept("Custom resource " + text(event, "LogicalResourceId") + " (" + text(event, "ResourceType") + ") "
                + text(event, "RequestType") + ": " + response.status() + ", physical id "
                + response.physicalResourceId() + (response.reason() == null ? "" : ", reason: " + response.reason())
                + "; answering " + ResponseSender.withoutQuery(responseUrl));
        if (!ResponseSender.send(responseUrl, response.toBytes(), log)) {
            // Nothing else reaches CloudFormation: throwing would only make Lambda run the request again.
            log.accept("CloudFormation did not receive the answer for " + text(event, "LogicalResourceId")
                    + "; the stack waits until its custom resource timeout");
        }
        return null;
    }

    private static URI responseUrl(Map<String, Object> event) {
        if (event == null) {
            throw new IllegalArgumentException("Not a CloudFormation custom resource request: the event is null");
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("ResponseURL", "RequestType")) {
            if (!(event.get(key) instanceof String value) || value.isEmpty()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Not a CloudFormation custom resource request: the event has no "
                    + String.join(" and no ", missing) + " (keys: " + String.join(", ", event.keySet()) + ")");
        }
        try {
            URI url = URI.create((String) event.get("ResponseURL"));
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return url;
        } catch (IllegalArgumentException e) {
            // The message must not repeat the URL: its query holds a signature.
            throw new IllegalArgumentException("The event's ResponseURL is not an absolute URL", e);
        }
    }

    private CustomResourceResponse answer(Map<String, Object> event, Context context) {
        String stackId = text(event, "StackId");
        String requestId = text(event, "RequestId");
        String logicalId = text(event, "LogicalResourceId");
        String physicalId = text(event, "PhysicalResourceId");
        String wireType = text(event, "RequestType");
        RequestType type;
        try {
            type = RequestType.of(wireType);
        } catch (IllegalArgumentException e) {
            return CustomResourceResponse.failure(
                    stackId,
                    requestId,
                    logicalId,
                    physicalId != null ? physicalId : FAILED_CREATE_PREFIX + requestId,
                    "Unknown RequestType \"" + wireType + "\"; CloudFormation sends " + RequestType.allowed());
        }
        String failedId = type == RequestType.CREATE ? FAILED_CREATE_PREFIX + requestId : physicalId;
        CustomResourceRequest request;
        try {
            request = new CustomResourceRequest(
                    type,
                    stackId,
                    requestId,
                    logicalId,
                    physicalId,
                    text(event, "ResourceType"),
                    object(event, "ResourceProperties"),
                    object(event, "OldResourceProperties"));
        } catch (CustomResourceException e) {
            return CustomResourceResponse.failure(stackId, requestId, logicalId, failedId, e.getMessage());
        }
        if (type == RequestType.DELETE && physicalId != null && physicalId.startsWith(FAILED_CREATE_PREFIX)) {
            return deleted(request);
        }
        return runWithin(request, failedId, context);
    }

    /** The lifecycle method on a daemon thread, so that a slow one still leaves time to answer. */
    private CustomResourceResponse runWithin(CustomResourceRequest request, String failedId, Context context) {
        CompletableFuture<CustomResourceResponse> outcome = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        outcome.complete(run(request));
                    } catch (Throwable e) {
                        outcome.completeExceptionally(e);
                    }
                },
                "sparta-custom-resource-" + request.logicalResourceId());
        // Daemon: a method still running after the answer must not keep the JVM from stopping.
        worker.setDaemon(true);
        long waitMillis = context == null ? -1 : waitMillis(context.getRemainingTimeInMillis());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        worker.start();
        // While the method runs: the answer then does not wait for the HTTP client's classes.
        ResponseSender.prepare();
        try {
            return waitMillis < 0
                    ? outcome.get()
                    : outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The method may go on after the answer (until Lambda freezes the container); interrupting asks it not to.
            worker.interrupt();
            return CustomResourceResponse.failure(
                    request,
                    failedId,
                    request.requestType().wireName() + " did not finish within " + waitMillis + " ms, the time the"
                            + " function had left less a margin to answer CloudFormation; give the function more"
                            + " time with @SpartaLambda(timeout = ...) (seconds, up to 900)");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof CustomResourceException)) {
                // The reason holds the message only; where it came from goes to the function's log.
                java.io.StringWriter trace = new java.io.StringWriter();
                e.getCause().printStackTrace(new java.io.PrintWriter(trace));
                logger(context).accept(trace.toString());
            }
            return CustomResourceResponse.failure(request, failedId, reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            return CustomResourceResponse.failure(
                    request, failedId, request.requestType().wireName() + " was interrupted");
        }
    }

    /** How long the lifecycle method may take when {@code remainingMillis} remain; never negative. */
    static long waitMillis(long remainingMillis) {
        long margin = Math.min(
                remainingMillis / 2,
                Math.min(
                        SAFETY_MARGIN_MILLIS,
                        Math.max(SAFETY_MARGIN_MIN_MILLIS, remainingMillis * SAFETY_MARGIN_PERCENT / 100)));
        return Math.max(0, remainingMillis - margin);
    }

    private CustomResourceResponse run(CustomResourceRequest request) throws Exception {
        switch (request.requestType()) {
            case CREATE:
                return CustomResourceResponse.success(request, required(create(request), "create"));
            case UPDATE:
                return CustomResourceResponse.success(request, required(update(request), "update"));
            case DELETE:
                delete(request);
                return deleted(request);
            default:
                throw new IllegalStateException(request.requestType().name());
        }
    }

    private CustomResourceResult required(CustomResourceResult result, String method) {
        if (result == null) {
            throw new CustomResourceException(getClass().getName() + "." + method + " returned null; return"
                    + " CustomResourceResult.of(physicalResourceId)");
        }
        return result;
    }

    private static CustomResourceResponse deleted(CustomResourceRequest request) {
        return new CustomResourceResponse(
                CustomResourceResponse.SUCCESS,
                null,
                request.physicalResourceId(),
                request.stackId(),
                request.requestId(),
                request.logicalResourceId(),
                false,
                Map.of());
    }

    /** The FAILED reason: a CustomResourceException's message verbatim, else the exception's simple name too. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof CustomResourceException && message != null && !message.isBlank()) {
            return message;
        }
        // An anonymous class has no simple name.
        String name = failure.getClass().getSimpleName().isEmpty()
                ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String text(Map<String, Object> event, String key) {
        return event.get(key) instanceof String value ? value : null;
    }

    private static Map<String, Object> object(Map<String, Object> event, String key) {
        Object value = event.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new CustomResourceException(
                    key + " is not an object but " + value.getClass().getSimpleName());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, property) -> copy.put(String.valueOf(name), property));
        return copy;
    }

    private static Consumer<String> logger(Context context) {
        LambdaLogger logger = context == null ? null : context.getLogger();
        return logger == null ? System.out::println : logger::log;
    }
}
