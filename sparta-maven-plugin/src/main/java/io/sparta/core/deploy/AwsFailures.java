package io.sparta.core.deploy;

import io.sparta.core.common.SpartaUserException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the AWS SDK's exceptions into Sparta's own, so what a user reads names the fix and no caller outside the
 * core handles an SDK type: a {@link SpartaUserException} for what the user can change (credentials, permissions),
 * an {@link AwsCallException} for AWS or the network failing.
 */
public final class AwsFailures {

    /** A call to AWS that failed for reasons outside the user's configuration. */
    public static final class AwsCallException extends Exception {

        AwsCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AwsFailures() {}

    /** @return the exception as Sparta reports it; {@code e} itself when it is not the SDK's */
    public static Exception explain(Exception e) {
        if (e instanceof AwsServiceException aws) {
            return service(aws);
        }
        if (e instanceof SdkClientException client) {
            return String.valueOf(client.getMessage()).contains("Unable to load credentials")
                    ? new SpartaUserException(
                            "No AWS credentials found: set <profile> (or -Dsparta.profile),"
                                    + " AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                            e)
                    : new AwsCallException("Could not reach AWS: " + e.getMessage(), e);
        }
        if (e instanceof SdkException) {
            return new AwsCallException(e.getMessage(), e);
        }
        return e;
    }

    private static Exception service(AwsServiceException e) {
        String operation =
                e.awsErrorDetails() == null ? "" : e.awsErrorDetails().serviceName() + " ";
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        if (e.statusCode() == 403 || code.matches("AccessDenied.*|ExpiredToken.*|InvalidClientTokenId")) {
            return new SpartaUserException(
                    "AWS refused a " + operation + "call for these credentials: " + e.getMessage()
                            + ". Check <profile>/<region> and the IAM permissions",
                    e);
        }
        return new AwsCallException("AWS " + operation + "call failed: " + e.getMessage(), e);
    }
}
