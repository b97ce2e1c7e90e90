package io.sparta.core.deploy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls a goal makes, failed ones included, their attempts and the bytes it uploads to S3, so a
 * run can say what it cost.
 */
public final class CallLedger implements ExecutionInterceptor {

    private final Map<String, Integer> callsByOperation = new TreeMap<>();
    private static final java.util.Set<String> UPLOADS = java.util.Set.of("PutObject", "UploadPart");

    private final AtomicLong bytesUploadedToS3 = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = count(attributes);
        // Only object bodies: a DeleteObjects request carries a body too, but uploads nothing.
        if ("S3".equals(service) && UPLOADS.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            context.requestBody().flatMap(body -> body.optionalContentLength()).ifPresent(bytesUploadedToS3::addAndGet);
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
     * One line: {@code 7 AWS calls in 9 attempts (CloudFormation:DescribeStacks 2, ...), 0 bytes uploaded to S3};
     * attempts beyond the calls are the SDK's retries.
     */
    public String summary() {
        synchronized (callsByOperation) {
            StringBuilder line = new StringBuilder()
                    .append(calls())
                    .append(" AWS calls in ")
                    .append(attempts.get())
                    .append(" attempts (");
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
