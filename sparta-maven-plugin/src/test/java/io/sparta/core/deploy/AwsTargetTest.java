package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsTarget.Setting;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsTargetTest {

    private static final Setting NONE = new Setting("<x>", Optional.empty());

    @TempDir
    Path home;

    @BeforeEach
    void sharedFiles() throws Exception {
        // The SDK reads these system properties before AWS_CONFIG_FILE, so the test sees only its own profiles.
        Path config = Files.writeString(home.resolve("config"), "[default]\nregion = eu-west-1\n[profile ci]\n");
        Path credentials =
                Files.writeString(home.resolve("credentials"), "[deployer]\naws_access_key_id = AKIAEXAMPLE\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private static Setting set(String source, String value) {
        return new Setting(source, Optional.of(value));
    }

    @Test
    void acceptedValuesMakeTheTarget() throws Exception {
        assertEquals(
                new AwsTarget(
                        Optional.of("us-gov-west-1"),
                        Optional.of("ci"),
                        Optional.of(URI.create("http://127.0.0.1:4566")),
                        30),
                AwsTarget.configured(
                        set("<region>", "us-gov-west-1"),
                        set("<profile>", "ci"),
                        set("<endpoint>", "http://127.0.0.1:4566"),
                        30,
                        "<maxAttempts>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "ci", "deployer"})
    void aProfileFromEitherSharedFileIsAccepted(String profile) throws Exception {
        assertEquals(
                Optional.of(profile),
                AwsTarget.configured(NONE, set("<profile>", profile), NONE, 10, "<maxAttempts>")
                        .profile());
    }

    @Test
    void aProfileNoSharedFileHoldsIsNamedWithTheFilesReadAndTheProfilesThere() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> AwsTarget.configured(
                        NONE, set("<profile> (-Dsparta.profile)", "prod"), NONE, 10, "<maxAttempts>"));
        assertEquals(
                "<profile> (-Dsparta.profile) \"prod\" names no profile: it is in neither " + home.resolve("config")
                        + " nor " + home.resolve("credentials") + ", which have the profiles ci, default, deployer."
                        + " Add a [profile prod] section to " + home.resolve("config") + ", name one of those, or drop"
                        + " the setting to use the SDK's default credentials",
                e.getMessage());
    }

    @Test
    void aMisspeltProfileIsOfferedTheNearestOneRatherThanToBeCreated() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> AwsTarget.configured(
                        NONE, set("<profile> (-Dsparta.profile)", "deplyer"), NONE, 10, "<maxAttempts>"));
        assertEquals(
                "<profile> (-Dsparta.profile) \"deplyer\" names no profile: it is in neither "
                        + home.resolve("config") + " nor " + home.resolve("credentials")
                        + ", which have the profiles ci, default, deployer. Did you mean deployer?",
                e.getMessage());
    }

    @Test
    void everyBadValueIsListedAtOnce() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> AwsTarget.configured(
                        set("AWS_REGION", "Frankfurt"),
                        set("<profile>", "my profile"),
                        set("AWS_ENDPOINT_URL", "localhost:4566"),
                        31,
                        "<maxAttempts> (-Dsparta.maxAttempts)"));
        assertEquals(
                String.join(
                        "\n",
                        "AWS_REGION \"Frankfurt\" is not an AWS region name, such as eu-west-1 or us-gov-west-1",
                        "<profile> \"my profile\" is not a profile name: letters, digits and _.@+-",
                        "AWS_ENDPOINT_URL \"localhost:4566\" is not an endpoint URL; write http(s)://HOST[:PORT], such"
                                + " as http://127.0.0.1:4566 for a local AWS API",
                        "<maxAttempts> (-Dsparta.maxAttempts) is 31; it counts tries of one AWS call, 1 to 30 (10 by"
                                + " default)"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://host", "http://", "127.0.0.1:4566", "file:///tmp"})
    void anEndpointThatIsNoHttpUrlWithAHostIsRefused(String endpoint) {
        assertThrows(
                SpartaUserException.class,
                () -> AwsTarget.configured(NONE, NONE, set("<endpoint>", endpoint), 10, "<maxAttempts>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eu-west-1",
                "us-east-2",
                "cn-north-1",
                "ap-southeast-5",
                "us-isob-east-1",
                "us-isof-south-1",
                "eu-isoe-west-1",
                "eusc-de-east-1"
            })
    void regionNamesOfEveryPartitionAreAccepted(String region) {
        assertEquals(Optional.empty(), AwsTarget.regionProblem("<region>", region));
    }

    /**
     * Regions newer than the AWS SDK in the plugin reach AWS as written: numbered on in an area it knows, or named
     * unlike any region it knows, or a typo's distance from one but with known words put together anew or a new
     * country code (us-south-1 is one edit from eu-south-1, mx-central-1 two from ca-central-1).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "eu-central-3",
                "ap-southeast-9",
                "us-gov-east-2",
                "xx-nowhere-1",
                "euw-lux-central-1",
                "us-south-1",
                "zz-central-1",
                "eusc-fr-east-1"
            })
    void regionsNewerThanTheSdkAreAccepted(String region) {
        assertEquals(Optional.empty(), AwsTarget.regionProblem("<region>", region));
    }

    @ParameterizedTest
    @CsvSource({
        "eu-wset-1, eu-west-1",
        "us-esat-1, us-east-1",
        "eu-centrl-1, eu-central-1",
        "ap-nrtheast-1, ap-northeast-1",
        "us-gov-wst-1, us-gov-west-1",
        "ue-west-1, eu-west-1",
        "su-east-1, us-east-1"
    })
    void aTypoOfAKnownRegionIsNamedWithTheRegionMeant(String region, String meant) {
        assertEquals(
                Optional.of("<region> \"" + region + "\" is not an AWS region; did you mean " + meant + "?"),
                AwsTarget.regionProblem("<region>", region));
    }

    @Test
    void aMisspeltRegionStopsTheTargetBeforeAnyCall() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> AwsTarget.configured(
                        set("<region> (-Dsparta.region)", "eu-wset-1"), NONE, NONE, 10, "<maxAttempts>"));
        assertEquals(
                "<region> (-Dsparta.region) \"eu-wset-1\" is not an AWS region; did you mean eu-west-1?",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU-WEST-1", "eu-west", "euwest1", "eu-west-1a", " ", "null"})
    void whatIsNoRegionNameIsNamed(String region) {
        assertEquals(
                Optional.of(
                        "<region> \"" + region + "\" is not an AWS region name, such as eu-west-1 or us-gov-west-1"),
                AwsTarget.regionProblem("<region>", region));
    }
}
