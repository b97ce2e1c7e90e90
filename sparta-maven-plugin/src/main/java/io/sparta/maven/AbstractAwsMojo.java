package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.workflow.PruneRequest;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that talk to AWS without the service's model (status, logs, delete, prune): where, as whom, how
 * persistently. {@link AbstractDeployMojo} declares the same four parameters for the goals that read the model.
 */
abstract class AbstractAwsMojo extends AbstractServiceMojo {

    /** The AWS region. Defaults to the SDK's chain: AWS_REGION, then the profile's region. */
    @Parameter(property = "sparta.region")
    String region;

    /** The named profile from ~/.aws/config and ~/.aws/credentials. Defaults to the SDK's credential chain. */
    @Parameter(property = "sparta.profile")
    String profile;

    /**
     * An endpoint that replaces AWS's own for CloudFormation and S3, such as a local moto server. Defaults to
     * the AWS_ENDPOINT_URL environment variable, then to AWS.
     */
    @Parameter(property = "sparta.endpoint")
    String endpoint;

    /** How many times one AWS call is tried on throttling, 5xx and connection errors. */
    @Parameter(property = "sparta.maxAttempts", defaultValue = "10")
    int maxAttempts;

    AwsTarget awsTarget() throws SpartaUserException {
        return AwsSettings.target(region, profile, endpoint, maxAttempts);
    }

    /** What prune, and delete with {@code deleteArtifacts}, remove from the artifact bucket. */
    PruneRequest pruneRequest(String s3Bucket, int keepDeployments, long pruneMinAgeMinutes, boolean dryRun)
            throws SpartaUserException {
        return new PruneRequest(
                AwsSettings.bucket("<s3Bucket> (-Dsparta.s3Bucket)", s3Bucket),
                serviceName,
                ArtifactPruner.Policy.of(keepDeployments, pruneMinAgeMinutes, dryRun));
    }
}
