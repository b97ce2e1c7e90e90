package io.sparta.core.workflow;

import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.plan.Safeguards;
import io.sparta.core.template.PipelineTemplate;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything {@code pipeline} and {@code publish} need, as plain values.
 *
 * @param packageDirectory where package wrote the template, manifest and environments, such as
 *     {@code target/sparta}
 * @param pipelineStackName the pipeline's own stack
 * @param repository the repository the pipeline builds, or empty for packages published from any CI
 * @param dryRun write the pipeline template and the package without any AWS call
 * @param pipelineBucket the pipeline's bucket when known (CodeBuild passes it), else read from its stack
 * @param uploadPackage publish uploads the package zip (false when CodeBuild hands it to the pipeline itself)
 * @param bucket where the pipeline's own template is uploaded for CloudFormation; empty for the managed bucket
 * @param safeguards what the user allowed when the pipeline's stack changes
 */
public record PipelineRequest(
        Path packageDirectory,
        Path classesDirectory,
        ServiceSettings settings,
        AwsTarget aws,
        String pipelineName,
        String pipelineStackName,
        Optional<PipelineTemplate.Repository> repository,
        String buildImage,
        boolean dryRun,
        Optional<String> pipelineBucket,
        boolean uploadPackage,
        Optional<String> bucket,
        Safeguards safeguards) {

    /** The key of the published package in the pipeline's bucket. */
    public String packageKey() {
        return DeliveryPackage.publishedKey(settings.serviceName());
    }

    public Path pipelineTemplateFile() {
        return packageDirectory.resolve("pipeline.json");
    }

    /** The package as publishing lays it out: what CodeBuild hands on, and what the zip holds. */
    public Path publishDirectory() {
        return packageDirectory.resolve("publish");
    }
}
