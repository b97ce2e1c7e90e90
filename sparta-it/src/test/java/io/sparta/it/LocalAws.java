package io.sparta.it;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** AWS SDK clients the tests use to check what a provision really made, pointed at moto. */
final class LocalAws implements AutoCloseable {

    static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    final CloudFormationClient cloudFormation;
    final S3Client s3;
    final LambdaClient lambda;
    final IamClient iam;
    final CloudWatchLogsClient logs;
    final CloudWatchClient cloudWatch;
    /** CloudWatch's query API, which moto answers; the SDK's CloudWatch client speaks CBOR, which it does not. */
    final CloudWatchReader cloudWatchQuery;

    final SqsClient sqs;
    final EventBridgeClient events;
    final ApiGatewayReader apiGateway;
    final DynamoDbClient dynamoDb;
    final SnsClient sns;
    final KinesisClient kinesis;
    final AutoScalingReader autoScaling;
    final Route53Reader route53;

    static {
        // The SDK speaks CBOR to Kinesis by default, which moto's server answers with a 500; JSON it understands.
        System.setProperty("aws.cborEnabled", "false");
    }

    LocalAws(URI endpoint) {
        cloudFormation = client(CloudFormationClient.builder(), endpoint, REGION);
        s3 = client(S3Client.builder().forcePathStyle(true), endpoint, REGION);
        lambda = client(LambdaClient.builder(), endpoint, REGION);
        iam = client(IamClient.builder(), endpoint, Region.AWS_GLOBAL);
        cloudWatch = client(CloudWatchClient.builder(), endpoint, REGION);
        cloudWatchQuery = new CloudWatchReader(endpoint, REGION);
        sqs = client(SqsClient.builder(), endpoint, REGION);
        events = client(EventBridgeClient.builder(), endpoint, REGION);
        logs = client(CloudWatchLogsClient.builder(), endpoint, REGION);
        apiGateway = new ApiGatewayReader(endpoint, REGION);
        dynamoDb = client(DynamoDbClient.builder(), endpoint, REGION);
        sns = client(SnsClient.builder(), endpoint, REGION);
        kinesis = client(KinesisClient.builder(), endpoint, REGION);
        autoScaling = new AutoScalingReader(endpoint, REGION);
        route53 = new Route53Reader(endpoint);
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint, Region region) {
        return builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** A function's resource policy: who may invoke it. */
    JsonNode functionPolicy(String functionName) {
        try {
            return JsonMapper.builder()
                    .build()
                    .readTree(
                            lambda.getPolicy(r -> r.functionName(functionName)).policy());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The managed artifact bucket, as its stack's output names it. */
    String artifactBucket() {
        return cloudFormation
                .describeStacks(r -> r.stackName("sparta-artifacts"))
                .stacks()
                .get(0)
                .outputs()
                .get(0)
                .outputValue();
    }

    /** The name of the role a function runs as. */
    String roleNameOf(String functionName) {
        String roleArn = lambda.getFunction(r -> r.functionName(functionName))
                .configuration()
                .role();
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    JsonNode trustPolicy(String roleName) {
        return policyDocument(iam.getRole(r -> r.roleName(roleName)).role().assumeRolePolicyDocument());
    }

    JsonNode inlinePolicy(String roleName, String policyName) {
        return policyDocument(iam.getRolePolicy(r -> r.roleName(roleName).policyName(policyName))
                .policyDocument());
    }

    /** URL-encoded, and lenient about quotes: moto returns inline policies CloudFormation made as Python reprs. */
    private static JsonNode policyDocument(String urlEncoded) {
        String text = URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
        try {
            return JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .build()
                    .readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        cloudFormation.close();
        s3.close();
        lambda.close();
        iam.close();
        logs.close();
        cloudWatch.close();
        sqs.close();
        events.close();
        dynamoDb.close();
        sns.close();
        kinesis.close();
    }
}
