package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.Access;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;
import io.sparta.annotations.StreamView;
import io.sparta.api.EventPatternTrigger;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.LogSubscriptionTrigger;
import io.sparta.api.OwnedResource;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.api.Trigger;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service declaring every kind of resource and fed by every kind of trigger. */
class ResourcesAndTriggersTemplateTest {

    private static final List<OwnedResource> RESOURCES = List.of(
            new OwnedResource.Table(
                    "orders", "id", KeyType.STRING, "at", KeyType.NUMBER, StreamView.NEW_AND_OLD_IMAGES, true),
            new OwnedResource.Bucket("uploads", true, false),
            new OwnedResource.Queue("work", 60),
            new OwnedResource.Topic("events"),
            new OwnedResource.Stream("clicks", 2));

    @TempDir
    static Path work;

    static JsonNode template;
    static JsonNode resources;

    private static LambdaFunction function(String name, String prefix, List<Trigger> triggers, FunctionAccess access) {
        return TestFunctions.function(
                name,
                prefix,
                FunctionOptions.DEFAULTS,
                triggers,
                Map.of(
                        "SPARTA_TABLE_ORDERS",
                        "${OrdersTable}",
                        "SPARTA_BUCKET_UPLOADS",
                        "shop-dev-uploads-${AWS::AccountId}-${StackSuffix}"),
                access);
    }

    @BeforeAll
    static void marshal() {
        template = ServiceTemplate.marshal(model());
        resources = template.path("Resources");
    }

    /** The service of these tests, which {@link GeneratedPoliciesLintTest} lints the policies of too. */
    static ServiceModel model() {
        LambdaFunction consumer = function(
                "consumer",
                "Consumer",
                List.of(
                        new S3BucketTrigger("uploads", List.of("s3:ObjectCreated:*"), "incoming/", ".csv"),
                        new S3BucketTrigger("arn:aws:s3:::legacy-drop", List.of("s3:ObjectRemoved:*"), "", ""),
                        new SnsTopicTrigger("events", "{\"kind\": [\"order\"]}"),
                        new SqsQueueTrigger("work", 10, 0, false),
                        new StreamTrigger(ResourceKind.TABLE, "orders", StartingPosition.TRIM_HORIZON, 50),
                        new StreamTrigger(ResourceKind.STREAM, "clicks", StartingPosition.LATEST, 100),
                        new EventPatternTrigger("{\"source\": [\"com.example.shop\"]}", "shop events"),
                        new LogSubscriptionTrigger("/aws/lambda/other-worker", "ERROR")),
                FunctionAccess.NONE);
        LambdaFunction writer = function(
                "writer",
                "Writer",
                List.of(),
                new FunctionAccess(
                        List.of(
                                new FunctionAccess.ResourceGrant("orders", Access.READ),
                                new FunctionAccess.ResourceGrant("uploads", Access.FULL),
                                new FunctionAccess.ResourceGrant("work", Access.WRITE),
                                new FunctionAccess.ResourceGrant("events", Access.WRITE),
                                new FunctionAccess.ResourceGrant("clicks", Access.WRITE)),
                        List.of(new FunctionAccess.RawStatement(
                                List.of("ses:SendEmail"),
                                List.of("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/shop")))));
        LambdaFunction guarded = TestFunctions.function(
                "guarded",
                "Guarded",
                new FunctionOptions(
                        -1,
                        false,
                        512,
                        List.of(),
                        "",
                        false,
                        List.of("subnet-0abc1234", "subnet-0def5678"),
                        List.of("sg-0abc1234"),
                        new TreeMap<>(Map.of("cost-center", "shop")),
                        "work"),
                List.of());
        return new ServiceModel(
                "shop",
                "Shop-Dev",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(consumer, guarded, writer),
                HttpApiSettings.DEFAULTS,
                RESOURCES);
    }

