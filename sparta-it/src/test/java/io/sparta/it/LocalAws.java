package io.sparta.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
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
    final SqsClient sqs;
    final EventBridgeClient events;

    LocalAws(URI endpoint) {
        cloudFormation = CloudFormationClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
        s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .forcePathStyle(true)
                .build();
        lambda = LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
        iam = IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS)
                .build();
        cloudWatch = CloudWatchClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
        events = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
        logs = CloudWatchLogsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
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
    }
}
