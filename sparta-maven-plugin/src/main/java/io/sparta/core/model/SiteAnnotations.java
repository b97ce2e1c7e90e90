package io.sparta.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparta.annotations.Access;
import io.sparta.annotations.Allow;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.DynamoDbTrigger;
import io.sparta.annotations.EventRule;
import io.sparta.annotations.FunctionUrl;
import io.sparta.annotations.Grant;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.KinesisTrigger;
import io.sparta.annotations.LogSubscription;
import io.sparta.annotations.S3Trigger;
import io.sparta.annotations.Schedule;
import io.sparta.annotations.SnsTrigger;
import io.sparta.annotations.SqsTrigger;
import io.sparta.annotations.StartingPosition;
import io.sparta.annotations.UrlAuth;
import io.sparta.annotations.processing.QueueRules;
import io.sparta.annotations.processing.ResourceKind;
import io.sparta.annotations.processing.ResourceRules;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.annotations.processing.RouteTable;
import io.sparta.annotations.processing.ScheduleRules;
import io.sparta.api.EventPatternTrigger;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LogSubscriptionTrigger;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.api.Trigger;
import io.sparta.core.scan.HandlerSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the annotations beside one {@code @SpartaLambda}: its triggers, grants and raw statements, each checked
 * as the processor checks it, and its references to declared resources noted for checking once all are read.
 */
final class SiteAnnotations {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Trigger> triggers = new ArrayList<>();
    final List<FunctionAccess.ResourceGrant> grants = new ArrayList<>();
    final List<FunctionAccess.RawStatement> statements = new ArrayList<>();
    /** The declared resources the function uses, by grant or trigger: those it can Discover. */
    final Set<String> usedResources = new TreeSet<>();

    private final HandlerSite site;
    private final RouteTable routes;
    private final ResourceTable<String> resources;
    private final List<Optional<String>> checks = new ArrayList<>();

    SiteAnnotations(HandlerSite site, RouteTable routes, ResourceTable<String> resources, List<String> problems) {
        this.site = site;
        this.routes = routes;
        this.resources = resources;
        for (HandlerSite.SiteAnnotation annotation : site.triggers()) {
            read(annotation);
        }
        checks.stream().flatMap(Optional::stream).forEach(problem -> problems.add(site.location() + ": " + problem));
    }

    FunctionAccess access() {
        return new FunctionAccess(grants, statements);
    }

