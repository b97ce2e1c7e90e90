package io.sparta.core.deploy;

import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** The AWS clients one goal uses, each built from an {@link AwsTarget} on first use, closed together. */
public final class AwsSession implements AutoCloseable {

    private final AwsTarget target;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final CallLedger ledger = new CallLedger();
    private final ClientOverrideConfiguration overrides;
    private final List<SdkAutoCloseable> opened = new ArrayList<>();
    private CloudFormationClient cloudFormation;
    private S3Client s3;
    private CloudWatchLogsClient logs;
    private IamClient iam;
    private final Map<String, Object> others = new HashMap<>();
    // One HTTP client for every service client: each client that builds its own sets up TLS again (trust store
    // read, SSL context made), which was the largest part of building a client.
    private SdkHttpClient http;

    private AwsSession(AwsTarget target, Region region, AwsCredentialsProvider credentials) {
        this.target = target;
        this.region = region;
        this.credentials = credentials;
        this.overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retry -> retry.maxAttempts(target.maxAttempts()))
                .addExecutionInterceptor(ledger)
                .build();
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

    /** The endpoint that replaces AWS's own, when one is configured (a local API). */
    public java.util.Optional<java.net.URI> endpoint() {
        return target.endpoint();
    }

    public Region region() {
        return region;
    }

    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = open(CloudFormationClient.builder(), region);
        }
        return cloudFormation;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // A replaced endpoint (a local API, a VPC endpoint) rarely resolves bucket subdomains.
            s3 = open(S3Client.builder().forcePathStyle(target.endpoint().isPresent()), region);
        }
        return s3;
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            iam = open(IamClient.builder(), globalRegionOf(region));
        }
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

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = open(CloudWatchLogsClient.builder(), region);
        }
        return logs;
    }

    /**
     * A client of another service, in a region (an ARN may name one other than the session's), built on first use
     * the way every client of this session is, so a goal loads only the SDK modules it calls.
     */
    public synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
            C client(Class<C> type, Region clientRegion, Supplier<B> builder) {
        String key = type.getName() + "@" + clientRegion.id();
        Object client = others.get(key);
        if (client == null) {
            client = open(builder.get(), clientRegion);
            others.put(key, client);
        }
        return type.cast(client);
    }

    /** Builds a client the way every client of this session is built, and remembers to close it. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C open(
            B builder, Region clientRegion) {
        if (http == null) {
            http = UrlConnectionHttpClient.builder().build();
        }
        builder.httpClient(http)
                .region(clientRegion)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        target.endpoint().ifPresent(builder::endpointOverride);
        C client = builder.build();
        opened.add(client);
        return client;
    }

    /** CodeDeploy's calls, with this session's credentials, region and endpoint. */
    public CodeDeployCalls codeDeploy() {
        java.net.URI endpoint = target.endpoint()
                .orElse(java.net.URI.create("https://codedeploy." + region.id() + "."
                        + software.amazon.awssdk.regions.PartitionMetadata.of(region)
                                .dnsSuffix() + "/"));
        return new CodeDeployCalls(credentials, region, endpoint, ledger);
    }

    public CallLedger ledger() {
        return ledger;
    }

    /** Closes the clients this session opened; it opens only those a goal asks for. */
    @Override
    public synchronized void close() {
        opened.forEach(SdkAutoCloseable::close);
        if (http != null) {
            // Given to the clients rather than built by them, so theirs to use and this session's to close.
            http.close();
        }
    }
}
