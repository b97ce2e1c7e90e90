package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.plan.Safeguards;
import io.sparta.core.workflow.PipelineRequest;
import io.sparta.core.workflow.PipelineSettings;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** What the pipeline's goals share: its name, its stack and its source. */
abstract class AbstractPipelineMojo extends AbstractDeployMojo {

    /** The pipeline: name, stack and source; see the site page "Environments and pipelines". */
    @Parameter
    PipelineConfiguration pipeline;

    /** Write what would be done (the pipeline template; what publish would upload) without any AWS call. */
    @Parameter(property = "sparta.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * The request of either goal; each passes what only it reads ({@code pipelineBucket} and {@code uploadPackage}
     * for publish, {@code s3Bucket} and the safeguards for pipeline) and the other's defaults.
     */
    PipelineRequest request(
            Optional<String> pipelineBucket, boolean uploadPackage, Optional<String> s3Bucket, Safeguards safeguards)
            throws SpartaUserException {
        PipelineConfiguration configured = pipeline == null ? new PipelineConfiguration() : pipeline;
        PipelineSettings settings = PipelineSettings.configured(
                serviceName,
                present(configured.name),
                present(configured.stackName),
                present(configured.connectionArn),
                present(configured.repository),
                present(configured.branch),
                present(configured.buildImage));
        return new PipelineRequest(
                outputDirectory.toPath(),
                classesDirectory.toPath(),
                serviceSettings(),
                awsTarget(),
                settings.name(),
                settings.stackName(),
                settings.repository(),
                settings.buildImage(),
                dryRun,
                pipelineBucket,
                uploadPackage,
                s3Bucket,
                safeguards);
    }
}
