package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.PipelineWorkflow;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Hands this build to the delivery pipeline: uploads the archive under its content hash (skipped when it is there)
 * and the package whose environment configurations name it (skipped when unchanged, so the pipeline runs only for
 * a new build). Bind it to {@code deploy} in any CI.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractPipelineMojo {

    /**
     * Upload the package zip, which starts the pipeline; false lays it out in {@code target/sparta/publish} for a
     * CodeBuild stage to hand on.
     */
    @Parameter(property = "sparta.uploadPackage", defaultValue = "true")
    boolean uploadPackage;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new PipelineWorkflow(console).publish(request(uploadPackage, io.sparta.core.plan.Safeguards.none()));
    }
}
