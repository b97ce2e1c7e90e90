package io.sparta.core.deploy;

import io.sparta.core.common.Typos;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK's credentials provider for a session (its default chain, or the one profile configured), whose failure
 * becomes {@link MissingCredentials}: where the SDK looked and the one answer that matters, in place of the SDK's
 * message of every provider in the chain with its profile file dump (about 1,300 characters), and in place of the
 * crash a profile gave that needs a module the SDK could not find.
 *
 * <p>What the chain searches follows the AWS SDK for Java 2.x's default credentials provider chain:
 * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html
 */
final class ReportedCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    /** What the SDK's profile messages append: the whole profile file, section and property names. */
    private static final Pattern PROFILE_FILE_DUMP = Pattern.compile(":?\\s*ProfileFile\\(.*\\z", Pattern.DOTALL);

    private final AwsCredentialsProvider delegate;
    private final Optional<String> configuredProfile;
    private final UnaryOperator<String> environment;

    ReportedCredentials(AwsCredentialsProvider delegate, Optional<String> configuredProfile) {
        this(delegate, configuredProfile, System::getenv);
    }

    /** @param environment the process's environment variables, a value or null by name */
    ReportedCredentials(
            AwsCredentialsProvider delegate, Optional<String> configuredProfile, UnaryOperator<String> environment) {
        this.delegate = delegate;
        this.configuredProfile = configuredProfile;
        this.environment = environment;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (RuntimeException e) {
            MissingCredentials missing = new MissingCredentials(explain(e));
            missing.addSuppressed(e);
            throw missing;
        }
    }

    @Override
    public void close() {
        if (delegate instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    private String explain(RuntimeException e) {
        if (configuredProfile.isPresent()) {
            String profile = configuredProfile.get();
            String from = "No AWS credentials from the profile " + profile + " (<profile>, -Dsparta.profile): ";
            Optional<Absence> absent = absence(profile);
            if (absent.isPresent()) {
                return from + "it is in " + absent.get().where() + ". Next: set <profile> (or -Dsparta.profile) to"
                        + " one of them"
                        + absent.get()
                                .meant()
                                .map(meant -> " (did you mean " + meant + "?)")
                                .orElse("")
                        + ", or add " + profile + " with aws configure --profile " + profile;
            }
            return from + reason(e) + ". Next: "
                    + (signsInThroughIdentityCenter(profile)
                            ? "sign in with aws sso login --profile " + profile + ", then run the goal again"
                            : "check the profile in " + files("and") + " (aws configure list --profile " + profile
                                    + " shows what it gives)");
        }
        if (environment.apply("AWS_ACCESS_KEY_ID") != null && environment.apply("AWS_SECRET_ACCESS_KEY") == null) {
            // The half-set pair is the cause whatever else the chain tried: said first, with its own remedy.
            return "No AWS credentials found: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Next: set"
                    + " AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or unset"
                    + " AWS_ACCESS_KEY_ID to use a profile";
        }
        String profile = ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default");
        return "No AWS credentials found: the AWS SDK looked in the aws.accessKeyId system property,"
                + " AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, the profile " + profile + profileAnswer(profile)
                + ", the container's credentials endpoint and the instance metadata. Next: set <profile> (or"
                + " -Dsparta.profile), AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; run again with -e"
                + " for every source's answer";
    }

    /**
     * What the named profile answered, when the AWS config or credentials file has it: an expired IAM Identity
     * Center session, a role it could not assume, a profile with no keys.
     */
    private static String profileAnswer(String profile) {
        Optional<Profile> found;
        try {
            found = ProfileFile.defaultProfileFile().profile(profile);
        } catch (RuntimeException unreadable) {
            return " (the AWS config files cannot be read: " + unreadable.getMessage() + ")";
        }
        if (found.isEmpty()) {
            return absence(profile)
                    .map(absent -> " (in " + absent.where()
                            + absent.meant()
                                    .map(meant -> "; did you mean " + meant + "?")
                                    .orElse("")
                            + ")")
                    .orElse("");
        }
        try (ProfileCredentialsProvider own =
                ProfileCredentialsProvider.builder().profileName(profile).build()) {
            own.resolveCredentials();
            return " (which gives credentials now: run again)";
        } catch (RuntimeException e) {
            return " (which answered: " + reason(e)
                    + (signsInThroughIdentityCenter(found.get())
                            ? "; sign in with aws sso login --profile " + profile
                            : "")
                    + ")";
        }
    }

    /**
     * Where a profile is not: "neither CONFIG nor CREDENTIALS, which have the profiles a, b", for a message to follow
     * "in", and the profile of those a misspelling most likely meant.
     */
    private record Absence(String where, Optional<String> meant) {}

    /** Where the named profile is not, when the AWS config and credentials files can be read and neither has it. */
    private static Optional<Absence> absence(String profile) {
        Set<String> names;
        try {
            names = new TreeSet<>(ProfileFile.defaultProfileFile().profiles().keySet());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (names.contains(profile)) {
            return Optional.empty();
        }
        return Optional.of(new Absence(
                "neither " + files("nor")
                        + (names.isEmpty()
                                ? ", which have no profile"
                                : ", which have the profiles " + String.join(", ", names)),
                Typos.nearest(profile, names)));
    }

    /**
     * The AWS config and credentials files as the SDK finds them (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, their
     * system properties, or under the home folder), joined by {@code conjunction}, so a message names the files the
     * SDK read rather than ~/.aws.
     */
    private static String files(String conjunction) {
        return ProfileFileLocation.configurationFilePath() + " " + conjunction + " "
                + ProfileFileLocation.credentialsFilePath();
    }

    /** Whether the named profile signs in through IAM Identity Center; false when the AWS config cannot be read. */
    private static boolean signsInThroughIdentityCenter(String profile) {
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(profile)
                    .map(ReportedCredentials::signsInThroughIdentityCenter)
                    .orElse(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Whether the profile gets its credentials from IAM Identity Center, whose sign-in (a token the AWS CLI caches)
     * the SDK can only refresh, not make.
     */
    private static boolean signsInThroughIdentityCenter(Profile profile) {
        return profile.property("sso_session").isPresent()
                || profile.property("sso_start_url").isPresent();
    }

    /** A provider's message without the profile file dump the SDK appends, and without a closing full stop. */
    private static String reason(Throwable e) {
        String message = PROFILE_FILE_DUMP
                .matcher(String.valueOf(e.getMessage()))
                .replaceFirst("")
                .strip();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * The SDK found no credentials for a session: the user's to fix, with where it looked and what to change. Thrown
     * inside the SDK's call, which may wrap it; {@link AwsFailures#explain} finds it in the causes.
     */
    static final class MissingCredentials extends RuntimeException {
        MissingCredentials(String message) {
            super(message, null, true, false);
        }
    }
}
