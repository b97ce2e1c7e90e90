package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.annotations.Access;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.StreamView;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.core.RecordingConsole;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.JacksonReader;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.template.ServiceTemplate;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A service whose stack keeps its table and bucket, deleted and provisioned again under the same stack name, against
 * moto: delete names what stayed, and the stack made again gets a bucket of its own beside the kept one.
 */
class KeptResourcesTest {

    private static final String STACK = "orders";
    private static final String ARTIFACTS = "orders-artifacts";
    private static final String ARCHIVE = "orders/archives/abc.jar";

    @TempDir
    static Path work;

    static MotoClients aws;
    static CloudFormationClient cloudFormation;
    static S3Client s3;

    @BeforeAll
    static void startMoto() throws Exception {
        aws = MotoClients.start(work, Region.US_EAST_1);
        cloudFormation = aws.cloudFormation;
        s3 = aws.s3;
        s3.createBucket(r -> r.bucket(ARTIFACTS));
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(jar)) {
            zip.putNextEntry(new ZipEntry("acme/Ingest.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        s3.putObject(r -> r.bucket(ARTIFACTS).key(ARCHIVE), RequestBody.fromBytes(jar.toByteArray()));
    }

    @AfterAll
    static void stopMoto() {
        aws.close();
    }

    /** A function using a kept table and a kept bucket, as the model builder declares them. */
    private static ServiceModel service() {
        OwnedResource.Bucket uploads = new OwnedResource.Bucket("uploads", false, true);
        OwnedResource.Table orders =
                new OwnedResource.Table("orders", "id", KeyType.STRING, "", KeyType.STRING, StreamView.NONE, true);
        LambdaFunction ingest = TestFunctions.function(
                "ingest",
                "Ingest",
                FunctionOptions.DEFAULTS,
                List.of(),
                Map.of(
                        orders.environmentVariable(),
                        "${" + orders.logicalId() + "}",
                        uploads.environmentVariable(),
                        uploads.physicalName(STACK)),
                new FunctionAccess(
                        List.of(
                                new FunctionAccess.ResourceGrant("orders", Access.WRITE),
                                new FunctionAccess.ResourceGrant("uploads", Access.FULL)),
                        List.of()));
        return new ServiceModel(
                "orders",
                STACK,
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(ingest),
                HttpApiSettings.DEFAULTS,
                List.of(orders, uploads));
    }

    private static StackDeployer.Deployment provision() throws Exception {
        Path template = work.resolve("template.json");
        Files.write(template, TemplateJson.bytes(ServiceTemplate.marshal(service())));
        ArtifactStore store = new ArtifactStore(s3, Region.US_EAST_1, ARTIFACTS, new RecordingConsole());
        store.putIfAbsent("orders/templates/t.json", template, "application/json");
        return new StackDeployer(cloudFormation, new RecordingConsole())
                .deploy(
                        new StackDeployer.Request(
                                STACK,
                                store.httpsUrl("orders/templates/t.json"),
                                JacksonReader.MAPPER.readTree(template.toFile()),
                                Map.of(
                                        ServiceTemplate.ARTIFACT_BUCKET, ARTIFACTS,
                                        ServiceTemplate.ARTIFACT_KEY, ARCHIVE),
                                Map.of(),
                                "orders"),
                        io.sparta.core.plan.Safeguards.none());
    }

    private static String physicalId(String logicalId) {
        return cloudFormation
                .describeStackResource(r -> r.stackName(STACK).logicalResourceId(logicalId))
                .stackResourceDetail()
                .physicalResourceId();
    }

    @Test
    void deleteNamesTheKeptTableAndBucketAndTheNextProvisionOfTheStackWorks() throws Exception {
        StackDeployer.Deployment first = provision();
        assertEquals("CREATE_COMPLETE", first.outcome().orElseThrow().stack().stackStatusAsString());
        String keptBucket = physicalId("UploadsBucket");
        String keptTable = physicalId("OrdersTable");
        String firstUuid = first.stackId().substring(first.stackId().lastIndexOf('/') + 1);
        assertEquals("orders-uploads-123456789012-" + firstUuid.substring(0, 8), keptBucket);
        s3.putObject(r -> r.bucket(keptBucket).key("invoice.pdf"), RequestBody.fromString("data"));

        RecordingConsole console = new RecordingConsole();
        assertTrue(new StackRemover(cloudFormation, console).delete(STACK, "orders", Optional.empty()));

        assertEquals(
                List.of(
                        "Stack orders kept 2 resources (DeletionPolicy Retain); each stays in the account, with its"
                                + " data and its cost, until you delete it:",
                        "  AWS::DynamoDB::Table " + keptTable + " (OrdersTable): the next provision creates a new,"
                                + " empty table under a new name; this one keeps its items; to delete it: aws dynamodb"
                                + " delete-table --table-name " + keptTable + " --region us-east-1",
                        "  AWS::S3::Bucket " + keptBucket + " (UploadsBucket): the next provision creates a new,"
                                + " empty bucket under a new name; this one keeps its objects; to delete it: aws s3 rb"
                                + " s3://" + keptBucket + " --force --region us-east-1"),
                console.warnings());
        assertTrue(
                console.lines().contains("Stack orders deleted"),
                console.lines().toString());
        assertEquals(
                "data",
                s3.getObjectAsBytes(r -> r.bucket(keptBucket).key("invoice.pdf"))
                        .asUtf8String(),
                "the kept bucket keeps its objects");

        StackDeployer.Deployment second = provision();
        assertEquals("CREATE_COMPLETE", second.outcome().orElseThrow().stack().stackStatusAsString());
        assertNotEquals(first.stackId(), second.stackId());
        String newBucket = physicalId("UploadsBucket");
        assertNotEquals(keptBucket, newBucket);
        assertNotEquals(keptTable, physicalId("OrdersTable"));
        assertEquals(0, s3.listObjectsV2(r -> r.bucket(newBucket)).keyCount(), "the new bucket starts empty");
        s3.headBucket(r -> r.bucket(keptBucket));

        // Deleted again, it names the second creation's own bucket.
        RecordingConsole again = new RecordingConsole();
        new StackRemover(cloudFormation, again).delete(STACK, "orders", Optional.empty());
        assertEquals(3, again.warnings().size(), again.warnings().toString());
        assertTrue(
                again.warnings().get(2).startsWith("  AWS::S3::Bucket " + newBucket + " (UploadsBucket): "),
                again.warnings().toString());
    }
}
