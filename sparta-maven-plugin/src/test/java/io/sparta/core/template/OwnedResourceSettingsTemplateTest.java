package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.Access;
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
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables with indexes, time to live and either capacity mode; FIFO queues and topics; dead-letter queues; stream
 * mappings that send failed records somewhere.
 */
class OwnedResourceSettingsTemplateTest {

    private static final String STACK = "Shop-Dev-With-A-Rather-Long-Stack-Name-For-Queues-0123456789";

    @TempDir
    static Path work;

    static JsonNode resources;

    static ServiceModel model() {
        List<OwnedResource> resources = List.of(
                new OwnedResource.Table(
                        "orders",
                        "id",
                        KeyType.STRING,
                        "placedAt",
                        KeyType.NUMBER,
                        StreamView.NEW_IMAGE,
                        false,
                        List.of(
                                new OwnedResource.Table.Index(
                                        "by-customer",
                                        "customerId",
                                        KeyType.STRING,
                                        "placedAt",
                                        KeyType.NUMBER,
                                        Projection.INCLUDE,
                                        List.of("total", "status"),
                                        0,
                                        0),
                                new OwnedResource.Table.Index(
                                        "by-status",
                                        "status",
                                        KeyType.STRING,
                                        "",
                                        KeyType.STRING,
                                        Projection.KEYS_ONLY,
                                        List.of(),
                                        2,
                                        1)),
                        List.of(new OwnedResource.Table.Index(
                                "by-total",
                                "",
                                KeyType.STRING,
                                "total",
                                KeyType.NUMBER,
                                Projection.ALL,
                                List.of(),
                                0,
                                0)),
                        "expiresAt",
                        5,
                        4),
                new OwnedResource.Table(
                        "sessions",
                        "id",
                        KeyType.STRING,
                        "",
                        KeyType.STRING,
                        StreamView.NONE,
                        false,
                        List.of(new OwnedResource.Table.Index(
                                "by-user",
                                "userId",
                                KeyType.STRING,
                                "",
                                KeyType.STRING,
                                Projection.ALL,
                                List.of(),
                                0,
                                0)),
                        List.of(),
                        "",
                        0,
                        0),
                new OwnedResource.Queue("payments", 60, true, true, "payments-failed", 3),
                new OwnedResource.Queue("payments-failed", 60, true, false, "", 5),
                new OwnedResource.Queue("work", 60, false, false, "work-failed", 5),
                new OwnedResource.Queue("work-failed", 60),
                new OwnedResource.Topic("ledger", true, true),
                new OwnedResource.Topic("alerts"));
        LambdaFunction consumer = TestFunctions.function(
                "consumer",
                "Consumer",
                FunctionOptions.DEFAULTS,
                List.of(
                        new StreamTrigger(ResourceKind.TABLE, "orders", StartingPosition.LATEST, 100, "work-failed", 3),
                        new StreamTrigger(
                                ResourceKind.STREAM,
                                "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
                                StartingPosition.LATEST,
                                100,
                                "alerts",
                                -1),
                        new SqsQueueTrigger("payments", 10, 0, false)),
                Map.of(),
                new FunctionAccess(
                        List.of(
                                new FunctionAccess.ResourceGrant("sessions", Access.READ),
                                new FunctionAccess.ResourceGrant("ledger", Access.WRITE)),
                        List.of()));
        return new ServiceModel(
                "shop",
                STACK,
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(consumer),
                HttpApiSettings.DEFAULTS,
                resources);
    }

    @BeforeAll
    static void marshal() {
        resources = ServiceTemplate.marshal(model()).path("Resources");
    }

