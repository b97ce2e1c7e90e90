package io.sparta.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * What moto cannot show: its GetBucketNotificationConfiguration leaves EventBridgeConfiguration out, and it gives
 * filter rule names back as written, where S3 capitalises them. These check the merge on the configurations S3
 * answers, as its API reference documents them.
 */
class BucketNotificationsMergeTest {

    private static final BucketNotification INGEST = new BucketNotification(
            "sparta-orders-ingest-1",
            "arn:aws:lambda:eu-west-1:123456789012:function:orders-ingest",
            List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"),
            "uploads/",
            ".csv");

    @Test
    void eventBridgeDeliveryIsKeptWhichMotoDoesNotReportBack() {
        GetBucketNotificationConfigurationResponse current = GetBucketNotificationConfigurationResponse.builder()
                .eventBridgeConfiguration(EventBridgeConfiguration.builder().build())
                .build();

        Optional<NotificationConfiguration> merged =
                BucketNotifications.merged(current, Set.of(INGEST.id()), List.of(INGEST.configuration()));

        assertTrue(merged.isPresent());
        assertEquals(EventBridgeConfiguration.builder().build(), merged.get().eventBridgeConfiguration());
        assertEquals(List.of(INGEST.configuration()), merged.get().lambdaFunctionConfigurations());
    }

    @Test
    void ourConfigurationAnsweredWithCapitalisedRuleNamesAndReorderedIsUnchangedWhichMotoDoesNotDo() {
        LambdaFunctionConfiguration asS3AnswersIt = LambdaFunctionConfiguration.builder()
                .id(INGEST.id())
                .lambdaFunctionArn(INGEST.functionArn())
                .eventsWithStrings("s3:ObjectRemoved:*", "s3:ObjectCreated:*")
                .filter(filter -> filter.key(key -> key.filterRules(
                        FilterRule.builder().name("Suffix").value(".csv").build(),
                        FilterRule.builder().name("Prefix").value("uploads/").build())))
                .build();
        GetBucketNotificationConfigurationResponse current = GetBucketNotificationConfigurationResponse.builder()
                .lambdaFunctionConfigurations(asS3AnswersIt)
                .build();

        assertEquals(
                Optional.empty(),
                BucketNotifications.merged(current, Set.of(INGEST.id()), List.of(INGEST.configuration())),
                "read naively, every deployment would rewrite the configuration");
    }

    @Test
    void anotherValueUnderOurIdIsRewritten() {
        LambdaFunctionConfiguration stale = INGEST.configuration().toBuilder()
                .lambdaFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:orders-old")
                .build();
        GetBucketNotificationConfigurationResponse current = GetBucketNotificationConfigurationResponse.builder()
                .lambdaFunctionConfigurations(stale)
                .build();

        assertEquals(
                List.of(INGEST.configuration()),
                BucketNotifications.merged(current, Set.of(INGEST.id()), List.of(INGEST.configuration()))
                        .orElseThrow()
                        .lambdaFunctionConfigurations());
    }

    @Test
    void anEndpointOverrideIsSeenWhereverTheSdkReadsOne() {
        assertTrue(S3Clients.endpointConfigured(name -> null, Map.of("AWS_ENDPOINT_URL_S3", "http://localhost:5000")));
        assertTrue(S3Clients.endpointConfigured(name -> null, Map.of("AWS_ENDPOINT_URL", "http://localhost:5000")));
        assertTrue(S3Clients.endpointConfigured(
                name -> name.equals("aws.endpointUrl") ? "http://localhost:5000" : null, Map.of()));
        assertEquals(false, S3Clients.endpointConfigured(name -> null, Map.of("AWS_ENDPOINT_URL_S3", " ")));
    }
}
