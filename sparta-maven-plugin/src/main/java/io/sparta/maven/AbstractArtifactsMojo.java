package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.workflow.PruneRequest;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that use the artifact bucket: provision uploads and prunes, prune prunes, delete may clean up. */
abstract class AbstractArtifactsMojo extends AbstractAwsMojo {

    /**
     * The bucket for archives and templates. Defaults to a bucket Sparta manages in its own stack
     * ({@code sparta-artifacts}): encrypted, public access blocked, TLS only.
     */
    @Parameter(property = "sparta.s3Bucket")
    String s3Bucket;

    /**
     * How many of each stack's newest successful deployments keep their archive and template in the bucket, 1 to
     * 100. The default, 2, keeps the current one and the one a rollback returns to; what any stack deploys now is
     * kept whatever this says.
     */
    @Parameter(property = "sparta.keepDeployments", defaultValue = "" + ArtifactPruner.DEFAULT_KEEP_DEPLOYMENTS)
    int keepDeployments = ArtifactPruner.DEFAULT_KEEP_DEPLOYMENTS;

    /**
     * Minutes during which a newly uploaded object is never pruned, 0 or more: it may belong to a provision that
     * has not yet made its change set.
     */
    @Parameter(property = "sparta.pruneMinAgeMinutes", defaultValue = "" + ArtifactPruner.DEFAULT_MIN_AGE_MINUTES)
    long pruneMinAgeMinutes = ArtifactPruner.DEFAULT_MIN_AGE_MINUTES;

    ArtifactPruner.Policy prunePolicy(boolean dryRun) throws SpartaUserException {
        return ArtifactPruner.Policy.of(keepDeployments, pruneMinAgeMinutes, dryRun);
    }

    PruneRequest pruneRequest(boolean dryRun) throws SpartaUserException {
        return new PruneRequest(
                bucket("<s3Bucket> (-Dsparta.s3Bucket)", s3Bucket),
                serviceSettings().serviceName(),
                prunePolicy(dryRun));
    }
}