    @Test
    void aTableDefinesEachKeyAttributeOnceAndCarriesItsIndexesTimeToLiveAndCapacity() {
        JsonNode table = resources.at("/OrdersTable/Properties");
        assertEquals("PROVISIONED", table.path("BillingMode").asText());
        assertEquals(5, table.at("/ProvisionedThroughput/ReadCapacityUnits").asInt());
        assertEquals(4, table.at("/ProvisionedThroughput/WriteCapacityUnits").asInt());
        List<String> definitions = new ArrayList<>();
        table.path("AttributeDefinitions")
                .forEach(definition ->
                        definitions.add(definition.path("AttributeName").asText() + ":"
                                + definition.path("AttributeType").asText()));
        assertEquals(List.of("id:S", "placedAt:N", "customerId:S", "status:S", "total:N"), definitions);

        JsonNode byCustomer = table.at("/GlobalSecondaryIndexes/0");
        assertEquals("by-customer", byCustomer.path("IndexName").asText());
        assertEquals("customerId", byCustomer.at("/KeySchema/0/AttributeName").asText());
        assertEquals("HASH", byCustomer.at("/KeySchema/0/KeyType").asText());
        assertEquals("placedAt", byCustomer.at("/KeySchema/1/AttributeName").asText());
        assertEquals("INCLUDE", byCustomer.at("/Projection/ProjectionType").asText());
        assertEquals(
                "[\"total\",\"status\"]",
                byCustomer.at("/Projection/NonKeyAttributes").toString());
        assertEquals(
                5, byCustomer.at("/ProvisionedThroughput/ReadCapacityUnits").asInt(), "the table's capacity");

        JsonNode byStatus = table.at("/GlobalSecondaryIndexes/1");
        assertEquals(1, byStatus.path("KeySchema").size());
        assertTrue(byStatus.at("/Projection/NonKeyAttributes").isMissingNode());
        assertEquals(2, byStatus.at("/ProvisionedThroughput/ReadCapacityUnits").asInt(), "its own capacity");
        assertEquals(1, byStatus.at("/ProvisionedThroughput/WriteCapacityUnits").asInt());

        JsonNode byTotal = table.at("/LocalSecondaryIndexes/0");
        assertEquals("id", byTotal.at("/KeySchema/0/AttributeName").asText(), "the table's partition key");
        assertEquals("total", byTotal.at("/KeySchema/1/AttributeName").asText());
        assertTrue(byTotal.path("ProvisionedThroughput").isMissingNode(), "a local index has no capacity of its own");

        assertEquals(
                "expiresAt", table.at("/TimeToLiveSpecification/AttributeName").asText());
        assertTrue(table.at("/TimeToLiveSpecification/Enabled").asBoolean());

        JsonNode sessions = resources.at("/SessionsTable/Properties");
        assertEquals("PAY_PER_REQUEST", sessions.path("BillingMode").asText());
        assertTrue(sessions.path("ProvisionedThroughput").isMissingNode());
        assertTrue(
                sessions.at("/GlobalSecondaryIndexes/0/ProvisionedThroughput").isMissingNode());
        assertTrue(sessions.path("TimeToLiveSpecification").isMissingNode());
        assertTrue(sessions.path("LocalSecondaryIndexes").isMissingNode());
    }

    @Test
    void aGrantOnATableCoversItsIndexes() {
        JsonNode statement = statement("use-declared-resources", "SessionsTableRead");
        assertEquals(
                "{\"Fn::Sub\":\"${SessionsTable.Arn}/index/*\"}",
                statement.at("/Resource/1").toString());
    }

    @Test
    void fifoQueuesAndTopicsAreNamedWithTheSuffixSqsAndSnsRequireWithinTheirLengths() {
        JsonNode payments = resources.at("/PaymentsQueue/Properties");
        assertTrue(payments.path("FifoQueue").asBoolean());
        assertTrue(payments.path("ContentBasedDeduplication").asBoolean());
        String name = payments.at("/QueueName/Fn::Sub/0").asText();
        assertTrue(name.endsWith("-payments-${StackSuffix}.fifo"), name);
        assertEquals(
                ResourceTemplate.QUEUE_NAME_MAX,
                name.replace("${StackSuffix}", "12345678").length(),
                "the stack's name shortened to fit SQS's 80 characters: " + name);
        assertTrue(resources
                .at("/PaymentsFailedQueue/Properties/ContentBasedDeduplication")
                .isMissingNode());

        JsonNode work = resources.at("/WorkQueue/Properties");
        assertTrue(work.path("QueueName").isMissingNode(), "a standard queue is named by CloudFormation");
        assertTrue(work.path("FifoQueue").isMissingNode());

        JsonNode ledger = resources.at("/LedgerTopic/Properties");
        assertTrue(ledger.path("FifoTopic").asBoolean());
        assertTrue(ledger.path("ContentBasedDeduplication").asBoolean());
        assertEquals(
                STACK + "-ledger-${StackSuffix}.fifo",
                ledger.at("/TopicName/Fn::Sub/0").asText());
        assertTrue(resources.at("/AlertsTopic/Properties/TopicName").isMissingNode());
    }

