package io.sparta.core.deploy;

import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
import software.amazon.awssdk.utils.Lazy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS clients one goal uses, each built from an {@link AwsTarget} on first use (from any thread), closed
 * together.
 */
public final class AwsSession implements AutoCloseable {

    private final AwsTarget target;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final CallLedger ledger = new CallLedger();
    private final ClientOverrideConfiguration overrides;
    private final List<SdkAutoCloseable> opened = new ArrayList<>();
    // Each client is made on first use by whichever thread asks first, under a lock of its own, so one thread can
    // build the S3 client while another builds or uses CloudFormation's.
    private final Lazy<CloudFormationClient> cloudFormation;
    private final Lazy<S3Client> s3;
    private final Lazy<CloudWatchLogsClient> logs;
    private final Lazy<IamClient> iam;
    private final Map<String, Object> others = new HashMap<>();
    // One HTTP client for every service client: each client that builds its own sets up TLS again (trust store
    // read, SSL context made), which was the largest part of building a client.
    private final Lazy<SdkHttpClient> http;
    private Thread preparing;

    private AwsSession(AwsTarget target, Region region, AwsCredentialsProvider credentials) {
        this.target = target;
        this.region = region;
        this.credentials = credentials;
        this.overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retry -> retry.maxAttempts(target.maxAttempts()))
                .addExecutionInterceptor(ledger)
                .build();
        this.http =
                new Lazy<>(() -> timed(() -> UrlConnectionHttpClient.builder().build()));
        this.cloudFormation = new Lazy<>(() -> open(CloudFormationClient.builder(), region));
        // A replaced endpoint (a local API, a VPC endpoint) rarely resolves bucket subdomains.
        this.s3 = new Lazy<>(
                () -> open(S3Client.builder().forcePathStyle(target.endpoint().isPresent()), region));
        this.logs = new Lazy<>(() -> open(CloudWatchLogsClient.builder(), region));
        this.iam = new Lazy<>(() -> open(IamClient.builder(), globalRegionOf(region)));
    }

    /**
     * Starts building the CloudFormation and S3 clients on a second thread, for a goal that will call both and has
     * local work to do first (reading its package, its template). Building a client is mostly loading the SDK's
     * classes (for CloudFormation's, the regions module's metadata of every AWS service): 0.3 to 0.5 s on a cold
     * JVM, which a second core spends meanwhile. A client that fails to build there is built again, and fails with
     * its own error, on the thread that asks for it.
     */
    public synchronized void prepareCloudFormationAndS3() {
        if (preparing == null) {
            preparing = new Thread(
                    () -> {
                        try {
                            cloudFormation();
                            s3();
                        } catch (RuntimeException e) {
                            // Reported by the goal's own thread, which builds the client again.
                        }
                    },
                    "sparta-aws-clients");
            preparing.setDaemon(true);
            preparing.start();
        }
    }

    private <T> T timed(Supplier<T> build) {
        long started = System.nanoTime();
        T built = build.get();
        ledger.clientBuilt(System.nanoTime() - started);
        return built;
    }

    public static AwsSession open(AwsTarget target) throws SpartaUserException {
        return open(target, System::getenv);
    }

    /** @param environment the process's environment variables, a value or null by name */
    static AwsSession open(AwsTarget target, UnaryOperator<String> environment) throws SpartaUserException {
        Optional<String> halfSet = target.profile().isEmpty() ? halfSetKeys(environment) : Optional.empty();
        if (halfSet.isPresent()) {
            throw new SpartaUserException(halfSet.get());
        }
        AwsCredentialsProvider credentials = new ReportedCredentials(
                target.profile()
                        .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                        .orElseGet(() -> DefaultCredentialsProvider.builder().build()),
                target.profile());
        return new AwsSession(target, resolveRegion(target), credentials);
    }

    /**
     * An access key id without its secret in the environment, or the reverse. The SDK's default chain then passes
     * over the environment without a word and takes the next credentials it finds, such as the default profile's,
     * which may be another account's; refused before any call, as the AWS CLI refuses partial credentials.
     */
    private static Optional<String> halfSetKeys(UnaryOperator<String> environment) {
        boolean id = isSet(environment.apply("AWS_ACCESS_KEY_ID"));
        boolean secret = isSet(environment.apply("AWS_SECRET_ACCESS_KEY"));
        if (id == secret) {
            return Optional.empty();
        }
        String set = id ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY";
        String missing = id ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID";
        return Optional.of(set + " is set but " + missing + " is not: the AWS SDK would pass over both and use the"
                + " next credentials it finds (a profile's), which may be another account's. Next: set " + missing
                + " (and AWS_SESSION_TOKEN for temporary credentials), or unset " + set + " to use a profile");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static Region resolveRegion(AwsTarget target) throws SpartaUserException {
        if (target.region().isPresent()) {
            return Region.of(target.region().get());
        }
        try {
            var chain = DefaultAwsRegionProviderChain.builder();
            target.profile().ifPresent(chain::profileName);
            Region found = chain.build().getRegion();
            Optional<String> problem = AwsTarget.regionProblem(
                    "The region the AWS SDK found (in AWS_REGION, the aws.region system property, the profile "
                            + profileName(target) + " in the AWS config file or instance metadata)",
                    found.id());
            if (problem.isPresent()) {
                throw new SpartaUserException(problem.get());
            }
            return found;
        } catch (SdkClientException e) {
            // The SDK's own message lists each provider by its class and identity hash: kept for -e, not shown.
            SpartaUserException missing = new SpartaUserException("No AWS region is set (looked for <region>,"
                    + " -Dsparta.region, AWS_REGION, the aws.region system property, the region of the profile "
                    + profileName(target)
                    + " in the AWS config file, and EC2 instance metadata):"
                    + " configure <region> (or -Dsparta.region), set AWS_REGION, or give the profile a region");
            missing.addSuppressed(e);
            throw missing;
        }
    }

    /** The profile the SDK reads: the configured one, else AWS_PROFILE's, else default. */
    private static String profileName(AwsTarget target) {
        return target.profile()
                .orElseGet(() -> software.amazon.awssdk.profiles.ProfileFileSystemSetting.AWS_PROFILE
                        .getStringValue()
                        .orElse("default"));
    }

    /** The endpoint that replaces AWS's own, when one is configured (a local API). */
    public Optional<java.net.URI> endpoint() {
        return target.endpoint();
    }

    public Region region() {
        return region;
    }

    public CloudFormationClient cloudFormation() {
        return cloudFormation.getValue();
    }

    public S3Client s3() {
        return s3.getValue();
    }

    public IamClient iam() {
        return iam.getValue();
    }

    /** IAM is global: its region is the partition's. */
    private static Region globalRegionOf(Region region) {
        return switch (Partitions.of(region).id()) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    public CloudWatchLogsClient logs() {
        return logs.getValue();
    }

    /**
     * A client of another service, in a region (an ARN may name one other than the session's), built on first use
     * the way every client of this session is, so a goal loads only the SDK modules it calls.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C client(
            Class<C> type, Region clientRegion, Supplier<B> builder) {
        synchronized (others) {
            String key = type.getName() + "@" + clientRegion.id();
            Object client = others.get(key);
            if (client == null) {
                client = open(builder.get(), clientRegion);
                others.put(key, client);
            }
            return type.cast(client);
        }
    }

    /** Builds a client the way every client of this session is built, and remembers to close it. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C open(
            B builder, Region clientRegion) {
        builder.httpClient(http.getValue())
                .region(clientRegion)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        target.endpoint().ifPresent(builder::endpointOverride);
        C client = timed(builder::build);
        synchronized (opened) {
            opened.add(client);
        }
        return client;
    }

    /** CodeDeploy's calls, with this session's credentials, region and endpoint. */
    public CodeDeployCalls codeDeploy() {
        java.net.URI endpoint = target.endpoint()
                .orElse(java.net.URI.create("https://codedeploy." + region.id() + "."
                        + Partitions.of(region).dnsSuffix() + "/"));
        return new CodeDeployCalls(credentials, region, endpoint, ledger);
    }

    public CallLedger ledger() {
        return ledger;
    }

    /**
     * Closes the clients this session opened, once any it was building on a second thread is built; it opens only
     * those a goal asks for.
     */
    @Override
    public void close() {
        Thread building;
        synchronized (this) {
            building = preparing;
        }
        if (building != null) {
            try {
                building.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (opened) {
            opened.forEach(SdkAutoCloseable::close);
        }
        // Given to the clients rather than built by them, so theirs to use and this session's to close.
        if (http.hasValue()) {
            http.getValue().close();
        }
        // A profile that assumes a role or signs in through IAM Identity Center holds an STS or SSO client of its own.
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
