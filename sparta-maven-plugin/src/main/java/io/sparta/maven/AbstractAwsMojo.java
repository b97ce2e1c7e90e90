package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.plan.Safeguards;
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
        return target(region, profile, endpoint, maxAttempts);
    }

    /** The AWS target of these settings, each checked where it is read; the local goals' too. */
    static AwsTarget target(String region, String profile, String endpoint, int maxAttempts)
            throws SpartaUserException {
        return AwsTarget.configured(
                AwsTarget.Setting.firstOf(
                        new AwsTarget.Setting("<region> (-Dsparta.region)", present(region)),
                        new AwsTarget.Setting("AWS_REGION", present(System.getenv("AWS_REGION")))),
                new AwsTarget.Setting("<profile> (-Dsparta.profile)", present(profile)),
                AwsTarget.Setting.firstOf(
                        new AwsTarget.Setting("<endpoint> (-Dsparta.endpoint)", present(endpoint)),
                        new AwsTarget.Setting("AWS_ENDPOINT_URL", present(System.getenv("AWS_ENDPOINT_URL")))),
                maxAttempts,
                "<maxAttempts> (-Dsparta.maxAttempts)");
    }

    /** A configured bucket, checked against S3's naming rules where it is read. */
    static Optional<String> bucket(String where, String value) throws SpartaUserException {
        return io.sparta.core.model.BucketNames.configured(where, present(value));
    }
}
