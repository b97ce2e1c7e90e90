package io.sparta.core.deploy;

import io.sparta.core.SpartaUserException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The AWS clients one goal uses, built once from an {@link AwsTarget} and closed together. */
public final class AwsSession implements AutoCloseable {

    private final Region region;
    private final CallLedger ledger = new CallLedger();
    private final CloudFormationClient cloudFormation;
    private final S3Client s3;
    private final CloudWatchLogsClient logs;
    private final IamClient iam;

    private AwsSession(AwsTarget target, Region region, AwsCredentialsProvider credentials) {
        this.region = region;
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retry -> retry.maxAttempts(target.maxAttempts()))
                .addExecutionInterceptor(ledger)
                .build();
        var cloudFormationBuilder = CloudFormationClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        var s3Builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        target.endpoint().ifPresent(endpoint -> {
            cloudFormationBuilder.endpointOverride(endpoint);
            // A replaced endpoint (a local API, a VPC endpoint) rarely resolves bucket subdomains.
            s3Builder.endpointOverride(endpoint).forcePathStyle(true);
        });
        var logsBuilder = CloudWatchLogsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        target.endpoint().ifPresent(logsBuilder::endpointOverride);
        var iamBuilder = IamClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(globalRegionOf(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        target.endpoint().ifPresent(iamBuilder::endpointOverride);
        this.iam = iamBuilder.build();
        this.cloudFormation = cloudFormationBuilder.build();
        this.s3 = s3Builder.build();
        this.logs = logsBuilder.build();
    }

    public static AwsSession open(AwsTarget target) throws SpartaUserException {
        AwsCredentialsProvider credentials = target.profile()
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        return new AwsSession(target, resolveRegion(target), credentials);
    }

    private static Region resolveRegion(AwsTarget target) throws SpartaUserException {
        if (target.region().isPresent()) {
            return Region.of(target.region().get());
        }
        try {
            var chain = DefaultAwsRegionProviderChain.builder();
            target.profile().ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new SpartaUserException(
                    "No AWS region is set: configure <region> (or -Dsparta.region), set"
                            + " AWS_REGION, or give the profile a region",
                    e);
        }
    }

    public Region region() {
        return region;
    }

    public CloudFormationClient cloudFormation() {
        return cloudFormation;
    }

    public S3Client s3() {
        return s3;
    }

    public IamClient iam() {
        return iam;
    }

    /** IAM is global: its region is the partition's. */
    private static Region globalRegionOf(Region region) {
        return switch (region.metadata() == null
                ? "aws"
                : region.metadata().partition().id()) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    public CloudWatchLogsClient logs() {
        return logs;
    }

    public CallLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        cloudFormation.close();
        s3.close();
        logs.close();
        iam.close();
    }
}
