package io.sparta.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A Lambda-like Context: a fresh request id, the function's name and memory, time left before the timeout. */
final class LocalContext implements Context {

    private final String requestId = UUID.randomUUID().toString();
    private final String functionName;
    private final int memoryMb;
    private final long deadlineMillis;
    private final String region;

    /**
     * @param init the init the invocation follows; one still running past its budget is part of the invocation (as
     *     Lambda re-runs it there), so the time it took already counts against the timeout
     */
    LocalContext(String functionName, int memoryMb, long timeoutMillis, String region, Invocation.Init init) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        long spent =
                init != null && init.unfinished() != null ? (System.nanoTime() - init.startedNanos()) / 1_000_000 : 0;
        this.deadlineMillis = System.currentTimeMillis() + timeoutMillis - spent;
        this.region = region;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        // The same name the environment's AWS_LAMBDA_LOG_STREAM_NAME gives, as on Lambda.
        String stream = System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
        return stream != null ? stream : "local/[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
