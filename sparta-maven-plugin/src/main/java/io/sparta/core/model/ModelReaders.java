package io.sparta.core.model;

import io.sparta.annotations.Access;
import io.sparta.annotations.Allow;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.AuthorizerType;
import io.sparta.annotations.CustomResource;
import io.sparta.annotations.DynamoDbTrigger;
import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.EventRule;
import io.sparta.annotations.FunctionUrl;
import io.sparta.annotations.Grant;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.KinesisStream;
import io.sparta.annotations.KinesisTrigger;
import io.sparta.annotations.LogSubscription;
import io.sparta.annotations.Projection;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.ResourceProperty;
import io.sparta.annotations.S3Bucket;
import io.sparta.annotations.S3Trigger;
import io.sparta.annotations.Schedule;
import io.sparta.annotations.SchedulerSchedule;
import io.sparta.annotations.SnsTopic;
import io.sparta.annotations.SnsTrigger;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.SqsTrigger;
import io.sparta.annotations.StartingPosition;
import io.sparta.annotations.StreamView;
import io.sparta.annotations.TableIndex;
import io.sparta.annotations.UrlAuth;
import io.sparta.annotations.processing.AnnotationKinds;
import io.sparta.annotations.processing.AttributeValues;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.EventPatternTrigger;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LogSubscriptionTrigger;
import io.sparta.api.OwnedResource;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.SchedulerTrigger;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.api.Trigger;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How each annotation kind of {@link AnnotationKinds}, checked already, becomes part of the service model: one
 * entry per kind. {@code AnnotationKindsEndToEndTest} fails Sparta's own build while a kind lacks one.
 */
final class ModelReaders {

    /** What the annotations beside one {@code @SpartaLambda} add to its function. */
    record Companion(Trigger trigger, FunctionAccess.ResourceGrant grant, FunctionAccess.RawStatement statement) {

        static Companion of(Trigger trigger) {
            return new Companion(trigger, null, null);
        }
    }

    static final Map<Class<? extends Annotation>, Function<AttributeValues, Companion>> COMPANIONS = Map.ofEntries(
            Map.entry(
                    Schedule.class,
                    values -> Companion.of(new ScheduleTrigger(
                            values.string("value"), values.string("description"), values.bool("enabled")))),
            Map.entry(
                    SchedulerSchedule.class,
                    values -> Companion.of(new SchedulerTrigger(
                            values.string("value"),
                            values.string("timezone"),
                            values.integer("flexibleWindowMinutes"),
                            values.string("description"),
                            values.bool("enabled")))),
            Map.entry(
                    SqsTrigger.class,
                    values -> Companion.of(new SqsQueueTrigger(
                            values.string("queue"),
                            values.integer("batchSize"),
                            values.integer("batchingWindowSeconds"),
                            values.bool("reportBatchItemFailures")))),
            Map.entry(
                    HttpRoute.class,
                    values -> Companion.of(new HttpRouteTrigger(
                            values.enumeration("api", ApiKind.class),
                            values.string("method"),
                            values.string("path"),
                            values.string("authorizer"),
                            values.strings("scopes")))),
            Map.entry(
                    FunctionUrl.class,
                    values -> Companion.of(new FunctionUrlTrigger(values.enumeration("auth", UrlAuth.class)))),
            Map.entry(
                    S3Trigger.class,
                    values -> Companion.of(new S3BucketTrigger(
                            values.string("bucket"),
                            values.strings("events"),
                            values.string("prefix"),
                            values.string("suffix")))),
            Map.entry(
                    SnsTrigger.class,
                    values -> Companion.of(new SnsTopicTrigger(values.string("topic"), values.string("filterPolicy")))),
            Map.entry(DynamoDbTrigger.class, values -> Companion.of(stream(values, ResourceKind.TABLE, "table"))),
            Map.entry(KinesisTrigger.class, values -> Companion.of(stream(values, ResourceKind.STREAM, "stream"))),
            Map.entry(
                    EventRule.class,
                    values -> Companion.of(
                            new EventPatternTrigger(values.string("pattern"), values.string("description")))),
            Map.entry(
                    LogSubscription.class,
                    values -> Companion.of(
                            new LogSubscriptionTrigger(values.string("logGroup"), values.string("filterPattern")))),
            Map.entry(
                    Grant.class,
                    values -> new Companion(
                            null,
                            new FunctionAccess.ResourceGrant(
                                    values.string("resource"), values.enumeration("access", Access.class)),
                            null)),
            Map.entry(
                    Allow.class,
                    values -> new Companion(
                            null,
                            null,
                            new FunctionAccess.RawStatement(values.strings("actions"), values.strings("resources")))));

