package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.plan.Safeguards;
import java.net.URI;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that talk to AWS: where, as whom, how persistently. */
abstract class AbstractAwsMojo extends AbstractSpartaMojo {

    /**
     * The SDK's request signers log, at debug, the canonical request they sign: its headers, the session token
     * among them. Maven's {@code -X} turns debug on for every logger, so before any AWS client exists their level
     * is set to info (unless the user set one), and no credential reaches a build log. Maven's SLF4J provider reads
     * a logger's level from these system properties when the logger is created.
     */
    private static final java.util.List<String> SIGNER_LOGGERS = java.util.List.of(
            "software.amazon.awssdk.http.auth.aws.internal.signer", "software.amazon.awssdk.auth.signer");

    static {
        for (String logger : SIGNER_LOGGERS) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "info");
            }
        }
    }

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

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    Safeguards safeguards(boolean allowDataLoss, boolean allowIamBroadening, String adoptStack) {
        return new Safeguards(allowDataLoss, allowIamBroadening, present(adoptStack), confirmation());
    }

    /**
     * Asks at the terminal when Maven runs interactively (not {@code -B}) on one; CI has neither, so there only the
     * flags allow.
     */
    private Optional<Safeguards.Confirmation> confirmation() {
        java.io.Console terminal = System.console();
        if (session == null || !session.getRequest().isInteractiveMode() || terminal == null || !isTerminal(terminal)) {
            return Optional.empty();
        }
        return Optional.of(question -> {
            String answer = terminal.readLine("%s [y/N] ", question);
            return answer != null
                    && java.util.Set.of("y", "yes").contains(answer.trim().toLowerCase(java.util.Locale.ROOT));
        });
    }

    /** From Java 22 a console exists even when input is redirected; {@code isTerminal()} then tells them apart. */
    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }

    AwsTarget awsTarget() throws SpartaUserException {
        Optional<String> configuredEndpoint = present(endpoint).or(() -> present(System.getenv("AWS_ENDPOINT_URL")));
        String from = present(endpoint).isPresent() ? "<endpoint> (-Dsparta.endpoint)" : "AWS_ENDPOINT_URL";
        Optional<URI> uri = Optional.empty();
        if (configuredEndpoint.isPresent()) {
            uri = Optional.of(endpoint(from, configuredEndpoint.get()));
        }
        Optional<String> effectiveRegion = present(region).or(() -> present(System.getenv("AWS_REGION")));
        if (effectiveRegion.isPresent()
                && !REGION.matcher(effectiveRegion.get()).matches()) {
            throw new SpartaUserException((present(region).isPresent() ? "<region> (-Dsparta.region)" : "AWS_REGION")
                    + " \"" + effectiveRegion.get() + "\" is not an AWS region name, such as eu-west-1 or"
                    + " us-gov-west-1");
        }
        if (maxAttempts < 1) {
            throw new SpartaUserException("<maxAttempts> (-Dsparta.maxAttempts) is " + maxAttempts
                    + "; it counts tries of one AWS call, 1 or more (10 by default)");
        }
        return new AwsTarget(present(region), present(profile), uri, maxAttempts);
    }

    private static final java.util.regex.Pattern REGION =
            java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    /** An http or https URL with a host, such as http://127.0.0.1:4566. */
    private static URI endpoint(String from, String value) throws SpartaUserException {
        try {
            URI uri = new URI(value.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // Reported below with the accepted form.
        }
        throw new SpartaUserException(from + " \"" + value + "\" is not an endpoint URL; write http(s)://HOST[:PORT],"
                + " such as http://127.0.0.1:4566 for a local AWS API");
    }

    /**
     * A configured bucket, checked against S3's naming rules.
     *
     * @throws SpartaUserException naming the element, the value and the accepted form
     */
    static Optional<String> bucket(String where, String value) throws SpartaUserException {
        Optional<String> bucket = present(value);
        if (bucket.isPresent()) {
            Optional<String> problem = io.sparta.core.model.BucketNames.problem(where, bucket.get());
            if (problem.isPresent()) {
                throw new SpartaUserException(problem.get());
            }
        }
        return bucket;
    }

    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
