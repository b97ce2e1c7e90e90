package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;
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
import io.sparta.core.RecordingConsole;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.template.ServiceTemplate;
import java.io.ByteArrayOutputStream;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Verify Existing Resources, against moto: the references are read from the template ServiceTemplate writes for a
 * service whose functions name an existing role, layer, queue, topic, Kinesis stream, table stream, bucket and log
 * group, each the way a user writes it (an ARN with pseudo parameters, or literal).
 */
class ExistingResourcesTest {

    private static final String ACCOUNT = "123456789012";

    @TempDir
    static Path work;

    static MotoSessions moto;
    static String cartsStream;

    @BeforeAll
    static void startMotoWithTheExistingResources() throws Exception {
        moto = MotoSessions.start(work);
        // The SDK speaks CBOR to Kinesis by default, which moto's server answers with a 500; JSON it understands.
        System.setProperty("aws.cborEnabled", "false");
        try (AwsSession aws = moto.open()) {
            aws.iam()
                    .createRole(
                            r -> r.roleName("orders-shared")
                                    .path("/service/")
                                    .assumeRolePolicyDocument(
                                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                    + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
            SdkBytes layer = zip();
            lambda(aws).publishLayerVersion(r -> r.layerName("deps").content(c -> c.zipFile(layer)));
            sqs(aws).createQueue(r -> r.queueName("orders"));
            sns(aws).createTopic(r -> r.name("alerts"));
            kinesis(aws).createStream(r -> r.streamName("clicks").shardCount(1));
            cartsStream = dynamo(aws)
                    .createTable(r -> r.tableName("carts")
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .billingMode("PAY_PER_REQUEST")
                            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                    .tableDescription()
                    .latestStreamArn();
            dynamo(aws)
                    .createTable(r -> r.tableName("plain")
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .billingMode("PAY_PER_REQUEST"));
            aws.s3().createBucket(r -> r.bucket("legacy-drop"));
            aws.logs().createLogGroup(r -> r.logGroupName("/legacy/app"));
        }
    }

    @AfterAll
    static void stopMoto() {
        System.clearProperty("aws.cborEnabled");
        moto.close();
    }

    /**
     * Two functions naming existing resources: {@code orders} (role by name, a layer, an SQS queue, an SNS topic on
     * failure) and {@code feed} (a Kinesis stream, a table's stream, a topic, a bucket, a log group), each named
     * {@code prefix + name}.
     */
    private static JsonNode template(String prefix, String tableStream) {
        String pseudo = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:%s";
        String literal = "arn:aws:%s:us-east-1:" + ACCOUNT + ":%s";
        LambdaFunction orders = TestFunctions.function(
                "orders",
                "Orders",
                new FunctionOptions(
                        -1,
                        false,
                        512,
                        List.of(literal.formatted("lambda", "layer:" + prefix + "deps:1")),
                        prefix + "orders-shared",
                        false,
                        List.of(),
                        List.of(),
                        new TreeMap<>(),
                        literal.formatted("sns", prefix + "alerts")),
                List.of(new SqsQueueTrigger(pseudo.formatted("sqs", prefix + "orders"), 10, 0, false)));
        LambdaFunction feed = TestFunctions.function(
                "feed",
                "Feed",
                List.of(
                        new StreamTrigger(
                                ResourceKind.STREAM,
                                literal.formatted("kinesis", "stream/" + prefix + "clicks"),
                                StartingPosition.LATEST,
                                100),
                        new StreamTrigger(ResourceKind.TABLE, tableStream, StartingPosition.LATEST, 100),
                        new SnsTopicTrigger(pseudo.formatted("sns", prefix + "alerts"), ""),
                        new S3BucketTrigger(
                                "arn:aws:s3:::" + prefix + "legacy-drop", List.of("s3:ObjectCreated:*"), "", ""),
                        new LogSubscriptionTrigger("/" + prefix + "legacy/app", "")));
        return ServiceTemplate.marshal(new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(feed, orders),
                HttpApiSettings.DEFAULTS,
                List.of()));
    }

    @Test
    void everyExistingResourceFoundWithOneCallEach() throws Exception {
        RecordingConsole console = new RecordingConsole();
        try (AwsSession aws = moto.open()) {
            new ExistingResources(aws, console).verify(template("", cartsStream), Map.of());

            assertEquals(
                    List.of("Existing resources the service references, all found: Kinesis stream"
                            + " arn:aws:kinesis:us-east-1:123456789012:stream/clicks, DynamoDB table stream "
                            + cartsStream
                            + ", topic arn:aws:sns:us-east-1:${AWS::AccountId}:alerts, bucket legacy-drop,"
                            + " log group /legacy/app, role arn:aws:iam::${AWS::AccountId}:role/orders-shared, layer"
                            + " version arn:aws:lambda:us-east-1:123456789012:layer:deps:1, queue"
                            + " arn:aws:sqs:us-east-1:${AWS::AccountId}:orders, topic"
                            + " arn:aws:sns:us-east-1:123456789012:alerts"),
                    console.lines());
            assertEquals(
                    "9 AWS calls in 9 attempts (CloudWatchLogs:DescribeLogGroups 1, DynamoDbStreams:DescribeStream 1,"
                            + " Iam:GetRole 1, Kinesis:DescribeStreamSummary 1, Lambda:GetLayerVersion 1, S3:HeadBucket"
                            + " 1, Sns:GetTopicAttributes 1, Sns:ListTopics 1, Sqs:GetQueueUrl 1), 0 bytes uploaded to S3",
                    aws.ledger().counts());
        }
    }

    @Test
    void everyMissingOneIsListedAtOnceWithItsFunctionAndWhatToDo() throws Exception {
        SpartaUserException e;
        RecordingConsole console = new RecordingConsole();
        try (AwsSession aws = moto.open()) {
            e = assertThrows(
                    SpartaUserException.class,
                    () -> new ExistingResources(aws, console)
                            .verify(
                                    template("gone-", cartsStream.replace("table/carts", "table/gone-carts")),
                                    Map.of()));
        }
        assertEquals(
                """
                9 existing resources the service references are not in us-east-1 for these credentials:
                  - Kinesis stream arn:aws:kinesis:us-east-1:123456789012:stream/gone-clicks (its @KinesisTrigger(stream) \
                of function feed): no stream gone-clicks in us-east-1. Create the stream, or correct stream= of the \
                @KinesisTrigger
                  - DynamoDB table stream %s (its @DynamoDbTrigger(table) of function feed): no stream %s of table \
                gone-carts in us-east-1 of account 123456789012. Enable the table's stream and use its current ARN \
                (DescribeTable's LatestStreamArn), or correct table= of the @DynamoDbTrigger
                  - topic arn:aws:sns:us-east-1:${AWS::AccountId}:gone-alerts (its @SnsTrigger(topic) of function feed): \
                no topic gone-alerts in us-east-1. Create the topic, or correct topic= of the @SnsTrigger
                  - bucket gone-legacy-drop (its @S3Trigger(bucket) of function feed): no bucket gone-legacy-drop. Create \
                the bucket in this account, or correct bucket= of the @S3Trigger (an ARN for an existing bucket, or the \
                name of one the service declares)
                  - log group /gone-legacy/app (its @LogSubscription(logGroup) of function feed): no log group \
                /gone-legacy/app. Create the log group (or deploy what writes to it first), or correct logGroup= of the \
                @LogSubscription
                  - role arn:aws:iam::${AWS::AccountId}:role/gone-orders-shared (the role= of its @SpartaLambda of \
                function orders): no role gone-orders-shared in this account. Create the role, or drop role= from \
                @SpartaLambda to let Sparta generate one
                  - layer version arn:aws:lambda:us-east-1:123456789012:layer:gone-deps:1 (the layers= of its \
                @SpartaLambda of function orders): no version 1 of layer gone-deps in us-east-1. Publish that layer \
                version in this region, or correct layers= in @SpartaLambda
                  - queue arn:aws:sqs:us-east-1:${AWS::AccountId}:gone-orders (its @SqsTrigger(queue) of function \
                orders): no queue gone-orders in us-east-1. Create the queue, or correct queue= of the @SqsTrigger (an \
                ARN for an existing queue, or the name of one the service declares)
                  - topic arn:aws:sns:us-east-1:123456789012:gone-alerts (the onFailure= of its @SpartaLambda of \
                function orders): no topic gone-alerts in us-east-1 of account 123456789012. Create the topic, or \
                correct onFailure= of @SpartaLambda
                Nothing was uploaded or changed.""".formatted(
                                cartsStream.replace("table/carts", "table/gone-carts"),
                                cartsStream.substring(cartsStream.lastIndexOf('/') + 1)),
                e.getMessage());
        assertEquals(List.of(), console.lines(), "every look-up answered");
    }

    @Test
    void aTableStreamNamedWithTheCallersAccountIsCheckedAgainstTheTablesCurrentStream() throws Exception {
        String pseudo = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/%s/stream/%s";
        String label = cartsStream.substring(cartsStream.lastIndexOf('/') + 1);
        SpartaUserException e;
        try (AwsSession aws = moto.open()) {
            ExistingResources check = new ExistingResources(aws, new RecordingConsole());
            check.verify(streamOnly(pseudo.formatted("carts", label)), Map.of());
            e = assertThrows(
                    SpartaUserException.class,
                    () -> check.verify(streamOnly(pseudo.formatted("carts", "2020-01-01T00:00:00.000")), Map.of()));
            assertEquals(
                    "1 existing resource the service references is not in us-east-1 for these credentials:\n"
                            + "  - DynamoDB table stream arn:aws:dynamodb:us-east-1:${AWS::AccountId}:table/carts/stream/"
                            + "2020-01-01T00:00:00.000 (its @DynamoDbTrigger(table) of function feed): table carts's"
                            + " stream is " + label + " now, not 2020-01-01T00:00:00.000 (its ARN: " + cartsStream
                            + "). Enable the table's stream and use its current ARN (DescribeTable's LatestStreamArn),"
                            + " or correct table= of the @DynamoDbTrigger\nNothing was uploaded or changed.",
                    e.getMessage());
            e = assertThrows(
                    SpartaUserException.class,
                    () -> check.verify(streamOnly(pseudo.formatted("plain", label)), Map.of()));
            assertEquals(
                    "table plain has no stream enabled",
                    e.getMessage()
                            .substring(
                                    e.getMessage().indexOf("): ") + 3,
                                    e.getMessage().indexOf(". Enable")));
        }
    }

    private static JsonNode streamOnly(String streamArn) {
        return ServiceTemplate.marshal(new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(TestFunctions.function(
                        "feed",
                        "Feed",
                        List.of(new StreamTrigger(ResourceKind.TABLE, streamArn, StartingPosition.LATEST, 100)))),
                HttpApiSettings.DEFAULTS,
                List.of()));
    }

    @Test
    void aServiceOfItsOwnResourcesOnlyMakesNoCallAndLoadsNoClient() throws Exception {
        RecordingConsole console = new RecordingConsole();
        JsonNode template = ServiceTemplate.marshal(new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(TestFunctions.function("work", "Work", List.of(new SqsQueueTrigger("jobs", 10, 0, false)))),
                HttpApiSettings.DEFAULTS,
                List.<OwnedResource>of(new OwnedResource.Queue("jobs", 30))));
        try (AwsSession aws = moto.open()) {
            new ExistingResources(aws, console).verify(template, Map.of());

            assertEquals(0, aws.ledger().calls());
            assertEquals(List.of(), console.lines());
        }
        assertEquals(List.of(), ExistingResources.references(template, Map.of()));
    }

