package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.model.EnvironmentSettings;
import io.sparta.core.plan.Safeguards;
import io.sparta.core.workflow.ProvisionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that make a change set for the service's stack, or an environment's: plan and provision. */
abstract class AbstractChangeSetMojo extends AbstractDeployMojo {

    /**
     * The environment a goal acts on ({@code provision}, {@code status}, {@code delete}, {@code logs}, and the values
     * {@code invoke} and {@code serve} give functions); without it, the service's own stack and values.
     */
    @Parameter(property = "sparta.environment")
    String targetEnvironment;

    // Whether Maven runs interactively, so a guard may ask at the terminal.
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    ProvisionRequest provisionRequest(
            String s3Bucket, Extensions extensions, Safeguards safeguards, ArtifactPruner.Policy prune)
            throws SpartaUserException {
        return new ProvisionRequest(
                outputDirectory.toPath(),
                classesDirectory.toPath(),
                serviceSettings(),
                awsTarget(),
                AwsSettings.bucket("<s3Bucket> (-Dsparta.s3Bucket)", s3Bucket),
                extensions,
                targetEnvironment(targetEnvironment).map(EnvironmentSettings::name),
                safeguards,
                prune);
    }

    Safeguards safeguards(boolean allowDataLoss, boolean allowIamBroadening, String adoptStack) {
        return AwsSettings.safeguards(session, allowDataLoss, allowIamBroadening, adoptStack);
    }
}
