package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsTarget;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that take what package wrote to AWS: plan, provision, pipeline and publish. Each refuses a package older
 * than the classes or made with other settings, so each reads the model's settings as well as AWS's.
 */
abstract class AbstractDeployMojo extends AbstractModelMojo {

    /** Where package writes the template and manifest and provision reads them. */
    @Parameter(property = "sparta.outputDirectory", defaultValue = "${project.build.directory}/sparta", required = true)
    File outputDirectory;

    /** The AWS region. Defaults to the SDK's chain: AWS_REGION, then the profile's region. */
    @Parameter(property = "sparta.region")
    String region;

    /** The named profile from ~/.aws/config and ~/.aws/credentials. Defaults to the SDK's credential chain. */
    @Parameter(property = "sparta.profile")
    String profile;

    /**
     * An endpoint that replaces AWS's own for CloudFormation and S3, such as a local moto server. Defaults to
     * the AWS_ENDPOINT_URL environment variable, then to AWS.
     */
    @Parameter(property = "sparta.endpoint")
    String endpoint;

    /** How many times one AWS call is tried on throttling, 5xx and connection errors. */
    @Parameter(property = "sparta.maxAttempts", defaultValue = "10")
    int maxAttempts;

    AwsTarget awsTarget() throws SpartaUserException {
        return AwsSettings.target(region, profile, endpoint, maxAttempts);
    }
}
