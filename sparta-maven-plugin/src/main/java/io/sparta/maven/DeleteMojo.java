package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.workflow.PruneRequest;
import io.sparta.core.workflow.StackWorkflows;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes the service's stack and waits until it is gone, then lists what the stack kept. A stack that does not
 * exist is not an error; one that is not the service's (no {@code sparta:service} tag naming it) is refused.
 */
@Mojo(name = "delete", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class DeleteMojo extends AbstractStackMojo {

    /**
     * Also deletes the stack's deployment history and then prunes the service's artifacts: what no other stack of
     * the service (another environment) needs goes, and when none is left, every archive and template provision
     * uploaded for the service. Off by default, so that the stack can be recreated from what is there.
     */
    @Parameter(property = "sparta.deleteArtifacts", defaultValue = "false")
    boolean deleteArtifacts;

    /**
     * The name of an existing stack without this service's {@code sparta:service} tag that delete may delete
     * anyway. Delete refuses such a stack otherwise: a stack of the same name someone else deployed is not
     * removed by accident.
     */
    @Parameter(property = "sparta.adoptStack")
    String adoptStack;

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

    @Override
    void run(Console console) throws SpartaUserException {
        Optional<PruneRequest> artifacts = deleteArtifacts
                ? Optional.of(pruneRequest(s3Bucket, keepDeployments, pruneMinAgeMinutes, false))
                : Optional.empty();
        new StackWorkflows(console).delete(awsTarget(), targetStackName(), serviceName, present(adoptStack), artifacts);
    }
}
