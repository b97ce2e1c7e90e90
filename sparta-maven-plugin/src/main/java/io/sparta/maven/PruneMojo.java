package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.StackWorkflows;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes the service's archives and templates that no stack deploys or can roll back to (what provision also does
 * after each success) and reports the objects and bytes freed. Every stack of the service sharing the bucket is
 * taken into account, environments included.
 */
@Mojo(name = "prune", threadSafe = true)
public class PruneMojo extends AbstractArtifactsMojo {

    /** Lists what would be deleted and deletes nothing. */
    @Parameter(property = "sparta.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void run(Console console) throws SpartaUserException {
        new StackWorkflows(console).prune(awsTarget(), pruneRequest(dryRun));
    }
}
