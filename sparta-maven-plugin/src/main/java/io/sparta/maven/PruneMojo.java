package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.workflow.StackWorkflows;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes the service's archives and templates that no stack deploys or can roll back to (what provision also does
 * after each success) and reports the objects and bytes freed. Every stack of the service sharing the bucket is
 * taken into account, environments included.
 */
@Mojo(name = "prune", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class PruneMojo extends AbstractAwsMojo {

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

    /** Lists what would be deleted and deletes nothing. */
    @Parameter(property = "sparta.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void run(Console console) throws SpartaUserException {
        new StackWorkflows(console)
                .prune(awsTarget(), pruneRequest(s3Bucket, keepDeployments, pruneMinAgeMinutes, dryRun));
    }
}