    @Test
    void declaredResourcesAreEncryptedAndTablesAndBucketsKeptUnlessDeclaredOtherwise() {
        JsonNode table = resources.path("OrdersTable");
        assertEquals("Retain", table.path("DeletionPolicy").asText());
        assertEquals("PAY_PER_REQUEST", table.at("/Properties/BillingMode").asText());
        assertEquals(
                "[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"at\",\"KeyType\":\"RANGE\"}]",
                table.at("/Properties/KeySchema").toString());
        assertEquals(
                "N",
                table.at("/Properties/AttributeDefinitions/1/AttributeType").asText());
        assertTrue(table.at("/Properties/SSESpecification/SSEEnabled").asBoolean());
        assertTrue(table.at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                .asBoolean());
        assertEquals(
                "NEW_AND_OLD_IMAGES",
                table.at("/Properties/StreamSpecification/StreamViewType").asText());

        JsonNode bucket = resources.path("UploadsBucket");
        assertFalse(bucket.has("DeletionPolicy"), "retainOnDelete = false");
        // Named without a reference to the bucket, and differently for each creation of the stack: the first group
        // of the UUID ending the stack's id.
        assertEquals(
                "shop-dev-uploads-${AWS::AccountId}-${StackSuffix}",
                bucket.at("/Properties/BucketName/Fn::Sub/0").asText());
        assertEquals(
                "{\"Fn::Select\":[0,{\"Fn::Split\":[\"-\",{\"Fn::Select\":[2,{\"Fn::Split\":[\"/\",{\"Ref\":"
                        + "\"AWS::StackId\"}]}]}]}]}",
                bucket.at("/Properties/BucketName/Fn::Sub/1/StackSuffix").toString());
        assertEquals(
                "Enabled",
                bucket.at("/Properties/VersioningConfiguration/Status").asText());
        assertEquals(
                "false",
                resources
                        .at(
                                "/UploadsBucketPolicy/Properties/PolicyDocument/Statement/0/Condition/Bool/aws:SecureTransport")
                        .asText());
        assertTrue(resources.at("/WorkQueue/Properties/SqsManagedSseEnabled").asBoolean());
        assertEquals(
                "alias/aws/sns",
                resources.at("/EventsTopic/Properties/KmsMasterKeyId").asText());
        assertEquals(
                "KMS",
                resources
                        .at("/ClicksStream/Properties/StreamEncryption/EncryptionType")
                        .asText());
        assertEquals(
                "OrdersTable", template.at("/Outputs/OrdersTableName/Value/Ref").asText());
    }

    @Test
    void eachTriggerHasItsSourceAndAPermissionFromThatSourceOnly() {
        JsonNode notification =
                resources.at("/UploadsBucket/Properties/NotificationConfiguration/LambdaConfigurations/0");
        assertEquals("s3:ObjectCreated:*", notification.path("Event").asText());
        assertEquals(
                "[{\"Name\":\"prefix\",\"Value\":\"incoming/\"},{\"Name\":\"suffix\",\"Value\":\".csv\"}]",
                notification.at("/Filter/S3Key/Rules").toString());
        assertEquals(
                "[\"ConsumerBucket1Permission\"]",
                resources.at("/UploadsBucket/DependsOn").toString());
        assertEquals(
                "arn:${AWS::Partition}:s3:::shop-dev-uploads-${AWS::AccountId}-${StackSuffix}",
                resources
                        .at("/ConsumerBucket1Permission/Properties/SourceArn/Fn::Sub/0")
                        .asText());
        assertEquals(
                resources.at("/UploadsBucket/Properties/BucketName/Fn::Sub/1"),
                resources.at("/ConsumerBucket1Permission/Properties/SourceArn/Fn::Sub/1"));
        assertEquals(
                "arn:aws:s3:::legacy-drop",
                resources.at("/ConsumerBucket2Permission/Properties/SourceArn").asText());
        assertEquals(
                "s3.amazonaws.com",
                resources.at("/ConsumerBucket2Permission/Properties/Principal").asText());

        JsonNode subscription = resources.at("/ConsumerTopic1/Properties");
        assertEquals("lambda", subscription.path("Protocol").asText());
        assertEquals("EventsTopic", subscription.at("/TopicArn/Ref").asText());
        assertEquals("[\"order\"]", subscription.at("/FilterPolicy/kind").toString());
        assertEquals(
                "EventsTopic",
                resources
                        .at("/ConsumerTopic1Permission/Properties/SourceArn/Ref")
                        .asText());

        assertEquals(
                "[\"WorkQueue\",\"Arn\"]",
                resources
                        .at("/ConsumerQueue1/Properties/EventSourceArn/Fn::GetAtt")
                        .toString());
        assertEquals(
                "[\"OrdersTable\",\"StreamArn\"]",
                resources
                        .at("/ConsumerStream1/Properties/EventSourceArn/Fn::GetAtt")
                        .toString());
        assertEquals(
                "TRIM_HORIZON",
                resources.at("/ConsumerStream1/Properties/StartingPosition").asText());
        assertEquals(
                "[\"ClicksStream\",\"Arn\"]",
                resources
                        .at("/ConsumerStream2/Properties/EventSourceArn/Fn::GetAtt")
                        .toString());

        assertEquals(
                "[\"com.example.shop\"]",
                resources
                        .at("/ConsumerEventRule1/Properties/EventPattern/source")
                        .toString());
        assertEquals(
                "[\"ConsumerEventRule1\",\"Arn\"]",
                resources
                        .at("/ConsumerEventRule1Permission/Properties/SourceArn/Fn::GetAtt")
                        .toString());

        assertEquals(
                "/aws/lambda/other-worker",
                resources
                        .at("/ConsumerLogSubscription1/Properties/LogGroupName")
                        .asText());
        assertEquals(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/other-worker:*",
                resources
                        .at("/ConsumerLogSubscription1Permission/Properties/SourceArn/Fn::Sub")
                        .asText());
    }

