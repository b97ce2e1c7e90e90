package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.PruneRequest;
import io.sparta.core.workflow.StackWorkflows;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes the service's stack and waits until it is gone. A stack that does not exist is not an error. */
@Mojo(name = "delete", threadSafe = true)
public class DeleteMojo extends AbstractArtifactsMojo {

    /**
     * Also deletes the stack's deployment history and then prunes the service's artifacts: what no other stack of
     * the service (another environment) needs goes, and when none is left, every archive and template provision
     * uploaded for the service. Off by default, so that the stack can be recreated from what is there.
     */
    @Parameter(property = "sparta.deleteArtifacts", defaultValue = "false")
    boolean deleteArtifacts;

    @Override
    void run(Console console) throws SpartaUserException {
        Optional<PruneRequest> artifacts = deleteArtifacts ? Optional.of(pruneRequest(false)) : Optional.empty();
        new StackWorkflows(console).delete(awsTarget(), targetStackName(), artifacts);
    }
}