    @Test
    void aQueueRedrivesToItsDeadLetterQueueAfterMaxReceiveCount() {
        assertEquals(
                "{\"deadLetterTargetArn\":{\"Fn::GetAtt\":[\"PaymentsFailedQueue\",\"Arn\"]},\"maxReceiveCount\":3}",
                resources.at("/PaymentsQueue/Properties/RedrivePolicy").toString());
        assertEquals(
                "{\"deadLetterTargetArn\":{\"Fn::GetAtt\":[\"WorkFailedQueue\",\"Arn\"]},\"maxReceiveCount\":5}",
                resources.at("/WorkQueue/Properties/RedrivePolicy").toString());
        assertTrue(resources.at("/WorkFailedQueue/Properties/RedrivePolicy").isMissingNode());
    }

    @Test
    void aStreamMappingSendsFailedRecordsToItsDestinationWhichTheRoleMaySendToAndNothingElse() {
        JsonNode table = resources.at("/ConsumerStream1/Properties");
        assertEquals(3, table.path("MaximumRetryAttempts").asInt());
        assertEquals(
                "{\"Fn::GetAtt\":[\"WorkFailedQueue\",\"Arn\"]}",
                table.at("/DestinationConfig/OnFailure/Destination").toString());
        JsonNode kinesis = resources.at("/ConsumerStream2/Properties");
        assertTrue(kinesis.path("MaximumRetryAttempts").isMissingNode(), "-1 is Lambda's default, left out");
        assertEquals(
                "{\"Ref\":\"AlertsTopic\"}",
                kinesis.at("/DestinationConfig/OnFailure/Destination").toString());
        assertTrue(resources.at("/ConsumerQueue1/Properties/DestinationConfig").isMissingNode());

        JsonNode send = policy("send-failed-records");
        assertEquals(2, send.size());
        assertEquals("[\"sqs:SendMessage\"]", send.at("/0/Action").toString());
        assertEquals(
                "[{\"Fn::GetAtt\":[\"WorkFailedQueue\",\"Arn\"]}]",
                send.at("/0/Resource").toString());
        assertEquals("[\"sns:Publish\"]", send.at("/1/Action").toString());
        assertEquals("[{\"Ref\":\"AlertsTopic\"}]", send.at("/1/Resource").toString());
    }

    @Test
    void tablesQueuesAndTopicsWithoutTheNewSettingsKeepTheirTemplate() {
        ServiceModel plain = new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(TestFunctions.function("worker", "Worker")),
                HttpApiSettings.DEFAULTS,
                List.of(
                        new OwnedResource.Table(
                                "orders", "id", KeyType.STRING, "at", KeyType.NUMBER, StreamView.NONE, true),
                        new OwnedResource.Queue("work", 30),
                        new OwnedResource.Topic("events")));
        JsonNode written = ServiceTemplate.marshal(plain).path("Resources");
        assertEquals(
                "{\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
                        + "\"AttributeType\":\"S\"},{\"AttributeName\":\"at\",\"AttributeType\":\"N\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"at\","
                        + "\"KeyType\":\"RANGE\"}],\"SSESpecification\":{\"SSEEnabled\":true},"
                        + "\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}",
                written.at("/OrdersTable/Properties").toString());
        assertEquals(
                "{\"SqsManagedSseEnabled\":true,\"VisibilityTimeout\":30}",
                written.at("/WorkQueue/Properties").toString());
        assertEquals(
                "{\"KmsMasterKeyId\":\"alias/aws/sns\"}",
                written.at("/EventsTopic/Properties").toString());
    }

    @Test
    void passesCfnLint() throws Exception {
        Path file = work.resolve("owned-resources.json");
        Files.write(file, TemplateJson.bytes(ServiceTemplate.marshal(model())));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }

    private static JsonNode policy(String name) {
        for (JsonNode policy : resources.at("/ConsumerRole/Properties/Policies")) {
            if (policy.path("PolicyName").asText().equals(name)) {
                return policy.at("/PolicyDocument/Statement");
            }
        }
        throw new AssertionError("no policy " + name + " in " + resources.at("/ConsumerRole/Properties/Policies"));
    }

    private static JsonNode statement(String policy, String sid) {
        for (JsonNode statement : policy(policy)) {
            if (statement.path("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy(policy));
    }

    @Test
    void theFifoQueueMappingNeedsNoBatchingWindow() {
        assertFalse(resources.at("/ConsumerQueue1/Properties").has("MaximumBatchingWindowInSeconds"));
    }
}