    private static SdkBytes zip() throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("java/lib/deps.jar"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }

    private static software.amazon.awssdk.services.lambda.LambdaClient lambda(AwsSession aws) {
        return aws.client(
                software.amazon.awssdk.services.lambda.LambdaClient.class,
                aws.region(),
                software.amazon.awssdk.services.lambda.LambdaClient::builder);
    }

    private static software.amazon.awssdk.services.sqs.SqsClient sqs(AwsSession aws) {
        return aws.client(
                software.amazon.awssdk.services.sqs.SqsClient.class,
                aws.region(),
                software.amazon.awssdk.services.sqs.SqsClient::builder);
    }

    private static software.amazon.awssdk.services.sns.SnsClient sns(AwsSession aws) {
        return aws.client(
                software.amazon.awssdk.services.sns.SnsClient.class,
                aws.region(),
                software.amazon.awssdk.services.sns.SnsClient::builder);
    }

    private static software.amazon.awssdk.services.kinesis.KinesisClient kinesis(AwsSession aws) {
        return aws.client(
                software.amazon.awssdk.services.kinesis.KinesisClient.class,
                aws.region(),
                software.amazon.awssdk.services.kinesis.KinesisClient::builder);
    }

    private static software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo(AwsSession aws) {
        return aws.client(
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.class,
                aws.region(),
                software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder);
    }
}
