package io.sparta.core.deploy;

import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
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

    ReportedCredentials(AwsCredentialsProvider delegate, Optional<String> configuredProfile) {
        this.delegate = delegate;
        this.configuredProfile = configuredProfile;
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
            // A profile in neither file was refused before the session opened (AwsTarget): this one is there.
            String profile = configuredProfile.get();
            return "No AWS credentials from the profile " + profile + " (<profile>, -Dsparta.profile): " + reason(e)
                    + ". Next: "
                    + (signsInThroughIdentityCenter(profile)
                            ? "sign in with aws sso login --profile " + profile + ", then run the goal again"
                            : "check the profile in " + ProfileFiles.paths("and") + ": it needs aws_access_key_id and"
                                    + " aws_secret_access_key, a role_arn with a source_profile, or an sso_session");
        }
        Optional<String> named = ProfileFileSystemSetting.AWS_PROFILE.getNonDefaultStringValue();
        String profile = named.orElse("default");
        Answer answer = profileAnswer(profile);
        return "No AWS credentials found: the AWS SDK looked in the aws.accessKeyId system property,"
                + " AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, the profile " + profile
                + (named.isPresent() ? " of AWS_PROFILE" : "") + answer.text()
                + ", the container's credentials endpoint and the instance metadata. Next: "
                + (named.isPresent() && answer.absent()
                        ? "set AWS_PROFILE to a profile those files have, or unset it to use the default one"
                        : "set <profile> (or -Dsparta.profile), AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                                + " AWS_SECRET_ACCESS_KEY")
                // Maven 3.8 prints an exception's cause under -e, not what it suppressed: 3.9 prints both.
                + "; run again with -e (Maven 3.9 or later) for every source's answer";
    }

    /** What a profile answered, as a parenthesis for the message, and whether neither file has the profile. */
    private record Answer(String text, boolean absent) {}

    /**
     * What the named profile answered, when the AWS config or credentials file has it: an expired IAM Identity
     * Center session, a role it could not assume, a profile with no keys.
     */
    private static Answer profileAnswer(String profile) {
        ProfileFile files;
        try {
            files = ProfileFile.defaultProfileFile();
        } catch (RuntimeException unreadable) {
            return new Answer(" (the AWS config files cannot be read: " + unreadable.getMessage() + ")", false);
        }
        Optional<Profile> found = files.profile(profile);
        if (found.isEmpty()) {
            ProfileFiles.Absence absent = ProfileFiles.absence(profile, files);
            return new Answer(
                    " (" + absent.where()
                            + absent.meant()
                                    .map(meant -> "; did you mean " + meant + "?")
                                    .orElse("") + ")",
                    true);
        }
        try (ProfileCredentialsProvider own =
                ProfileCredentialsProvider.builder().profileName(profile).build()) {
            own.resolveCredentials();
            return new Answer(" (which gives credentials now: run again)", false);
        } catch (RuntimeException e) {
            return new Answer(
                    " (which answered: " + reason(e)
                            + (signsInThroughIdentityCenter(found.get())
                                    ? "; sign in with aws sso login --profile " + profile
                                    : "")
                            + ")",
                    false);
        }
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
