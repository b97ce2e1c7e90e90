package io.sparta.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.template.PipelineTemplate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineSettingsTest {

    /** The pom's {@code <pipeline>} values, null for an element not written. */
    private static PipelineSettings configured(
            String serviceName,
            String name,
            String stackName,
            String connectionArn,
            String repository,
            String branch,
            String buildImage)
            throws SpartaUserException {
        return PipelineSettings.configured(
                serviceName,
                Optional.ofNullable(name),
                Optional.ofNullable(stackName),
                Optional.ofNullable(connectionArn),
                Optional.ofNullable(repository),
                Optional.ofNullable(branch),
                Optional.ofNullable(buildImage));
    }

    private static final String CONNECTION = "arn:aws:codeconnections:eu-west-1:123456789012:connection/abc-123";

    @Test
    void unsetValuesTakeTheirDefaults() throws Exception {
        assertEquals(
                new PipelineSettings(
                        "orders-pipeline", "orders-pipeline", Optional.empty(), PipelineSettings.DEFAULT_BUILD_IMAGE),
                configured("orders", null, null, null, null, null, null));
    }

    @Test
    void aRepositoryComesWithItsConnectionAndBranch() throws Exception {
        assertEquals(
                Optional.of(new PipelineTemplate.Repository(CONNECTION, "acme/platform/orders", "release/2.x")),
                configured("orders", null, null, CONNECTION, "acme/platform/orders", "release/2.x", null)
                        .repository());
        assertEquals(
                "main",
                configured(
                                "orders",
                                null,
                                null,
                                "arn:aws-cn:codestar-connections:cn-north-1:123456789012:connection/abc",
                                "acme/orders",
                                null,
                                null)
                        .repository()
                        .orElseThrow()
                        .branch());
    }

    @Test
    void everyBadValueIsNamedWithItsElementAndForm() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> configured(
                        "orders",
                        "orders pipeline",
                        "1-pipeline",
                        "https://github.com/acme/orders",
                        "https://github.com/acme/orders.git",
                        "feature..x",
                        "aws/codebuild/standard 7.0"));
        assertEquals(
                String.join(
                        "\n",
                        "<pipeline><name> \"orders pipeline\" must be 1 to 100 letters, digits or . @ _ -",
                        "<pipeline><stackName> \"1-pipeline\" must be 1 to 128 letters, digits or '-', starting with"
                                + " a letter",
                        "<pipeline><connectionArn> \"https://github.com/acme/orders\" is not a CodeConnections"
                                + " connection ARN, arn:aws:codeconnections:REGION:ACCOUNT:connection/ID; copy it from"
                                + " aws codeconnections list-connections",
                        "<pipeline><repository> \"https://github.com/acme/orders.git\" must be the repository's full"
                                + " id, owner/name such as acme/orders (GitLab: group/subgroup/name), not a URL",
                        "<pipeline><branch> \"feature..x\" is not a git branch name (no spaces, ~ ^ : ? * [ \\ or ..,"
                                + " not starting with -); such as main",
                        "<pipeline><buildImage> \"aws/codebuild/standard 7.0\" must be an image name without spaces,"
                                + " such as aws/codebuild/amazonlinux-x86_64-standard:5.0"),
                e.getMessage());
    }

    @Test
    void aDefaultNameThatBreaksTheRuleSaysWhereItCameFrom() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class, () -> configured("orders_v2", null, null, null, null, null, null));
        assertEquals(
                "<pipeline><stackName> \"orders_v2-pipeline\" must be 1 to 128 letters, digits or '-', starting with a"
                        + " letter (it defaults to the pipeline's name; set <stackName>)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection", "repository"})
    void aConnectionWithoutARepositoryOrTheOtherWayRoundIsRefused(String given) {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> configured(
                        "orders",
                        null,
                        null,
                        given.equals("connection") ? CONNECTION : null,
                        given.equals("repository") ? "acme/orders" : null,
                        null,
                        null));
        assertEquals(
                "<pipeline> has "
                        + (given.equals("connection")
                                ? "<connectionArn> but no <repository>"
                                : "<repository> but no <connectionArn>")
                        + "; a pipeline that builds a repository needs both, such as <connectionArn>arn:aws:"
                        + "codeconnections:eu-west-1:123456789012:connection/abc</connectionArn> and <repository>"
                        + "acme/orders</repository>. Without both, packages published with sparta:publish start it",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-main", "a b", "x.lock", "topic/", "a:b", "a~1", "x@{y", "a//b"})
    void branchNamesGitRefusesAreRefused(String branch) {
        assertThrows(
                SpartaUserException.class,
                () -> configured("orders", null, null, CONNECTION, "acme/orders", branch, null));
    }
}
