package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** The managed artifact bucket deleted by hand, and a configured one that is gone, against moto. */
class ArtifactBucketRepairTest {

    @TempDir
    static Path work;

    static MotoClients aws;
    static CloudFormationClient cloudFormation;
    static S3Client s3;

    @BeforeAll
    static void startMoto() {
        aws = MotoClients.start(work, Region.EU_WEST_1);
        cloudFormation = aws.cloudFormation;
        s3 = aws.s3;
    }

    @AfterAll
    static void stopMoto() {
        aws.close();
    }

    @Test
    void aManagedBucketDeletedByHandIsMadeAgainAndWorks() throws Exception {
        RecordingConsole first = new RecordingConsole();
        String original = new ManagedArtifactBucket(cloudFormation, s3, first).ensure();
        s3.headBucket(r -> r.bucket(original));
        assertTrue(first.warnings().isEmpty(), first.lines().toString());
        String originalStackId = cloudFormation
                .describeStacks(r -> r.stackName(ManagedArtifactBucket.STACK_NAME))
                .stacks()
                .get(0)
                .stackId();

        // What a user does in the console: empty the bucket and delete it; the stack still names it.
        s3.putObject(
                r -> r.bucket(original).key("orders/old.jar"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        s3.deleteObjects(r -> r.bucket(original)
                .delete(d -> d.objects(
                        ObjectIdentifier.builder().key("orders/old.jar").build())));
        s3.deleteBucket(r -> r.bucket(original));

        RecordingConsole console = new RecordingConsole();
        String repaired = new ManagedArtifactBucket(cloudFormation, s3, console).ensure();

        assertNotEquals(original, repaired);
        assertEquals(
                "The artifact bucket " + original + " of stack sparta-artifacts does not exist (deleted outside"
                        + " CloudFormation); deleting the stack and creating it again with a new bucket. Every service"
                        + " using it uploads its archive again at its next provision.",
                console.warnings().get(0));
        assertTrue(
                console.lines()
                        .contains("Stack sparta-artifacts created again; the artifact bucket is now " + repaired),
                console.lines().toString());
        assertNotEquals(
                originalStackId,
                cloudFormation
                        .describeStacks(r -> r.stackName(ManagedArtifactBucket.STACK_NAME))
                        .stacks()
                        .get(0)
                        .stackId());

        // A provision's uploads work again, and the next look-up is quiet and finds the same bucket.
        Path jar = Files.writeString(work.resolve("service.jar"), "archive", StandardCharsets.UTF_8);
        ArtifactStore store = new ArtifactStore(s3, Region.EU_WEST_1, repaired, new RecordingConsole());
        assertTrue(store.putIfAbsent("orders/archives/abc.jar", jar, "application/java-archive"));
        assertEquals(
                "archive",
                s3.getObjectAsBytes(r -> r.bucket(repaired).key("orders/archives/abc.jar"))
                        .asUtf8String());
        RecordingConsole after = new RecordingConsole();
        assertEquals(repaired, new ManagedArtifactBucket(cloudFormation, s3, after).ensure());
        assertTrue(after.lines().isEmpty(), after.lines().toString());
    }

    @Test
    void aConfiguredBucketThatIsGoneIsNamedAsTheS3BucketElement() {
        ArtifactStore store = new ArtifactStore(s3, Region.EU_WEST_1, "team-artifacts-gone", new RecordingConsole());
        SpartaUserException e = assertThrows(SpartaUserException.class, store::verifyReachable);
        assertEquals(
                "<s3Bucket> team-artifacts-gone does not exist in eu-west-1; create it, or remove <s3Bucket> to let"
                        + " Sparta manage one",
                e.getMessage());
    }
}
