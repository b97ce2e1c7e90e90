package io.sparta.core.deploy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls a goal makes, failed ones included, their attempts and the bytes it uploads to S3, and times
 * the SDK's own part (building clients, making calls, waiting for responses), so a run can say what it cost.
 */
public final class CallLedger implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> CALL_STARTED = new ExecutionAttribute<>("SpartaCallStarted");
    private static final ExecutionAttribute<Long> ATTEMPT_SENT = new ExecutionAttribute<>("SpartaAttemptSent");

    private final Map<String, Integer> callsByOperation = new TreeMap<>();
    private static final java.util.Set<String> UPLOADS = java.util.Set.of("PutObject", "UploadPart");

    private final AtomicLong bytesUploadedToS3 = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong clientsBuilt = new AtomicLong();
    private final AtomicLong buildingNanos = new AtomicLong();
    private final AtomicLong callNanos = new AtomicLong();
    private final AtomicLong waitingNanos = new AtomicLong();

    /** One client (an SDK service client or the HTTP client they share) took {@code nanos} to build. */
    void clientBuilt(long nanos) {
        clientsBuilt.incrementAndGet();
        buildingNanos.addAndGet(nanos);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CALL_STARTED, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
        attributes.putAttribute(ATTEMPT_SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long sent = attributes.getAttribute(ATTEMPT_SENT);
        if (sent != null) {
            waitingNanos.addAndGet(System.nanoTime() - sent);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(attributes);
        timeCall(attributes);
    }

    /**
     * Names the call on its exception ({@link AwsFailures.FailedCall}, as a suppressed exception: the type and
     * message the caller may test stay as they are), so the message a user reads says which call failed and on
     * what.
     */
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (AwsFailures.call(failure).isEmpty()) {
            failure.addSuppressed(new AwsFailures.FailedCallMarker(new AwsFailures.FailedCall(
                    String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)),
                    String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)),
                    resource(context.request()))));
        }
        return failure;
    }

    /** The request's fields that name what it is about, in this order, each with what it is. */
    private static final Map<String, String> NAMING_FIELDS = namingFields();

    private static Map<String, String> namingFields() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("StackName", "stack");
        fields.put("ChangeSetName", "change set");
        fields.put("LogicalResourceId", "resource");
        fields.put("Bucket", "bucket");
        fields.put("Key", "key");
        fields.put("RoleName", "role");
        fields.put("LogGroupName", "log group");
        fields.put("QueueName", "queue");
        fields.put("QueueUrl", "queue");
        fields.put("TopicArn", "topic");
        fields.put("StreamName", "stream");
        fields.put("StreamARN", "stream");
        fields.put("StreamArn", "stream");
        fields.put("TableName", "table");
        fields.put("LayerName", "layer");
        fields.put("Arn", "ARN");
        fields.put("VersionNumber", "version");
        fields.put("FunctionName", "function");
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** {@code stack orders, change set sparta-1}: the naming fields the request has set. */
    static String resource(software.amazon.awssdk.core.SdkRequest request) {
        StringBuilder named = new StringBuilder();
        NAMING_FIELDS.forEach((field, what) -> {
            Object value;
            try {
                value = request.getValueForField(field, Object.class).orElse(null);
            } catch (RuntimeException notThisRequestsField) {
                value = null;
            }
            if (value != null && !String.valueOf(value).isEmpty()) {
                named.append(named.length() == 0 ? "" : ", ")
                        .append(what)
                        .append(' ')
                        .append(value);
            }
        });
        return named.toString();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        timeCall(attributes);
        String service = count(attributes);
        // Only object bodies: a DeleteObjects request carries a body too, but uploads nothing.
        if ("S3".equals(service) && UPLOADS.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            context.requestBody().flatMap(body -> body.optionalContentLength()).ifPresent(bytesUploadedToS3::addAndGet);
        }
    }

    private void timeCall(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(CALL_STARTED);
        if (started != null) {
            callNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private String count(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (callsByOperation) {
            callsByOperation.merge(service + ":" + operation, 1, Integer::sum);
        }
        return service;
    }

    /** A call made without an SDK client (a service whose module the pinned SDK lacks), counted as one attempt. */
    public void record(String service, String operation) {
        attempts.incrementAndGet();
        synchronized (callsByOperation) {
            callsByOperation.merge(service + ":" + operation, 1, Integer::sum);
        }
    }

    public int calls() {
        synchronized (callsByOperation) {
            return callsByOperation.values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }
    }

    public long bytesUploadedToS3() {
        return bytesUploadedToS3.get();
    }

    /**
     * What the goal's AWS calls cost, in one line: {@link #counts()}, then {@link #sdkTimes()} after a semicolon.
     */
    public String summary() {
        return counts() + "; " + sdkTimes();
    }

    /**
     * Where the AWS SDK's time went, in milliseconds: {@code the AWS SDK built 3 clients in 612 ms; its 9 calls took
     * 640 ms, 150 ms of it waiting for responses}. Building is summed over the clients, some of which a session
     * builds on a second thread while the goal does other work ({@link AwsSession#prepareCloudFormationAndS3()});
     * a call is timed from the SDK's first interceptor hook (request marshalling, endpoint rules, signing and the
     * response's unmarshalling included) to its last, and waiting from each attempt's sending to its response.
     */
    public String sdkTimes() {
        long built = clientsBuilt.get();
        int calls = calls();
        return "the AWS SDK built " + built + (built == 1 ? " client in " : " clients in ")
                + millis(buildingNanos.get()) + " ms; its " + calls + (calls == 1 ? " call took " : " calls took ")
                + millis(callNanos.get()) + " ms, " + millis(waitingNanos.get()) + " ms of it waiting for responses";
    }

    private static long millis(long nanos) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * The calls alone: {@code 7 AWS calls in 9 attempts (CloudFormation:DescribeStacks 2, ...), 0 bytes uploaded to
     * S3}; attempts beyond the calls are the SDK's retries.
     */
    public String counts() {
        synchronized (callsByOperation) {
            StringBuilder line = new StringBuilder()
                    .append(calls())
                    .append(calls() == 1 ? " AWS call in " : " AWS calls in ")
                    .append(attempts.get())
                    .append(attempts.get() == 1 ? " attempt (" : " attempts (");
            callsByOperation.forEach((operation, count) ->
                    line.append(operation).append(' ').append(count).append(", "));
            if (!callsByOperation.isEmpty()) {
                line.setLength(line.length() - 2);
            }
            return line.append("), ")
                    .append(bytesUploadedToS3())
                    .append(" bytes uploaded to S3")
                    .toString();
        }
    }
}