    @Test
    void theConsumersRoleMayReadExactlyItsQueueAndStreams() {
        JsonNode policies = resources.at("/ConsumerRole/Properties/Policies");
        assertEquals("consume-own-queues", policies.at("/1/PolicyName").asText());
        assertEquals(
                "[{\"Fn::GetAtt\":[\"WorkQueue\",\"Arn\"]}]",
                policies.at("/1/PolicyDocument/Statement/0/Resource").toString());
        assertEquals("read-own-streams", policies.at("/2/PolicyName").asText());
        assertEquals(
                "[{\"Fn::GetAtt\":[\"OrdersTable\",\"StreamArn\"]}]",
                policies.at("/2/PolicyDocument/Statement/0/Resource").toString());
        assertEquals(
                AccessPolicies.READ_TABLE_STREAM
                        .toString()
                        .replace(", ", "\",\"")
                        .replace("[", "[\"")
                        .replace("]", "\"]"),
                policies.at("/2/PolicyDocument/Statement/0/Action").toString());
        assertEquals(
                "[{\"Fn::GetAtt\":[\"ClicksStream\",\"Arn\"]}]",
                policies.at("/2/PolicyDocument/Statement/1/Resource").toString());
        assertEquals(
                "[\"kinesis:DescribeStream\",\"kinesis:DescribeStreamSummary\",\"kinesis:GetRecords\","
                        + "\"kinesis:GetShardIterator\",\"kinesis:ListShards\"]",
                policies.at("/2/PolicyDocument/Statement/1/Action").toString(),
                "no kinesis:SubscribeToShard, which applies to a consumer's ARN, not the stream's");
        // DynamoDB defines no resource for ListStreams: "*" or nothing, and Lambda's polling asks for it.
        assertEquals(
                "{\"Sid\":\"ListStreams\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:ListStreams\"],\"Resource\":\"*\"}",
                policies.at("/2/PolicyDocument/Statement/2").toString());
        assertEquals(3, policies.at("/2/PolicyDocument/Statement").size());
        assertEquals(3, policies.size(), "logs, queues, streams: nothing else");
    }

