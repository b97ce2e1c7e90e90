package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.plan.Safeguards;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;

/**
 * The AWS settings as every goal that calls AWS reads them, each checked where it is read. Static, because the goals
 * with the service's model and those without share no base that could hold them.
 */
final class AwsSettings {

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

    private AwsSettings() {}

    /** The AWS target of these settings; every goal that makes an AWS client gets its target here first. */
    static AwsTarget target(String region, String profile, String endpoint, int maxAttempts)
            throws SpartaUserException {
        return AwsTarget.configured(
                AwsTarget.Setting.firstOf(
                        new AwsTarget.Setting("<region> (-Dsparta.region)", AbstractSpartaMojo.present(region)),
                        new AwsTarget.Setting("AWS_REGION", AbstractSpartaMojo.present(System.getenv("AWS_REGION")))),
                new AwsTarget.Setting("<profile> (-Dsparta.profile)", AbstractSpartaMojo.present(profile)),
                AwsTarget.Setting.firstOf(
                        new AwsTarget.Setting("<endpoint> (-Dsparta.endpoint)", AbstractSpartaMojo.present(endpoint)),
                        new AwsTarget.Setting(
                                "AWS_ENDPOINT_URL", AbstractSpartaMojo.present(System.getenv("AWS_ENDPOINT_URL")))),
                maxAttempts,
                "<maxAttempts> (-Dsparta.maxAttempts)");
    }

    /** A configured bucket, checked against S3's naming rules where it is read. */
    static Optional<String> bucket(String where, String value) throws SpartaUserException {
        return io.sparta.core.model.BucketNames.configured(where, AbstractSpartaMojo.present(value));
    }

    /** What the user allows a stack change to do, by flag or, at a terminal, by answering. */
    static Safeguards safeguards(
            MavenSession session, boolean allowDataLoss, boolean allowIamBroadening, String adoptStack) {
        return new Safeguards(
                allowDataLoss, allowIamBroadening, AbstractSpartaMojo.present(adoptStack), confirmation(session));
    }

    /**
     * Asks at the terminal when Maven runs interactively (not {@code -B}) on one; CI has neither, so there only the
     * flags allow.
     */
    private static Optional<Safeguards.Confirmation> confirmation(MavenSession session) {
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
}
