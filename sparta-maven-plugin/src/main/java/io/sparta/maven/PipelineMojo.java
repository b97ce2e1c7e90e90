package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.PipelineWorkflow;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Provisions the service's delivery pipeline in a stack of its own: a bucket that receives published packages, a
 * CodePipeline with one stage per environment (change set, approval where declared, execute), and its
 * least-privilege roles. Run {@code mvn package} first; {@code -Dsparta.dryRun} writes {@code pipeline.json} and
 * the package without calling AWS.
 */
@Mojo(name = "pipeline", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class PipelineMojo extends AbstractPipelineMojo {

    /**
     * The bucket {@code pipeline} uploads the pipeline's template to for CloudFormation. Defaults to the bucket
     * Sparta manages ({@code sparta-artifacts}).
     */
    @Parameter(property = "sparta.s3Bucket")
    String s3Bucket;

    /** Allows a pipeline update that removes or replaces its artifact bucket's data (see {@code provision}). */
    @Parameter(property = "sparta.allowDataLoss", defaultValue = "false")
    boolean allowDataLoss;

    /** Allows a pipeline update whose roles grant more than before (see {@code provision}). */
    @Parameter(property = "sparta.allowIamBroadening", defaultValue = "false")
    boolean allowIamBroadening;

    /** An existing stack Sparta did not create that the pipeline may take over (see {@code provision}). */
    @Parameter(property = "sparta.adoptStack")
    String adoptStack;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new PipelineWorkflow(console)
                .pipeline(request(
                        Optional.empty(),
                        true,
                        AwsSettings.bucket("<s3Bucket> (-Dsparta.s3Bucket)", s3Bucket),
                        AwsSettings.safeguards(session, allowDataLoss, allowIamBroadening, adoptStack)));
    }
}
