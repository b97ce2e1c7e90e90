package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.PipelineWorkflow;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Provisions the service's delivery pipeline in a stack of its own: a bucket that receives published packages, a
 * CodePipeline with one stage per environment (change set, approval where declared, execute), and its
 * least-privilege roles. Run {@code mvn package} first; {@code -Dsparta.dryRun} writes {@code pipeline.json} and
 * the package without calling AWS.
 */
@Mojo(name = "pipeline", threadSafe = true)
public class PipelineMojo extends AbstractPipelineMojo {

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new PipelineWorkflow(console).pipeline(request(true));
    }
}
