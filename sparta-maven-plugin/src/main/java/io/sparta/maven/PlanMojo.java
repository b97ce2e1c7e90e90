package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.workflow.ProvisionWorkflow;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what {@code sparta:provision} would change, executing nothing: creates the change set, describes it and
 * deletes it. Lists each resource change (add, modify, remove, replacement and the properties causing it), the
 * permission statements added and removed with those that broaden access, and the data a change would destroy.
 * Writes {@code target/sparta/plan.md} (Markdown for a pull-request comment) and {@code plan.json}. Works per
 * environment with {@code -Dsparta.environment}.
 */
@Mojo(name = "plan", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class PlanMojo extends AbstractChangeSetMojo {

    /** The bucket for templates, as for {@code sparta:provision}. */
    @Parameter(property = "sparta.s3Bucket")
    String s3Bucket;

    /** Fails the build when the plan has changes: a CI gate that a deployment is a no-op, or needs review. */
    @Parameter(property = "sparta.failOnChanges", defaultValue = "false")
    boolean failOnChanges;

    /** The name of an existing stack Sparta did not create, to plan taking it over (see {@code provision}). */
    @Parameter(property = "sparta.adoptStack")
    String adoptStack;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        // A plan runs no hook and prunes nothing: what provision would add to the stack is all it shows.
        new ProvisionWorkflow(console)
                .plan(
                        provisionRequest(
                                s3Bucket,
                                Extensions.NONE,
                                safeguards(false, false, adoptStack),
                                ArtifactPruner.Policy.defaults()),
                        failOnChanges);
    }
}
