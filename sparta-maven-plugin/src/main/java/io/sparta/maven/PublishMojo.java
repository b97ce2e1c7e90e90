package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.plan.Safeguards;
import io.sparta.core.workflow.PipelineWorkflow;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Hands this build to the delivery pipeline: uploads the archive under its content hash (skipped when it is there)
 * and the package whose environment configurations name it (skipped when unchanged, so the pipeline runs only for
 * a new build). Bind it to {@code deploy} in any CI.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, configurator = SpartaConfigurator.HINT)
public class PublishMojo extends AbstractPipelineMojo {

    /**
     * Upload the package zip, which starts the pipeline; false lays it out in {@code target/sparta/publish} for a
     * CodeBuild stage to hand on.
     */
    @Parameter(property = "sparta.uploadPackage", defaultValue = "true")
    boolean uploadPackage;

    /** The pipeline's bucket, when known (its CodeBuild project sets SPARTA_PIPELINE_BUCKET); else read from its stack. */
    @Parameter(property = "sparta.pipelineBucket", defaultValue = "${env.SPARTA_PIPELINE_BUCKET}")
    String pipelineBucket;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new PipelineWorkflow(console)
                .publish(request(
                        AwsSettings.bucket(
                                "<pipelineBucket> (-Dsparta.pipelineBucket)", unresolvedToNull(pipelineBucket)),
                        uploadPackage,
                        Optional.empty(),
                        Safeguards.none()));
    }

    /** CodeBuild passes ${env.SPARTA_PIPELINE_BUCKET}, left as written when the variable is not set. */
    private static String unresolvedToNull(String value) {
        return value == null || value.startsWith("${") ? null : value;
    }
}
