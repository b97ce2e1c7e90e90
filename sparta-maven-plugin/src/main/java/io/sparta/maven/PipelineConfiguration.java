package io.sparta.maven;

import io.sparta.core.template.PipelineTemplate;
import java.util.Optional;

/**
 * The pom's {@code <pipeline>}: how the service's delivery pipeline is named and where its source comes from.
 * Without a {@code <connectionArn>}, packages published from any CI ({@code mvn deploy} with
 * {@code sparta:publish}) start it; with one, it builds the repository itself.
 *
 * <pre>{@code
 * <pipeline>
 *   <connectionArn>arn:aws:codeconnections:eu-west-1:123456789012:connection/abc</connectionArn>
 *   <repository>acme/orders</repository>
 *   <branch>main</branch>
 * </pipeline>
 * }</pre>
 */
public class PipelineConfiguration {

    /** The pipeline's name; {@code <serviceName>-pipeline} when not set. */
    String name;

    /** The pipeline's own stack; the pipeline's name when not set. */
    String stackName;

    /** An AWS CodeConnections connection (GitHub, GitLab, Bitbucket); never an OAuth token. */
    String connectionArn;

    /** The repository, {@code owner/name}. */
    String repository;

    /** The branch the pipeline follows. */
    String branch = "main";

    /** The CodeBuild image: an Amazon Linux image AWS maintains, with Corretto. */
    String buildImage = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

    Optional<PipelineTemplate.Repository> repositorySource() {
        if (connectionArn == null || connectionArn.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PipelineTemplate.Repository(
                connectionArn.trim(), repository == null ? "" : repository.trim(), branch));
    }
}