    private void read(HandlerSite.SiteAnnotation annotation) {
        switch (annotation.type()) {
            case "Schedule" -> {
                Attributes values = new Attributes(Schedule.class, annotation.values());
                ScheduleTrigger schedule = new ScheduleTrigger(
                        values.string("value"), values.string("description"), values.bool("enabled"));
                checks.add(ScheduleRules.expression(schedule.expression()));
                checks.add(ScheduleRules.description(schedule.description()));
                triggers.add(schedule);
            }
            case "SqsTrigger" -> {
                Attributes values = new Attributes(SqsTrigger.class, annotation.values());
                SqsQueueTrigger queue = new SqsQueueTrigger(
                        values.string("queue"),
                        values.integer("batchSize"),
                        values.integer("batchingWindowSeconds"),
                        values.bool("reportBatchItemFailures"));
                reference(ResourceKind.QUEUE, "queue", queue.queue(), false, "@SqsTrigger");
                checks.add(QueueRules.batch(queue.batchSize(), queue.batchingWindowSeconds()));
                triggers.add(queue);
            }
            case "HttpRoute" -> {
                Attributes values = new Attributes(HttpRoute.class, annotation.values());
                HttpRouteTrigger route = new HttpRouteTrigger(
                        values.enumeration("api", ApiKind.class), values.string("method"), values.string("path"));
                checks.add(RouteRules.method(route.method())
                        .or(() -> RouteRules.path(route.path()))
                        .or(() -> routes.add(route.api().name(), route.method(), route.path(), site.location())));
                triggers.add(route);
            }
            case "FunctionUrl" ->
                triggers.add(new FunctionUrlTrigger(
                        new Attributes(FunctionUrl.class, annotation.values()).enumeration("auth", UrlAuth.class)));
            case "S3Trigger" -> {
                Attributes values = new Attributes(S3Trigger.class, annotation.values());
                S3BucketTrigger bucket = new S3BucketTrigger(
                        values.string("bucket"),
                        values.strings("events"),
                        values.string("prefix"),
                        values.string("suffix"));
                reference(ResourceKind.BUCKET, "bucket", bucket.bucket(), false, "@S3Trigger");
                checks.add(ResourceRules.s3Events(bucket.events()));
                triggers.add(bucket);
            }
            case "SnsTrigger" -> {
                Attributes values = new Attributes(SnsTrigger.class, annotation.values());
                SnsTopicTrigger topic = new SnsTopicTrigger(values.string("topic"), values.string("filterPolicy"));
                reference(ResourceKind.TOPIC, "topic", topic.topic(), false, "@SnsTrigger");
                if (!topic.filterPolicy().isBlank()) {
                    checks.add(jsonObject("@SnsTrigger filterPolicy", topic.filterPolicy()));
                }
                triggers.add(topic);
            }
            case "DynamoDbTrigger" ->
                stream(new Attributes(DynamoDbTrigger.class, annotation.values()), ResourceKind.TABLE, "table", true);
            case "KinesisTrigger" ->
                stream(new Attributes(KinesisTrigger.class, annotation.values()), ResourceKind.STREAM, "stream", false);
            case "EventRule" -> {
                Attributes values = new Attributes(EventRule.class, annotation.values());
                EventPatternTrigger rule =
                        new EventPatternTrigger(values.string("pattern"), values.string("description"));
                checks.add(jsonObject("@EventRule pattern", rule.pattern()));
                checks.add(ScheduleRules.description(rule.description()));
                triggers.add(rule);
            }
            case "LogSubscription" -> {
                Attributes values = new Attributes(LogSubscription.class, annotation.values());
                LogSubscriptionTrigger subscription =
                        new LogSubscriptionTrigger(values.string("logGroup"), values.string("filterPattern"));
                checks.add(ResourceRules.logGroup(subscription.logGroup()));
                triggers.add(subscription);
            }
            case "Grant" -> {
                Attributes values = new Attributes(Grant.class, annotation.values());
                FunctionAccess.ResourceGrant grant = new FunctionAccess.ResourceGrant(
                        values.string("resource"), values.enumeration("access", Access.class));
                resources.refer(grant.resource(), List.of(ResourceKind.values()), false, "@Grant", site.location());
                usedResources.add(grant.resource());
                grants.add(grant);
            }
            case "Allow" -> {
                Attributes values = new Attributes(Allow.class, annotation.values());
                FunctionAccess.RawStatement statement =
                        new FunctionAccess.RawStatement(values.strings("actions"), values.strings("resources"));
                checks.add(ResourceRules.statement(statement.actions(), statement.resources()));
                statements.add(statement);
            }
            default -> throw new IllegalStateException("No model for @" + annotation.type());
        }
    }

    /** A DynamoDB or Kinesis stream trigger: the same settings, each reading its own kind of source. */
    private void stream(Attributes values, ResourceKind kind, String attribute, boolean needsTableStream) {
        StreamTrigger stream = new StreamTrigger(
                kind,
                values.string(attribute),
                values.enumeration("startingPosition", StartingPosition.class),
                values.integer("batchSize"));
        String what = kind == ResourceKind.TABLE ? "@DynamoDbTrigger" : "@KinesisTrigger";
        reference(kind, attribute, stream.source(), needsTableStream, what);
        checks.add(ResourceRules.streamBatch(stream.batchSize()));
        triggers.add(stream);
    }

    /** A declared resource's name, resolved once every declaration is read, or an existing resource's ARN. */
    private void reference(ResourceKind kind, String attribute, String value, boolean needsStream, String what) {
        if (ResourceRules.isArn(value)) {
            checks.add(ResourceRules.existingArn(kind, attribute, value).map(problem -> what + ": " + problem));
        } else {
            resources.refer(value, List.of(kind), needsStream, what, site.location());
            usedResources.add(value);
        }
    }

    /** Parsed for real here, where the processor could only look at its braces. */
    private static Optional<String> jsonObject(String what, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject()
                    ? Optional.empty()
                    : Optional.of(what + " must be a JSON object, such as {\"source\": [\"com.example\"]}");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.of(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
