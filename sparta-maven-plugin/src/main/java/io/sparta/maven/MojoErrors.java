package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place the core's failures become Maven's: the user's to fix ({@link MojoFailureException}), with what
 * to do, or ours ({@link MojoExecutionException}). What AWS's failures mean is the core's to say
 * ({@link AwsFailures}).
 */
final class MojoErrors {

    private MojoErrors() {}

    /** Throws {@code e} as Maven should report it; an unexpected runtime exception is thrown as it is. */
    static void raise(Exception e) throws MojoExecutionException, MojoFailureException {
        Exception explained = AwsFailures.explain(e);
        if (explained instanceof SpartaUserException) {
            throw new MojoFailureException(explained.getMessage(), explained);
        }
        if (explained instanceof AwsFailures.AwsCallException
                || explained instanceof IOException
                || explained instanceof UncheckedIOException) {
            throw new MojoExecutionException(explained.getMessage(), explained);
        }
        throw (RuntimeException) explained;
    }
}
