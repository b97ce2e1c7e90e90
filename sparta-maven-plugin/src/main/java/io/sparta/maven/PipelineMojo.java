package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.PipelineWorkflow;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Provisions the service's delivery pipeline in a stack of its own: a bucket that receives published packages, a
 * CodePipeline with one stage per environment (change set, approval where declared, execute), and its
 * least-privilege roles. Run {@code mvn package} first; {@code -Dsparta.dryRun} writes {@code pipeline.json} and
 * the package without calling AWS.
 */
@Mojo(name = "pipeline", threadSafe = true)
public class PipelineMojo extends AbstractPipelineMojo {

    /** Allows a pipeline update that removes or replaces its artifact bucket's data (see {@code provision}). */
    @Parameter(property = "sparta.allowDataLoss", defaultValue = "false")
    boolean allowDataLoss;

    /** Allows a pipeline update whose roles grant more than before (see {@code provision}). */
    @Parameter(property = "sparta.allowIamBroadening", defaultValue = "false")
    boolean allowIamBroadening;

    /** An existing stack Sparta did not create that the pipeline may take over (see {@code provision}). */
    @Parameter(property = "sparta.adoptStack")
    String adoptStack;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new PipelineWorkflow(console)
                .pipeline(request(true, safeguards(allowDataLoss, allowIamBroadening, adoptStack)));
    }
}
