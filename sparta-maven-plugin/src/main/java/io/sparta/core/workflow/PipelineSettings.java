package io.sparta.core.workflow;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.template.PipelineTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pom's {@code <pipeline>}, every value checked against what CodePipeline, CloudFormation, CodeConnections and
 * CodeBuild accept.
 *
 * @param name the pipeline's name, 1 to 100 of {@code A-Za-z0-9.@_-}
 * @param stackName the pipeline's own stack
 * @param repository the repository the pipeline builds, or empty when published packages start it
 * @param buildImage the CodeBuild image
 * @see <a href="https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html">CodePipeline quotas</a>
 */
public record PipelineSettings(
        String name, String stackName, Optional<PipelineTemplate.Repository> repository, String buildImage) {

    /** CodeBuild's image when none is set: an Amazon Linux image AWS maintains, with Corretto. */
    public static final String DEFAULT_BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.@_-]{1,100}");
    private static final Pattern CONNECTION = Pattern.compile(
            "arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\\d{12}:connection/[A-Za-z0-9-]+");
    /** GitHub's {@code owner/name}; GitLab adds groups, {@code group/subgroup/name}. */
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    /** Git's rules for a branch name, as {@code git check-ref-format --branch} applies them. */
    private static final Pattern BRANCH =
            Pattern.compile("(?!-)(?!.*\\.\\.)(?!.*@\\{)(?!.*//)(?!.*\\.lock$)(?!.*[/.]$)[^\\s~^:?*\\[\\\\]{1,255}");

    /**
     * The pipeline the user configured; unset values take their defaults ({@code <serviceName>-pipeline} for the
     * name, the name for the stack).
     *
     * @throws SpartaUserException listing every value that is not of its accepted form, with that form
     */
    public static PipelineSettings configured(
            String serviceName,
            Optional<String> name,
            Optional<String> stackName,
            Optional<String> connectionArn,
            Optional<String> repository,
            Optional<String> branch,
            Optional<String> buildImage)
            throws SpartaUserException {
        List<String> problems = new ArrayList<>();
        String pipelineName = name.orElse(serviceName + "-pipeline");
        if (!NAME.matcher(pipelineName).matches()) {
            problems.add("<pipeline><name> \"" + pipelineName + "\" must be 1 to 100 letters, digits or . @ _ -"
                    + (name.isEmpty() ? " (it defaults to <serviceName>-pipeline; set <name>)" : ""));
        }
        String stack = stackName.orElse(pipelineName);
        ServiceSettings.stackNameProblem("<pipeline><stackName>", stack)
                .ifPresent(problem -> problems.add(problem
                        + (stackName.isEmpty() ? " (it defaults to the pipeline's" + " name; set <stackName>)" : "")));
        Optional<PipelineTemplate.Repository> source = Optional.empty();
        if (connectionArn.isPresent() != repository.isPresent()) {
            problems.add("<pipeline> has "
                    + (connectionArn.isPresent()
                            ? "<connectionArn> but no <repository>"
                            : "<repository> but no <connectionArn>")
                    + "; a pipeline that builds a repository needs both,"
                    + " such as <connectionArn>arn:aws:codeconnections:eu-west-1:123456789012:connection/abc"
                    + "</connectionArn> and <repository>acme/orders</repository>. Without both, packages published"
                    + " with sparta:publish start it");
        } else if (connectionArn.isPresent()) {
            if (!CONNECTION.matcher(connectionArn.get()).matches()) {
                problems.add("<pipeline><connectionArn> \"" + connectionArn.get() + "\" is not a CodeConnections"
                        + " connection ARN, arn:aws:codeconnections:REGION:ACCOUNT:connection/ID; copy it from"
                        + " aws codeconnections list-connections");
            }
            if (!REPOSITORY.matcher(repository.get()).matches()) {
                problems.add("<pipeline><repository> \"" + repository.get() + "\" must be the repository's full id,"
                        + " owner/name such as acme/orders (GitLab: group/subgroup/name), not a URL");
            }
            source = Optional.of(
                    new PipelineTemplate.Repository(connectionArn.get(), repository.get(), branch.orElse("main")));
        }
        branch.filter(value -> !BRANCH.matcher(value).matches())
                .ifPresent(value -> problems.add("<pipeline><branch> \"" + value + "\" is not a git branch name (no"
                        + " spaces, ~ ^ : ? * [ \\ or .., not starting with -); such as main"));
        String image = buildImage.orElse(DEFAULT_BUILD_IMAGE);
        if (image.chars().anyMatch(Character::isWhitespace)) {
            problems.add("<pipeline><buildImage> \"" + image + "\" must be an image name without spaces, such as "
                    + DEFAULT_BUILD_IMAGE);
        }
        if (!problems.isEmpty()) {
            throw new SpartaUserException(String.join("\n", problems));
        }
        return new PipelineSettings(pipelineName, stack, source, image);
    }
}
