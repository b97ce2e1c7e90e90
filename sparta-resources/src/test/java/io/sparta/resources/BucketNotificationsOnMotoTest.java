package io.sparta.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparta.runtime.customresource.CustomResourceFunction;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/**
 * The handler driven with the requests CloudFormation sends, against moto's S3 API, answering at a local stand-in
 * for the pre-signed ResponseURL. The handler is built as Lambda builds it (no-argument constructor): its client
 * finds moto through {@code aws.endpointUrlS3}, the system property form of {@code AWS_ENDPOINT_URL_S3}.
 */
class BucketNotificationsOnMotoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/5a1b2c3d-0000-4000-8000-00000000aaaa";
    private static final String FUNCTIONS = "arn:aws:lambda:eu-west-1:123456789012:function:";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Sparta's notifications as the template writes them, and as they must land in the bucket. */
    private static final String INGEST = """
            {"Id": "sparta-orders-ingest-1", "LambdaFunctionArn": "%sorders-ingest",
             "Events": ["s3:ObjectCreated:*"], "Prefix": "uploads/", "Suffix": ".csv"}""".formatted(FUNCTIONS);

    private static final String PURGE = """
            {"Id": "sparta-orders-purge-2", "LambdaFunctionArn": "%sorders-purge",
             "Events": ["s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated"], "Prefix": "", "Suffix": ""}""".formatted(FUNCTIONS);

    private static final LambdaFunctionConfiguration INGEST_SET = LambdaFunctionConfiguration.builder()
            .id("sparta-orders-ingest-1")
            .lambdaFunctionArn(FUNCTIONS + "orders-ingest")
            .events(Event.S3_OBJECT_CREATED)
            .filter(filter -> filter.key(key -> key.filterRules(rule("prefix", "uploads/"), rule("suffix", ".csv"))))
            .build();
    private static final LambdaFunctionConfiguration PURGE_SET = LambdaFunctionConfiguration.builder()
            .id("sparta-orders-purge-2")
            .lambdaFunctionArn(FUNCTIONS + "orders-purge")
            .eventsWithStrings("s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated")
            .build();

    /** The bucket owner's own notifications: a topic, a filtered queue and a function of theirs. */
    private static final TopicConfiguration OWNER_TOPIC = TopicConfiguration.builder()
            .id("owner-audit")
            .topicArn("arn:aws:sns:eu-west-1:123456789012:photo-audit")
            .eventsWithStrings("s3:ObjectRemoved:*")
            .build();

    private static final QueueConfiguration OWNER_QUEUE = QueueConfiguration.builder()
            .id("owner-index")
            .queueArn("arn:aws:sqs:eu-west-1:123456789012:photo-index")
            .eventsWithStrings("s3:ObjectCreated:*")
            .filter(filter -> filter.key(key -> key.filterRules(rule("prefix", "index/"))))
            .build();
    private static final LambdaFunctionConfiguration OWNER_FUNCTION = LambdaFunctionConfiguration.builder()
            .id("owner-thumbnails")
            .lambdaFunctionArn(FUNCTIONS + "thumbnails")
            .eventsWithStrings("s3:ObjectCreated:Put")
            .build();

    private static MotoServer moto;
    private static S3Client s3;
    private static ResponseUrl responseUrl;
    private static BucketNotifications handler;

    @BeforeAll
    static void start() {
        moto = MotoServer.start(
                PythonTools.fromSystemProperties(), Path.of("target", "moto", "bucket-notifications.log"));
        // What Lambda's environment gives the function, in the system properties the SDK reads first.
        System.setProperty("aws.endpointUrlS3", moto.endpoint().toString());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        s3 = S3Client.builder()
                .endpointOverride(moto.endpoint())
                .forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        responseUrl = ResponseUrl.start();
        handler = new BucketNotifications();
    }

    @AfterAll
    static void stop() {
        responseUrl.close();
        s3.close();
        moto.close();
    }

    private static FilterRule rule(String name, String value) {
        return FilterRule.builder().name(name).value(value).build();
    }

    /** A new bucket in eu-west-1 holding the owner's notifications. */
    private static String ownersBucket() {
        String bucket = "legacy-drop-" + COUNTER.incrementAndGet();
        s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.putBucketNotificationConfiguration(r -> r.bucket(bucket)
                .notificationConfiguration(c -> c.topicConfigurations(OWNER_TOPIC)
                        .queueConfigurations(OWNER_QUEUE)
                        .lambdaFunctionConfigurations(OWNER_FUNCTION)));
        return bucket;
    }

    private static String properties(String bucket, String... notifications) {
        return """
                {"ServiceToken": "%ssparta-resources", "Bucket": "%s", "Notifications": [%s]}""".formatted(FUNCTIONS, bucket, String.join(", ", notifications));
    }

    /**
     * Sends the request CloudFormation sends and returns its answer.
     *
     * @param physicalId null on Create
     * @param old the old properties; null unless Update
     */
    private static JsonNode send(String requestType, String physicalId, String properties, String old)
            throws Exception {
        String requestId = "d6b5a5e4-" + COUNTER.incrementAndGet();
        String event = """
                {"RequestType": "%s", "ServiceToken": "%ssparta-resources", "ResponseURL": "%s",
                 "StackId": "%s", "RequestId": "%s", "LogicalResourceId": "LegacyDropNotifications",
                 %s "ResourceType": "Custom::SpartaBucketNotifications", "ResourceProperties": %s %s}""".formatted(
                        requestType,
                        FUNCTIONS,
                        responseUrl.forRequest(requestId),
                        STACK_ID,
                        requestId,
                        physicalId == null ? "" : "\"PhysicalResourceId\": \"" + physicalId + "\",",
                        properties,
                        old == null ? "" : ", \"OldResourceProperties\": " + old);
        handler.handleRequest(JSON.readValue(event, new TypeReference<Map<String, Object>>() {}), null);
        return responseUrl.answer(requestId);
    }

    private static void assertSucceeded(String physicalId, JsonNode answer) {
        assertEquals("SUCCESS", answer.get("Status").asText(), answer.toString());
        assertEquals(physicalId, answer.get("PhysicalResourceId").asText());
        assertEquals("LegacyDropNotifications", answer.get("LogicalResourceId").asText());
    }

    private static GetBucketNotificationConfigurationResponse configuration(String bucket) {
        return s3.getBucketNotificationConfiguration(r -> r.bucket(bucket));
    }

    /** Every notification of the bucket, without the response's metadata (request ids differ each time). */
    private static List<List<?>> notifications(String bucket) {
        GetBucketNotificationConfigurationResponse configuration = configuration(bucket);
        return List.of(
                configuration.topicConfigurations(),
                configuration.queueConfigurations(),
                configuration.lambdaFunctionConfigurations());
    }

    /** Asserts the owner's topic and queue are untouched and the function configurations are exactly these. */
    private static void assertHolds(String bucket, LambdaFunctionConfiguration... functions) {
        GetBucketNotificationConfigurationResponse configuration = configuration(bucket);
        assertEquals(List.of(OWNER_TOPIC), configuration.topicConfigurations());
        assertEquals(List.of(OWNER_QUEUE), configuration.queueConfigurations());
        assertEquals(List.of(functions), configuration.lambdaFunctionConfigurations());
    }

    @Test
    void createAddsOursAndKeepsTheOwnersQueueTopicAndFunction() throws Exception {
        String bucket = ownersBucket();

        JsonNode answer = send("Create", null, properties(bucket, INGEST, PURGE), null);

        assertSucceeded(bucket, answer);
        assertHolds(bucket, OWNER_FUNCTION, INGEST_SET, PURGE_SET);
    }

    @Test
    void updateChangingEventsAndSuffixReplacesOursOnlyAndDropsOnesNoLongerNamed() throws Exception {
        String bucket = ownersBucket();
        send("Create", null, properties(bucket, INGEST, PURGE), null);
        String ingestPng = INGEST.replace("\".csv\"", "\".png\"").replace("s3:ObjectCreated:*", "s3:ObjectCreated:Put");

        JsonNode answer = send("Update", bucket, properties(bucket, ingestPng), properties(bucket, INGEST, PURGE));

        assertSucceeded(bucket, answer);
        assertHolds(
                bucket,
                OWNER_FUNCTION,
                INGEST_SET.toBuilder()
                        .eventsWithStrings("s3:ObjectCreated:Put")
                        .filter(filter ->
                                filter.key(key -> key.filterRules(rule("prefix", "uploads/"), rule("suffix", ".png"))))
                        .build());
    }

    @Test
    void updateToAnotherBucketSetsItAndLeavesTheOldOneUntilItsDelete() throws Exception {
        String old = ownersBucket();
        String moved = ownersBucket();
        send("Create", null, properties(old, INGEST), null);

        JsonNode answer = send("Update", old, properties(moved, INGEST), properties(old, INGEST));

        assertSucceeded(moved, answer);
        assertHolds(moved, OWNER_FUNCTION, INGEST_SET);
        assertHolds(old, OWNER_FUNCTION, INGEST_SET);

        // The new physical id makes CloudFormation delete the old one, with its properties, once the update is done.
        assertSucceeded(old, send("Delete", old, properties(old, INGEST), null));

        assertHolds(old, OWNER_FUNCTION);
        assertHolds(moved, OWNER_FUNCTION, INGEST_SET);
    }

    @Test
    void deleteRemovesOnlyOurs() throws Exception {
        String bucket = ownersBucket();
        send("Create", null, properties(bucket, INGEST, PURGE), null);

        JsonNode answer = send("Delete", bucket, properties(bucket, INGEST, PURGE), null);

        assertSucceeded(bucket, answer);
        assertHolds(bucket, OWNER_FUNCTION);
    }

    @Test
    void deleteOfABucketThatNoLongerExistsSucceeds() throws Exception {
        JsonNode answer = send("Delete", "legacy-gone", properties("legacy-gone", INGEST), null);

        assertSucceeded("legacy-gone", answer);
    }

    @Test
    void createOnABucketThatDoesNotExistFailsNamingIt() throws Exception {
        JsonNode answer = send("Create", null, properties("legacy-missing", INGEST), null);

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "Bucket legacy-missing: S3 refused GetBucketNotificationConfiguration: The specified bucket does not"
                        + " exist (NoSuchBucket)",
                answer.get("Reason").asText());
        assertTrue(answer.get("PhysicalResourceId").asText().startsWith(CustomResourceFunction.FAILED_CREATE_PREFIX));
    }

    @Test
    void anUpdateS3RefusesFailsNamingTheBucketAndLeavesEveryNotificationAsItWas() throws Exception {
        String bucket = ownersBucket();
        send("Create", null, properties(bucket, INGEST, PURGE), null);
        List<List<?>> before = notifications(bucket);

        JsonNode answer = send(
                "Update",
                bucket,
                properties(bucket, INGEST.replace("s3:ObjectCreated:*", "s3:Nope")),
                properties(bucket, INGEST, PURGE));

        assertEquals("FAILED", answer.get("Status").asText());
        String reason = answer.get("Reason").asText();
        assertTrue(
                reason.startsWith("Bucket " + bucket + ": S3 refused PutBucketNotificationConfiguration: The event"
                        + " 's3:Nope' is not supported for notifications."),
                reason);
        assertTrue(reason.endsWith("(InvalidArgument)"), reason);
        assertEquals(bucket, answer.get("PhysicalResourceId").asText(), "a failed update keeps the resource's id");
        assertEquals(before, notifications(bucket));
        assertHolds(bucket, OWNER_FUNCTION, INGEST_SET, PURGE_SET);
    }

    @Test
    void theRollbackOfAnUpdateSwapsOldAndNewAndRestoresThePreviousNotifications() throws Exception {
        String bucket = ownersBucket();
        send("Create", null, properties(bucket, INGEST, PURGE), null);
        List<List<?>> before = notifications(bucket);
        String ingestJpg = INGEST.replace("\".csv\"", "\".jpg\"");
        assertSucceeded(
                bucket, send("Update", bucket, properties(bucket, ingestJpg), properties(bucket, INGEST, PURGE)));
        assertNotEquals(before, notifications(bucket));

        // Another resource of the stack fails: CloudFormation rolls this one back with old and new swapped.
        JsonNode answer = send("Update", bucket, properties(bucket, INGEST, PURGE), properties(bucket, ingestJpg));

        assertSucceeded(bucket, answer);
        assertEquals(before, notifications(bucket));
        assertHolds(bucket, OWNER_FUNCTION, INGEST_SET, PURGE_SET);
    }

    @Test
    void aDeleteAfterAFailedCreateTouchesNothing() throws Exception {
        String bucket = ownersBucket();
        // A notification with our id that the rollback's Delete would remove, were delete called.
        s3.putBucketNotificationConfiguration(r -> r.bucket(bucket)
                .notificationConfiguration(c -> c.topicConfigurations(OWNER_TOPIC)
                        .queueConfigurations(OWNER_QUEUE)
                        .lambdaFunctionConfigurations(OWNER_FUNCTION, INGEST_SET)));
        JsonNode failed =
                send("Create", null, properties(bucket, INGEST.replace("s3:ObjectCreated:*", "s3:Nope")), null);
        assertEquals("FAILED", failed.get("Status").asText());
        String failedId = failed.get("PhysicalResourceId").asText();

        JsonNode answer = send("Delete", failedId, properties(bucket, INGEST), null);

        assertSucceeded(failedId, answer);
        assertHolds(bucket, OWNER_FUNCTION, INGEST_SET);
    }

    @Test
    void propertiesOutsideTheContractFailNamingTheEntryWithoutCallingS3() throws Exception {
        JsonNode answer = send(
                "Create",
                null,
                properties("legacy-never-read", INGEST.replace("[\"s3:ObjectCreated:*\"]", "[]")),
                null);

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "LegacyDropNotifications (Custom::SpartaBucketNotifications): Notifications[0].Events must be a"
                        + " non-empty list of event names such as s3:ObjectCreated:*",
                answer.get("Reason").asText());
    }

    @Test
    void theServiceTokenAndUnknownPropertiesAreIgnored() throws Exception {
        String bucket = ownersBucket();
        String withExtra = properties(bucket, INGEST).replace("\"Bucket\"", "\"Comment\": \"x\", \"Bucket\"");

        assertSucceeded(bucket, send("Create", null, withExtra, null));

        List<LambdaFunctionConfiguration> functions =
                new ArrayList<>(configuration(bucket).lambdaFunctionConfigurations());
        assertEquals(List.of(OWNER_FUNCTION, INGEST_SET), functions);
    }
}
