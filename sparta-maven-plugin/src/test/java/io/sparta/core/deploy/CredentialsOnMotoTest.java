package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Where a session's credentials come from, as the SDK reads them on a user's machine (the AWS config and credentials
 * files, named by the SDK's system properties), against moto: the profiles that need the SDK's STS and SSO modules,
 * and what a user is told when none gives credentials.
 */
class CredentialsOnMotoTest {

    /** The SDK's system properties this class sets; each test starts without any of them. */
    private static final List<String> PROPERTIES = List.of(
            "aws.accessKeyId",
            "aws.secretAccessKey",
            "aws.configFile",
            "aws.sharedCredentialsFile",
            "aws.profile",
            "aws.disableEc2Metadata",
            "aws.endpointUrl");

    private static final String CONFIG = """
            [default]
            region = us-east-1
            [profile ci]
            region = us-east-1
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/Deployer
            source_profile = base
            [profile sso]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Deployer
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            """;

    private static final String CREDENTIALS = """
            [base]
            aws_access_key_id = testing
            aws_secret_access_key = testing
            """;

    /** How every default-chain message ends. */
    private static final String WITH_E = "; run again with -e (Maven 3.9 or later) for every source's answer";

    @TempDir
    static Path work;

    static MotoSessions moto;

    private final Map<String, String> saved = new HashMap<>();

    @BeforeAll
    static void startMoto() {
        assumeTrue(
                System.getenv("AWS_ACCESS_KEY_ID") == null
                        && System.getenv("AWS_PROFILE") == null
                        && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
                        && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                        && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null,
                "the environment gives credentials");
        moto = MotoSessions.start(work);
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void onlyTheseFiles() throws Exception {
        PROPERTIES.forEach(name -> {
            String value = System.getProperty(name);
            if (value != null) {
                saved.put(name, value);
            }
            System.clearProperty(name);
        });
        System.setProperty(
                "aws.configFile",
                Files.writeString(work.resolve("config"), CONFIG).toString());
        System.setProperty(
                "aws.sharedCredentialsFile",
                Files.writeString(work.resolve("credentials"), CREDENTIALS).toString());
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterEach
    void restore() {
        PROPERTIES.forEach(System::clearProperty);
        saved.forEach(System::setProperty);
    }

    private static AwsSession session(Optional<String> profile) throws SpartaUserException {
        return AwsSession.open(new AwsTarget(Optional.of("us-east-1"), profile, Optional.of(moto.endpoint()), 1));
    }

    /** The message a goal ends with when the session's first call finds no credentials. */
    private static SpartaUserException firstCallFails(Optional<String> profile) throws Exception {
        try (AwsSession aws = session(profile)) {
            RuntimeException failed = assertThrows(
                    RuntimeException.class, () -> aws.cloudFormation().listStacks());
            return assertInstanceOf(SpartaUserException.class, AwsFailures.explain(failed));
        }
    }

    @Test
    void aProfileThatAssumesARoleGetsTheRolesCredentialsFromSts() throws Exception {
        // The SDK's own STS client, which the profile provider builds, goes to moto through the global endpoint.
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        try (AwsSession aws = session(Optional.of("deployer"))) {
            aws.cloudFormation().listStacks();
        }
        try (ReportedCredentials deployer =
                new ReportedCredentials(ProfileCredentialsProvider.create("deployer"), Optional.of("deployer"))) {
            String keyId = deployer.resolveCredentials().accessKeyId();
            assertNotEquals("testing", keyId, "the source profile's key, not the role's");
            assertTrue(keyId.startsWith("ASIA"), keyId);
        }
    }

    /**
     * The SDK's chain passes over an environment with half a key pair and takes the default profile's keys without a
     * word: the session refuses it before any call, where a profile is not named.
     */
    @Test
    void halfAKeyPairInTheEnvironmentIsRefusedBeforeAnyCallWhereNoProfileIsNamed() throws Exception {
        AwsTarget target = new AwsTarget(Optional.of("us-east-1"), Optional.empty(), Optional.of(moto.endpoint()), 1);
        SpartaUserException idOnly = assertThrows(
                SpartaUserException.class,
                () -> AwsSession.open(target, Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")::get));
        assertEquals(
                "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: the AWS SDK would pass over both and use"
                        + " the next credentials it finds (a profile's), which may be another account's. Next: set"
                        + " AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or unset"
                        + " AWS_ACCESS_KEY_ID to use a profile",
                idOnly.getMessage());
        SpartaUserException secretOnly = assertThrows(
                SpartaUserException.class,
                () -> AwsSession.open(
                        target, Map.of("AWS_SECRET_ACCESS_KEY", "secret", "AWS_ACCESS_KEY_ID", " ")::get));
        assertEquals(
                "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: the AWS SDK would pass over both and use"
                        + " the next credentials it finds (a profile's), which may be another account's. Next: set"
                        + " AWS_ACCESS_KEY_ID (and AWS_SESSION_TOKEN for temporary credentials), or unset"
                        + " AWS_SECRET_ACCESS_KEY to use a profile",
                secretOnly.getMessage());
        // A named profile is read whatever the environment holds: its keys answer.
        AwsTarget named = new AwsTarget(Optional.of("us-east-1"), Optional.of("base"), Optional.of(moto.endpoint()), 1);
        try (AwsSession aws = AwsSession.open(named, Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")::get)) {
            assertEquals(List.of(), aws.cloudFormation().listStacks().stackSummaries());
        }
    }

    @Test
    void noCredentialsAnywhereSaysWhereTheSdkLookedInOneSentence() throws Exception {
        SpartaUserException missing = firstCallFails(Optional.empty());
        assertEquals(
                "No AWS credentials found: the AWS SDK looked in the aws.accessKeyId system property,"
                        + " AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, the profile default (which answered:"
                        + " Profile file contained no credentials for profile 'default'), the container's"
                        + " credentials endpoint and the instance metadata. Next: set <profile> (or"
                        + " -Dsparta.profile), AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" + WITH_E,
                missing.getMessage());
        // Maven prints a cause's message after the exception's own: the SDK's list of every provider is kept for -e.
        assertNull(missing.getCause());
        assertEquals(1, missing.getSuppressed().length);
    }

    @Test
    void anAwsProfileThatIsInNoFileIsSaidSo() throws Exception {
        System.setProperty("aws.profile", "nightly");
        assertEquals(
                "No AWS credentials found: the AWS SDK looked in the aws.accessKeyId system property,"
                        + " AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, the profile nightly of AWS_PROFILE (in"
                        + " neither " + work.resolve("config") + " nor " + work.resolve("credentials")
                        + ", which have the profiles base, ci, default, deployer, sso), the container's credentials"
                        + " endpoint and the instance metadata. Next: set AWS_PROFILE to a profile those files have,"
                        + " or unset it to use the default one" + WITH_E,
                firstCallFails(Optional.empty()).getMessage());
    }

    @Test
    void aConfiguredProfileWithoutKeysIsNamedWithoutTheProfileFileDump() throws Exception {
        assertEquals(
                "No AWS credentials from the profile ci (<profile>, -Dsparta.profile): Profile file contained no"
                        + " credentials for profile 'ci'. Next: check the profile in " + work.resolve("config")
                        + " and " + work.resolve("credentials") + ": it needs aws_access_key_id and"
                        + " aws_secret_access_key, a role_arn with a source_profile, or an sso_session",
                firstCallFails(Optional.of("ci")).getMessage());
    }

    @Test
    void anAwsProfileNearOneTheFilesHaveIsOfferedIt() throws Exception {
        System.setProperty("aws.profile", "CI");
        assertEquals(
                "No AWS credentials found: the AWS SDK looked in the aws.accessKeyId system property,"
                        + " AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, the profile CI of AWS_PROFILE (in neither "
                        + work.resolve("config") + " nor " + work.resolve("credentials")
                        + ", which have the profiles base, ci, default, deployer, sso; did you mean ci?), the"
                        + " container's credentials endpoint and the instance metadata. Next: set AWS_PROFILE to a"
                        + " profile those files have, or unset it to use the default one" + WITH_E,
                firstCallFails(Optional.empty()).getMessage());
    }

    /** What the SDK's SSO module (2.59.1) says of a profile without a cached sign-in, its full stop left out. */
    private static final String NO_SSO_SESSION = "The SSO session associated with this profile has expired or is"
            + " otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile";

    /**
     * Not signed in, the SDK's SSO module (on the plugin's class path, or the profile could not be read at all) finds
     * no token and the user is told to sign in. moto has no IAM Identity Center portal, so a signed-in session's
     * credentials are not tried here.
     */
    @Test
    void anIamIdentityCenterProfileNotSignedInSaysHowToSignIn_motoHasNoSsoPortal() throws Exception {
        assertEquals(
                "No AWS credentials from the profile sso (<profile>, -Dsparta.profile): " + NO_SSO_SESSION
                        + ". Next: sign in with aws sso login --profile sso, then run the goal again",
                firstCallFails(Optional.of("sso")).getMessage());
        System.setProperty("aws.profile", "sso");
        assertEquals(
                "No AWS credentials found: the AWS SDK looked in the aws.accessKeyId system property,"
                        + " AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, the profile sso of AWS_PROFILE (which"
                        + " answered: " + NO_SSO_SESSION + "; sign in with aws sso login --profile sso), the"
                        + " container's credentials endpoint and the instance metadata. Next: set <profile> (or"
                        + " -Dsparta.profile), AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" + WITH_E,
                firstCallFails(Optional.empty()).getMessage());
    }
}
