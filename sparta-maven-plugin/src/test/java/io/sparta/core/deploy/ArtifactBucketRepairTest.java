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

    /**
     * A provision does not ask S3 whether the managed bucket exists: the first upload that finds it gone (PutObject's
     * NoSuchBucket; a HEAD answers 404 alike for a missing key and a missing bucket) has its stack made again and
     * goes to the new bucket.
     */
    @Test
    void aManagedBucketGoneIsFoundByTheFirstUploadWhichGoesToTheNewBucket() throws Exception {
        String current = new ManagedArtifactBucket(cloudFormation, s3, new RecordingConsole()).ensure();
        s3.listObjectsV2Paginator(r -> r.bucket(current))
                .contents()
                .forEach(o -> s3.deleteObject(r -> r.bucket(current).key(o.key())));
        s3.deleteBucket(r -> r.bucket(current));

        RecordingConsole console = new RecordingConsole();
        ArtifactStore store = ArtifactStore.managed(cloudFormation, s3, Region.EU_WEST_1, console);
        assertEquals(current, store.bucket(), "named by its stack, before any upload");
        assertTrue(console.warnings().isEmpty(), console.lines().toString());

        Path jar = Files.writeString(work.resolve("lazy.jar"), "lazy archive", StandardCharsets.UTF_8);
        assertTrue(store.putIfAbsent("orders/archives/lazy.jar", jar, "application/java-archive"));

        String replaced = store.bucket();
        assertNotEquals(current, replaced);
        assertEquals(
                "The artifact bucket " + current + " of stack sparta-artifacts does not exist (deleted outside"
                        + " CloudFormation); deleting the stack and creating it again with a new bucket. Every service"
                        + " using it uploads its archive again at its next provision.",
                console.warnings().get(0));
        assertEquals(
                "lazy archive",
                s3.getObjectAsBytes(r -> r.bucket(replaced).key("orders/archives/lazy.jar"))
                        .asUtf8String());
        assertTrue(
                console.lines().contains("Uploaded   s3://" + replaced + "/orders/archives/lazy.jar (12 bytes)"),
                console.lines().toString());
        assertEquals(replaced, new ManagedArtifactBucket(cloudFormation, s3, new RecordingConsole()).ensure());
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
