package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place the core's failures become Maven's: the user's to fix ({@link MojoFailureException}), with what
 * to do, or ours ({@link MojoExecutionException}).
 */
final class MojoErrors {

    private MojoErrors() {}

    /** Throws {@code e} as Maven should report it; an unexpected runtime exception is thrown as it is. */
    static void raise(Exception e) throws MojoExecutionException, MojoFailureException {
        AbstractMojoExecutionException translated = of(e);
        if (translated instanceof MojoFailureException failure) {
            throw failure;
        }
        throw (MojoExecutionException) translated;
    }

    private static AbstractMojoExecutionException of(Exception e) {
        if (e instanceof SpartaUserException) {
            return new MojoFailureException(e.getMessage(), e);
        }
        if (e instanceof AwsServiceException aws) {
            return aws(aws);
        }
        if (e instanceof SdkClientException client) {
            return String.valueOf(client.getMessage()).contains("Unable to load credentials")
                    ? new MojoFailureException(
                            "No AWS credentials found: set <profile> (or -Dsparta.profile),"
                                    + " AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                            e)
                    : new MojoExecutionException("Could not reach AWS: " + e.getMessage(), e);
        }
        if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof SdkException) {
            return new MojoExecutionException(e.getMessage(), e);
        }
        throw (RuntimeException) e;
    }

    private static AbstractMojoExecutionException aws(AwsServiceException e) {
        String operation =
                e.awsErrorDetails() == null ? "" : e.awsErrorDetails().serviceName() + " ";
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        if (e.statusCode() == 403 || code.matches("AccessDenied.*|ExpiredToken.*|InvalidClientTokenId")) {
            return new MojoFailureException(
                    "AWS refused a " + operation + "call for these credentials: " + e.getMessage()
                            + ". Check <profile>/<region> and the IAM permissions",
                    e);
        }
        return new MojoExecutionException("AWS " + operation + "call failed: " + e.getMessage(), e);
    }
}
