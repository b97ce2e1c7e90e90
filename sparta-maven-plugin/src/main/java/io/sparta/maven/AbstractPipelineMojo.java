package io.sparta.maven;

import io.sparta.core.workflow.PipelineRequest;
import io.sparta.core.workflow.PipelineSettings;
import org.apache.maven.plugins.annotations.Parameter;

/** What the pipeline's goals share: its name, its stack and its source. */
abstract class AbstractPipelineMojo extends AbstractAwsMojo {

    /** The pipeline: name, stack and source; see the site page "Environments and pipelines". */
    @Parameter
    PipelineConfiguration pipeline;

    /** The pipeline's bucket, when known (its CodeBuild project sets SPARTA_PIPELINE_BUCKET); else read from its stack. */
    @Parameter(property = "sparta.pipelineBucket", defaultValue = "${env.SPARTA_PIPELINE_BUCKET}")
    String pipelineBucket;

    /**
     * The bucket {@code pipeline} uploads the pipeline's template to for CloudFormation. Defaults to the bucket
     * Sparta manages ({@code sparta-artifacts}).
     */
    @Parameter(property = "sparta.s3Bucket")
    String s3Bucket;

    /** Write what would be done (the pipeline template; what publish would upload) without any AWS call. */
    @Parameter(property = "sparta.dryRun", defaultValue = "false")
    boolean dryRun;

    /** CodeBuild passes ${env.SPARTA_PIPELINE_BUCKET}, left as written when the variable is not set. */
    private static String unresolvedToNull(String value) {
        return value == null || value.startsWith("${") ? null : value;
    }

    PipelineRequest request(boolean uploadPackage, io.sparta.core.plan.Safeguards safeguards)
            throws io.sparta.core.common.SpartaUserException {
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
                bucket("<pipelineBucket> (-Dsparta.pipelineBucket)", unresolvedToNull(pipelineBucket)),
                uploadPackage,
                bucket("<s3Bucket> (-Dsparta.s3Bucket)", s3Bucket),
                safeguards);
    }
}
