package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sparta.core.common.SpartaUserException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The session's clients, built once whichever thread asks first, and what the ledger says of the SDK's own time,
 * against moto.
 */
class AwsSessionTest {

    private static final Pattern SDK_TIMES = Pattern.compile(
            "the AWS SDK built (\\d+) clients? in (\\d+) ms; its (\\d+) calls? took (\\d+) ms, (\\d+) ms of it"
                    + " waiting for responses");

    @TempDir
    static Path work;

    static MotoSessions moto;

    @BeforeAll
    static void startMoto() {
        moto = MotoSessions.start(work);
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    private static Matcher sdkTimes(AwsSession aws) {
        Matcher times = SDK_TIMES.matcher(aws.ledger().sdkTimes());
        assertTrue(times.matches(), aws.ledger().sdkTimes());
        return times;
    }

    @Test
    void theClientsPreparedOnASecondThreadAreTheOnesTheGoalGetsEachBuiltOnce() throws Exception {
        try (AwsSession aws = moto.open()) {
            aws.prepareCloudFormationAndS3();
            S3Client s3 = aws.s3();
            aws.cloudFormation().listStacks();
            assertSame(s3, aws.s3());
            aws.prepareCloudFormationAndS3();
            s3.listBuckets();
            // The HTTP client they share, CloudFormation's and S3's: three, though both threads asked for each.
            assertEquals("3", sdkTimes(aws).group(1));
            assertEquals("2", sdkTimes(aws).group(3));
        }
    }

    @Test
    void callsAreTimedFailedOnesIncludedAndTheirWaitingIsPartOfThem() throws Exception {
        try (AwsSession aws = moto.open()) {
            assertEquals(
                    "the AWS SDK built 0 clients in 0 ms; its 0 calls took 0 ms, 0 ms of it waiting for responses",
                    aws.ledger().sdkTimes());
            aws.cloudFormation().listStacks();
            try {
                aws.cloudFormation().describeStacks(r -> r.stackName("absent"));
            } catch (CloudFormationException expected) {
                // Counted and timed as a call all the same.
            }
            Matcher times = sdkTimes(aws);
            assertEquals("2", times.group(1));
            assertEquals("2", times.group(3));
            long calling = Long.parseLong(times.group(4));
            long waiting = Long.parseLong(times.group(5));
            assertTrue(calling >= waiting, aws.ledger().sdkTimes());
            assertTrue(
                    aws.ledger()
                            .summary()
                            .startsWith(
                                    "2 AWS calls in 2 attempts (CloudFormation:DescribeStacks 1,"
                                            + " CloudFormation:ListStacks 1), 0 bytes uploaded to S3; the AWS SDK built 2 clients"),
                    aws.ledger().summary());
        }
    }

    @Test
    void noRegionAnywhereIsAUserErrorSayingWhereItLookedWithoutTheSdksProviderDump() {
        assumeTrue(
                System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "the environment sets a region");
        System.setProperty("aws.configFile", work.resolve("absent-config").toString());
        System.setProperty(
                "aws.sharedCredentialsFile", work.resolve("absent-credentials").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            SpartaUserException missing = assertThrows(
                    SpartaUserException.class,
                    () -> AwsSession.open(new AwsTarget(Optional.empty(), Optional.of("ci"), Optional.empty(), 1)));
            assertEquals(
                    "No AWS region is set (looked for <region>, -Dsparta.region, AWS_REGION, the aws.region system"
                            + " property, the region of the profile ci in the AWS config file, and EC2 instance"
                            + " metadata): configure <region> (or -Dsparta.region), set AWS_REGION, or give the"
                            + " profile a region",
                    missing.getMessage());
            // Maven prints a cause's message after the exception's own; the SDK's is kept for -e only.
            assertNull(missing.getCause());
            assertEquals(1, missing.getSuppressed().length);
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.disableEc2Metadata");
        }
    }

    @Test
    void aMisspeltRegionFromTheProfileIsNamedWithWhereItWasFound() throws Exception {
        assumeTrue(
                System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "the environment sets a region");
        Path config =
                java.nio.file.Files.writeString(work.resolve("typo-config"), "[profile ci]\nregion = eu-wset-1\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty(
                "aws.sharedCredentialsFile", work.resolve("absent-credentials").toString());
        try {
            SpartaUserException misspelt = assertThrows(
                    SpartaUserException.class,
                    () -> AwsSession.open(new AwsTarget(Optional.empty(), Optional.of("ci"), Optional.empty(), 1)));
            assertEquals(
                    "The region the AWS SDK found (in AWS_REGION, the aws.region system property, the profile ci in"
                            + " the AWS config file or instance metadata) \"eu-wset-1\" is not an AWS region; did you"
                            + " mean eu-west-1?",
                    misspelt.getMessage());
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void closingWaitsForClientsStillBeingBuilt() throws Exception {
        AwsSession aws = moto.open();
        aws.prepareCloudFormationAndS3();
        aws.close();
        // Closed after the second thread built all three, so none is left open behind the goal.
        assertEquals("3", sdkTimes(aws).group(1));
    }
}