    @Test
    void grantsBecomeTheirActionsOnTheirResourcesAndRawStatementsStayAsWritten() {
        JsonNode policies = resources.at("/WriterRole/Properties/Policies");
        assertEquals("use-declared-resources", policies.at("/1/PolicyName").asText());
        JsonNode statements = policies.at("/1/PolicyDocument/Statement");
        assertEquals("OrdersTableRead", statements.at("/0/Sid").asText());
        assertEquals(
                "[\"dynamodb:BatchGetItem\",\"dynamodb:ConditionCheckItem\",\"dynamodb:DescribeTable\",\"dynamodb:GetItem\",\"dynamodb:Query\",\"dynamodb:Scan\"]",
                statements.at("/0/Action").toString());
        assertEquals(
                "[{\"Fn::GetAtt\":[\"OrdersTable\",\"Arn\"]},{\"Fn::Sub\":\"${OrdersTable.Arn}/index/*\"}]",
                statements.at("/0/Resource").toString());
        assertEquals("UploadsBucketFullObjects", statements.at("/1/Sid").asText());
        assertEquals(
                "[\"s3:GetObject\",\"s3:DeleteObject\",\"s3:PutObject\"]",
                statements.at("/1/Action").toString());
        assertEquals("UploadsBucketFullListing", statements.at("/2/Sid").asText());
        assertEquals(
                "[\"sqs:SendMessage\",\"sqs:GetQueueAttributes\"]",
                statements.at("/3/Action").toString());
        assertEquals("[\"sns:Publish\"]", statements.at("/4/Action").toString());
        assertEquals("[{\"Ref\":\"EventsTopic\"}]", statements.at("/4/Resource").toString());
        assertEquals(
                "[\"kinesis:PutRecord\",\"kinesis:PutRecords\",\"kinesis:DescribeStreamSummary\"]",
                statements.at("/5/Action").toString());
        assertEquals(6, statements.size());
        JsonNode raw = policies.at("/2");
        assertEquals("declared-statements", raw.path("PolicyName").asText());
        assertEquals(
                "[\"ses:SendEmail\"]",
                raw.at("/PolicyDocument/Statement/0/Action").toString());
        assertEquals(
                "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/shop",
                raw.at("/PolicyDocument/Statement/0/Resource/0/Fn::Sub").asText());
        template.at("/Resources")
                .forEach(resource -> resource.path("Properties")
                        .path("Policies")
                        .forEach(policy -> policy.at("/PolicyDocument/Statement")
                                .forEach(statement -> {
                                    // The two actions whose services define no resource, each alone on "*".
                                    String onEveryResource = Map.of(
                                                    "DescribeNetworkInterfaces",
                                                    "[\"ec2:DescribeNetworkInterfaces\"]",
                                                    "ListStreams",
                                                    "[\"dynamodb:ListStreams\"]")
                                            .get(statement.path("Sid").asText());
                                    if (onEveryResource != null) {
                                        assertEquals(
                                                onEveryResource,
                                                statement.path("Action").toString());
                                    } else {
                                        assertFalse(
                                                statement
                                                        .path("Action")
                                                        .toString()
                                                        .contains("*\""),
                                                statement.toString());
                                        assertFalse(
                                                statement
                                                        .path("Resource")
                                                        .toString()
                                                        .equals("\"*\""),
                                                statement.toString());
                                    }
                                })));
    }

    @Test
    void vpcTagsAndOnFailureDestinationWithOnlyWhatTheyNeed() {
        JsonNode function = resources.at("/GuardedFunction/Properties");
        assertEquals(
                "[\"subnet-0abc1234\",\"subnet-0def5678\"]",
                function.at("/VpcConfig/SubnetIds").toString());
        assertEquals(
                "[\"sg-0abc1234\"]", function.at("/VpcConfig/SecurityGroupIds").toString());
        assertEquals(
                "[{\"Key\":\"cost-center\",\"Value\":\"shop\"}]",
                function.path("Tags").toString());
        assertEquals(
                "[\"WorkQueue\",\"Arn\"]",
                resources
                        .at("/GuardedInvokeConfig/Properties/DestinationConfig/OnFailure/Destination/Fn::GetAtt")
                        .toString());
        JsonNode policies = resources.at("/GuardedRole/Properties/Policies");
        assertEquals("send-failed-invocations", policies.at("/1/PolicyName").asText());
        assertEquals(
                "[\"sqs:SendMessage\"]",
                policies.at("/1/PolicyDocument/Statement/0/Action").toString());
        assertEquals("vpc-network-interfaces", policies.at("/2/PolicyName").asText());
        assertEquals("*", policies.at("/2/PolicyDocument/Statement/0/Resource").asText());
        assertEquals(
                "[\"ec2:DescribeNetworkInterfaces\"]",
                policies.at("/2/PolicyDocument/Statement/0/Action").toString());
        assertEquals(
                "[{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/*\"},"
                        + "{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/*\"},"
                        + "{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:security-group/*\"}]",
                policies.at("/2/PolicyDocument/Statement/1/Resource").toString(),
                "the resource types these actions act on, not every EC2 resource");
    }

    @Test
    void passesCfnLint() throws Exception {
        Path file = work.resolve("resources.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }
}