    static final Map<Class<? extends Annotation>, Function<AttributeValues, OwnedResource>> RESOURCES = Map.of(
            DynamoTable.class,
            values -> new OwnedResource.Table(
                    values.string("name"),
                    values.string("partitionKey"),
                    values.enumeration("partitionKeyType", KeyType.class),
                    values.string("sortKey"),
                    values.enumeration("sortKeyType", KeyType.class),
                    values.enumeration("stream", StreamView.class),
                    values.bool("retainOnDelete"),
                    indexes(values.annotations("globalIndexes", TableIndex.class)),
                    indexes(values.annotations("localIndexes", TableIndex.class)),
                    values.string("timeToLiveAttribute"),
                    values.integer("readCapacity"),
                    values.integer("writeCapacity")),
            S3Bucket.class,
            values -> new OwnedResource.Bucket(
                    values.string("name"), values.bool("versioned"), values.bool("retainOnDelete")),
            SqsQueue.class,
            values -> new OwnedResource.Queue(
                    values.string("name"),
                    values.integer("visibilityTimeout"),
                    values.bool("fifo"),
                    values.bool("contentBasedDeduplication"),
                    values.string("deadLetterQueue"),
                    values.integer("maxReceiveCount")),
            SnsTopic.class,
            values -> new OwnedResource.Topic(
                    values.string("name"), values.bool("fifo"), values.bool("contentBasedDeduplication")),
            KinesisStream.class,
            values -> new OwnedResource.Stream(values.string("name"), values.integer("shards")),
            CustomResource.class,
            values -> new OwnedResource.Custom(
                    values.string("name"),
                    values.string("type"),
                    values.string("function"),
                    values.annotations("properties", ResourceProperty.class).stream()
                            .map(property -> new OwnedResource.Custom.Property(
                                    property.string("name"),
                                    property.string("value"),
                                    property.string("ref"),
                                    property.string("attribute")))
                            .toList(),
                    values.strings("outputs")));

    private ModelReaders() {}

    /** A DynamoDB or Kinesis stream trigger: the same settings, each reading its own kind of source. */
    private static StreamTrigger stream(AttributeValues values, ResourceKind kind, String attribute) {
        return new StreamTrigger(
                kind,
                values.string(attribute),
                values.enumeration("startingPosition", StartingPosition.class),
                values.integer("batchSize"),
                values.string("onFailure"),
                values.integer("maximumRetryAttempts"));
    }

    private static List<OwnedResource.Table.Index> indexes(List<AttributeValues> indexes) {
        return indexes.stream()
                .map(index -> new OwnedResource.Table.Index(
                        index.string("name"),
                        index.string("partitionKey"),
                        index.enumeration("partitionKeyType", KeyType.class),
                        index.string("sortKey"),
                        index.enumeration("sortKeyType", KeyType.class),
                        index.enumeration("projection", Projection.class),
                        index.strings("nonKeyAttributes"),
                        index.integer("readCapacity"),
                        index.integer("writeCapacity")))
                .toList();
    }

    /** The reader of a kind the registry lists; a missing one is Sparta's bug, caught by its own tests. */
    /** An {@code @Authorizer}, which is part of the APIs rather than a resource of its own. */
    static ApiAuthorizer authorizer(AttributeValues values) {
        return new ApiAuthorizer(
                values.string("name"),
                values.enumeration("type", AuthorizerType.class),
                values.string("issuer"),
                values.strings("audiences"),
                values.strings("userPoolArns"),
                values.string("function"),
                values.strings("identitySources"),
                values.integer("resultTtlSeconds"),
                values.bool("simpleResponses"));
    }

    static <T> Function<AttributeValues, T> reader(
            Map<Class<? extends Annotation>, Function<AttributeValues, T>> readers, AnnotationKinds.Kind kind) {
        Function<AttributeValues, T> reader = readers.get(kind.annotation());
        if (reader == null) {
            throw new IllegalStateException("No model for " + kind.label());
        }
        return reader;
    }
}
