package io.sparta.maven;

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

    /** The pipeline's name, 1 to 100 letters, digits or {@code .@_-}; {@code <serviceName>-pipeline} when not set. */
    String name;

    /** The pipeline's own stack; the pipeline's name when not set. */
    String stackName;

    /** An AWS CodeConnections connection (GitHub, GitLab, Bitbucket); never an OAuth token. */
    String connectionArn;

    /** The repository, {@code owner/name}; needs a {@code <connectionArn>}. */
    String repository;

    /** The branch the pipeline follows; {@code main} when not set. */
    String branch;

    /** The CodeBuild image; an Amazon Linux image AWS maintains, with Corretto, when not set. */
    String buildImage;
}
