package io.sparta.maven;

import io.sparta.core.deploy.AwsTarget;
import java.net.URI;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that talk to AWS: where, as whom, how persistently. */
abstract class AbstractAwsMojo extends AbstractSpartaMojo {

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

    AwsTarget awsTarget() {
        Optional<String> configuredEndpoint = present(endpoint).or(() -> present(System.getenv("AWS_ENDPOINT_URL")));
        return new AwsTarget(present(region), present(profile), configuredEndpoint.map(URI::create), maxAttempts);
    }

    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
