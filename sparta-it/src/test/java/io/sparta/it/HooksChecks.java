package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What {@code mvn deploy} of the hooks sample leaves, checked through the AWS API the same way on moto
 * ({@code HooksIT}) and fakecloud ({@code HooksOnFakecloudIT}).
 */
final class HooksChecks {

    static final String STACK = "hooks-service";
    static final String FUNCTION = "hooks-service-ping";

    private HooksChecks() {}

    /**
     * The archive holds what the PostBuild and Archive executions added and is the shaded jar, and the deployed code
     * is that archive: byte for byte the object Sparta uploaded, whose entries are the archive's. (An archive that
     * differs from an earlier upload only in its entries' times keeps the earlier object's key and bytes.)
     */
    static void theDeployedCodeIsTheArchiveAsTheBuildStagesLeftIt(LocalAws aws, Path archive) throws Exception {
        try (ZipFile jar = new ZipFile(archive.toFile())) {
            assertNotNull(jar.getEntry("build-info.txt"), "the PostBuild execution's output is in the archive");
            assertNotNull(jar.getEntry("archive-extra.txt"), "the Archive execution's file is in the archive");
            assertNotNull(
                    jar.getEntry("com/amazonaws/services/lambda/runtime/Context.class"),
                    "the archive is the shaded jar");
        }
        String deployedSha256 = aws.lambda
                .getFunction(r -> r.functionName(FUNCTION))
                .configuration()
                .codeSha256();
        String bucket = aws.artifactBucket();
        List<byte[]> uploads = new ArrayList<>();
        for (S3Object object : aws.s3
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(STACK + "/"))
                .contents()) {
            if (object.key().endsWith(".jar")) {
                uploads.add(aws.s3
                        .getObjectAsBytes(r -> r.bucket(bucket).key(object.key()))
                        .asByteArray());
            }
        }
        byte[] deployed = uploads.stream()
                .filter(bytes -> sha256(bytes).equals(deployedSha256))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "the deployed code " + deployedSha256 + " is one of the " + uploads.size() + " uploads"));
        assertEquals(entries(Files.readAllBytes(archive)), entries(deployed), "the deployed code's entries");
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip's entries by name, each as the SHA-256 of its content. */
    private static Map<String, String> entries(byte[] zip) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), sha256(in.readAllBytes()));
            }
        }
        return entries;
    }

    /** The team's decorators set the function's variable and the queue's visibility timeout. */
    static void theTeamsDecoratorsShapedTheDeployedService(LocalAws aws) {
        FunctionConfiguration function =
                aws.lambda.getFunction(r -> r.functionName(FUNCTION)).configuration();
        assertEquals("hooks", function.environment().variables().get("DECORATED_BY"));

        // moto's DescribeStackResources fails on a stack holding a type it skipped (the alarm): find the queue by name.
        List<String> queues = aws.sqs.listQueues().queueUrls().stream()
                .filter(url -> url.contains("WorkQueue"))
                .toList();
        assertEquals(1, queues.size(), queues.toString());
        String queueUrl = queues.get(0);
        assertEquals(
                "90",
                aws.sqs
                        .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("VisibilityTimeout"))
                        .attributesAsStrings()
                        .get("VisibilityTimeout"));
    }

    /** The built-in dashboard shows the function in the stack's region (read through CloudWatch's query API). */
    static void theBuiltInDashboardIsProvisioned(LocalAws aws) {
        String body = aws.cloudWatchQuery.dashboardBody(STACK);
        assertTrue(body.contains("\"" + FUNCTION + "\""), body);
        assertTrue(body.contains("\"us-east-1\""), body);
    }
}
