package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.Projection;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;
import io.sparta.annotations.StreamView;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.api.StreamTrigger;
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
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The stack of a service with indexed, provisioned tables, FIFO and dead-letter queues, a FIFO topic and a stream
 * mapping that sends failed records to a queue, provisioned on moto and read back through each service's own API.
 * moto does not apply a table's {@code TimeToLiveSpecification} from CloudFormation, so time to live is checked in
 * the template ({@code OwnedResourceSettingsTemplateTest}), not here.
 */
class OwnedResourceSettingsOnMotoTest {

    private static final String STACK = "shop";
    private static final String ARTIFACTS = "shop-artifacts";
    private static final String ARCHIVE = "shop/archives/abc.jar";

    @TempDir
    static Path work;

    static MotoClients aws;
    static DynamoDbClient dynamoDb;
    static SqsClient sqs;
    static SnsClient sns;
    static LambdaClient lambda;

    @BeforeAll
    static void provision() throws Exception {
        aws = MotoClients.start(work, Region.US_EAST_1);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(aws.moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(aws.moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        sns = SnsClient.builder()
                .endpointOverride(aws.moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        lambda = LambdaClient.builder()
                .endpointOverride(aws.moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        aws.s3.createBucket(r -> r.bucket(ARTIFACTS));
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(jar)) {
            zip.putNextEntry(new ZipEntry("acme/Audit.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        aws.s3.putObject(r -> r.bucket(ARTIFACTS).key(ARCHIVE), RequestBody.fromBytes(jar.toByteArray()));

        Path template = work.resolve("template.json");
        Files.write(template, TemplateJson.bytes(ServiceTemplate.marshal(service())));
        ArtifactStore store = new ArtifactStore(aws.s3, Region.US_EAST_1, ARTIFACTS, new RecordingConsole());
        store.putIfAbsent("shop/templates/t.json", template, "application/json");
        StackDeployer.Deployment deployment = new StackDeployer(aws.cloudFormation, new RecordingConsole())
                .deploy(
                        new StackDeployer.Request(
                                STACK,
                                store.httpsUrl("shop/templates/t.json"),
                                JacksonReader.MAPPER.readTree(template.toFile()),
                                Map.of(
                                        ServiceTemplate.ARTIFACT_BUCKET, ARTIFACTS,
                                        ServiceTemplate.ARTIFACT_KEY, ARCHIVE),
                                Map.of(),
                                "shop"),
                        io.sparta.core.plan.Safeguards.none());
        assertEquals(
                "CREATE_COMPLETE", deployment.outcome().orElseThrow().stack().stackStatusAsString());
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        sqs.close();
        sns.close();
        lambda.close();
        aws.close();
    }

    private static ServiceModel service() {
        OwnedResource.Table orders = new OwnedResource.Table(
                "orders",
                "id",
                KeyType.STRING,
                "placedAt",
                KeyType.NUMBER,
                StreamView.NEW_IMAGE,
                false,
                List.of(new OwnedResource.Table.Index(
                        "by-customer",
                        "customerId",
                        KeyType.STRING,
                        "placedAt",
                        KeyType.NUMBER,
                        Projection.INCLUDE,
                        List.of("total"),
                        3,
                        2)),
                List.of(new OwnedResource.Table.Index(
                        "by-status",
                        "",
                        KeyType.STRING,
                        "status",
                        KeyType.STRING,
                        Projection.KEYS_ONLY,
                        List.of(),
                        0,
                        0)),
                "expiresAt",
                5,
                4);
        LambdaFunction audit = TestFunctions.function(
                "audit",
                "Audit",
                FunctionOptions.DEFAULTS,
                List.of(new StreamTrigger(
                        ResourceKind.TABLE, "orders", StartingPosition.LATEST, 100, "audit-failed", 4)),
                Map.of(),
                FunctionAccess.NONE);
        return new ServiceModel(
                "shop",
                STACK,
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(audit),
                HttpApiSettings.DEFAULTS,
                List.of(
                        orders,
                        new OwnedResource.Queue("payments", 60, true, true, "payments-failed", 3),
                        new OwnedResource.Queue("payments-failed", 60, true, false, "", 5),
                        new OwnedResource.Queue("audit-failed", 60),
                        new OwnedResource.Topic("ledger", true, true)));
    }

    private static String physicalId(String logicalId) {
        return aws.cloudFormation
                .describeStackResource(r -> r.stackName(STACK).logicalResourceId(logicalId))
                .stackResourceDetail()
                .physicalResourceId();
    }

    @Test
    void theTableHasItsIndexesKeysAndProvisionedCapacity() {
        TableDescription table = dynamoDb.describeTable(r -> r.tableName(physicalId("OrdersTable")))
                .table();
        assertEquals(5, table.provisionedThroughput().readCapacityUnits());
        assertEquals(4, table.provisionedThroughput().writeCapacityUnits());
        GlobalSecondaryIndexDescription byCustomer =
                table.globalSecondaryIndexes().get(0);
        assertEquals("by-customer", byCustomer.indexName());
        assertEquals("customerId", byCustomer.keySchema().get(0).attributeName());
        assertEquals("INCLUDE", byCustomer.projection().projectionTypeAsString());
        assertEquals(List.of("total"), byCustomer.projection().nonKeyAttributes());
        assertEquals(3, byCustomer.provisionedThroughput().readCapacityUnits());
        assertEquals("by-status", table.localSecondaryIndexes().get(0).indexName());
        assertEquals(
                "status",
                table.localSecondaryIndexes().get(0).keySchema().get(1).attributeName());
        assertEquals(
                List.of("id", "placedAt", "customerId", "status"),
                table.attributeDefinitions().stream()
                        .map(definition -> definition.attributeName())
                        .toList());
    }

    @Test
    void theFifoQueueIsDeduplicatedAndRedrivesToItsFifoDeadLetterQueue() {
        String url = physicalId("PaymentsQueue");
        assertTrue(url.endsWith(".fifo"), url);
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
        assertEquals("true", attributes.get(QueueAttributeName.FIFO_QUEUE));
        assertEquals("true", attributes.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION));
        JsonNode redrive = parse(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        String deadLetterArn = sqs.getQueueAttributes(
                        r -> r.queueUrl(physicalId("PaymentsFailedQueue")).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        assertEquals(deadLetterArn, redrive.path("deadLetterTargetArn").asText());
        assertEquals(3, redrive.path("maxReceiveCount").asInt());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"order\": 1}").messageGroupId("customer-1"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"order\": 1}").messageGroupId("customer-1"));
        assertEquals(
                1,
                sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10))
                        .messages()
                        .size(),
                "the second, identical body deduplicated by its content");
    }

    @Test
    void theFifoTopicIsAFifoTopic() {
        String arn = physicalId("LedgerTopic");
        assertTrue(arn.endsWith(".fifo"), arn);
        Map<String, String> attributes =
                sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        assertEquals("true", attributes.get("FifoTopic"));
        assertEquals("true", attributes.get("ContentBasedDeduplication"));
    }

    @Test
    void theStreamMappingSendsFailedRecordsToItsQueueAfterItsRetries() {
        List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings(
                        r -> r.functionName(physicalId("AuditFunction")))
                .eventSourceMappings();
        assertEquals(1, mappings.size(), mappings.toString());
        String queueArn = sqs.getQueueAttributes(
                        r -> r.queueUrl(physicalId("AuditFailedQueue")).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        assertEquals(queueArn, mappings.get(0).destinationConfig().onFailure().destination());
        assertEquals(4, mappings.get(0).maximumRetryAttempts());
    }

    private static JsonNode parse(String json) {
        try {
            return JacksonReader.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
