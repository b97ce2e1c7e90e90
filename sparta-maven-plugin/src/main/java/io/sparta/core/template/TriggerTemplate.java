package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.EventPatternTrigger;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.LogSubscriptionTrigger;
import io.sparta.api.OwnedResource;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.SchedulerTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.api.Trigger;
import io.sparta.core.common.TemplateJson;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What invokes a function: for each trigger its rule, subscription, mapping or notification, and the permission
 * that lets that one source, and no other, invoke the function. What the function's role needs to consume queues
 * and streams is in {@link AccessPolicies}. HTTP routes and function URLs have templates of their own.
 */
final class TriggerTemplate {

    /** Writes one trigger's resources under the logical id given. */
    @FunctionalInterface
    private interface Writer<T extends Trigger> {
        void add(ObjectNode resources, LambdaFunction function, T trigger, String id, ServiceModel service);
    }

    /**
     * One kind's template piece.
     *
     * @param idKind the middle of its logical ids, {@code <Function><idKind><n>}
     */
    private record Piece<T extends Trigger>(Class<T> type, String idKind, Writer<T> writer) {

        void add(ObjectNode resources, LambdaFunction function, Trigger trigger, String id, ServiceModel service) {
            writer.add(resources, function, type.cast(trigger), id, service);
        }
    }

    /** Each kind of trigger's piece; {@code TemplatePiecesTest} fails Sparta's own build while a kind lacks one. */
    private static final Map<Class<? extends Trigger>, Piece<?>> PIECES = pieces(
            new Piece<>(ScheduleTrigger.class, "Schedule", (r, f, t, id, s) -> addSchedule(r, f, t, id)),
            new Piece<>(SchedulerTrigger.class, "Scheduler", (r, f, t, id, s) -> addSchedulerSchedule(r, f, t, id)),
            new Piece<>(EventPatternTrigger.class, "EventRule", (r, f, t, id, s) -> addEventRule(r, f, t, id)),
            new Piece<>(SqsQueueTrigger.class, "Queue", TriggerTemplate::addQueueMapping),
            new Piece<>(StreamTrigger.class, "Stream", TriggerTemplate::addStreamMapping),
            new Piece<>(SnsTopicTrigger.class, "Topic", TriggerTemplate::addSubscription),
            new Piece<>(S3BucketTrigger.class, "Bucket", TriggerTemplate::addBucketNotification),
            new Piece<>(
                    LogSubscriptionTrigger.class,
                    "LogSubscription",
                    (r, f, t, id, s) -> addLogSubscription(r, f, t, id)));

    /**
     * Triggers whose resources are the service's, not one function's: every route goes into the one HTTP or REST
     * API ({@link HttpApiTemplate}, {@link RestApiTemplate}), and a URL takes CORS from the service
     * ({@link FunctionUrlTemplate}).
     */
    static final Set<Class<? extends Trigger>> SERVICE_WIDE = Set.of(HttpRouteTrigger.class, FunctionUrlTrigger.class);

    private TriggerTemplate() {}

    /** Whether some template piece writes this kind of trigger. */
    static boolean handles(Class<? extends Trigger> type) {
        return PIECES.containsKey(type) || SERVICE_WIDE.contains(type);
    }

    static void add(ObjectNode resources, LambdaFunction function, ServiceModel service) {
        // Each kind numbered on its own, from 1: the ids earlier releases gave schedules and queues.
        Map<String, Integer> numbers = new HashMap<>();
        for (Trigger trigger : function.triggers()) {
            Piece<?> piece = PIECES.get(trigger.getClass());
            if (piece != null) {
                String id =
                        function.logicalIdPrefix() + piece.idKind() + numbers.merge(piece.idKind(), 1, Integer::sum);
                piece.add(resources, function, trigger, id, service);
            } else if (!SERVICE_WIDE.contains(trigger.getClass())) {
                throw new IllegalStateException(
                        "No template piece for " + trigger.getClass().getSimpleName());
            }
        }
    }

    private static Map<Class<? extends Trigger>, Piece<?>> pieces(Piece<?>... pieces) {
        Map<Class<? extends Trigger>, Piece<?>> byType = new HashMap<>();
        for (Piece<?> piece : pieces) {
            byType.put(piece.type(), piece);
        }
        return Map.copyOf(byType);
    }

    /** An EventBridge rule targeting the function, and the permission for EventBridge, from that rule only. */
    private static void addSchedule(
            ObjectNode resources, LambdaFunction function, ScheduleTrigger schedule, String id) {
        ObjectNode rule = Cfn.properties(resources, id, "AWS::Events::Rule");
        rule.put("ScheduleExpression", schedule.expression());
        rule.put("State", schedule.enabled() ? "ENABLED" : "DISABLED");
        target(resources, rule, function, id, schedule.description());
    }

    /**
     * An EventBridge Scheduler schedule and the role it invokes the function with: trusted by the Scheduler only
     * for this account, allowed to invoke this function (or its alias) and nothing else.
     */
    private static void addSchedulerSchedule(
            ObjectNode resources, LambdaFunction function, SchedulerTrigger trigger, String id) {
        String roleId = id + "Role";
        ObjectNode role = Cfn.properties(resources, roleId, "AWS::IAM::Role");
        ObjectNode trust = role.putObject("AssumeRolePolicyDocument");
        trust.put("Version", "2012-10-17");
        ObjectNode assume = trust.putArray("Statement").addObject();
        assume.put("Effect", "Allow");
        assume.putObject("Principal").put("Service", "scheduler.amazonaws.com");
        assume.put("Action", "sts:AssumeRole");
        assume.putObject("Condition").putObject("StringEquals").set("aws:SourceAccount", Cfn.ref("AWS::AccountId"));
        ObjectNode policy = role.putArray("Policies").addObject();
        policy.put("PolicyName", "invoke");
        ObjectNode document = policy.putObject("PolicyDocument");
        document.put("Version", "2012-10-17");
        ObjectNode invoke = document.putArray("Statement").addObject();
        invoke.put("Effect", "Allow");
        invoke.put("Action", "lambda:InvokeFunction");
        invoke.set("Resource", Cfn.invokeArn(function));

        ObjectNode schedule = Cfn.properties(resources, id, "AWS::Scheduler::Schedule");
        if (!trigger.description().isEmpty()) {
            schedule.put("Description", trigger.description());
        }
        ObjectNode window = schedule.putObject("FlexibleTimeWindow");
        if (trigger.flexibleWindowMinutes() == 0) {
            window.put("Mode", "OFF");
        } else {
            window.put("Mode", "FLEXIBLE");
            window.put("MaximumWindowInMinutes", trigger.flexibleWindowMinutes());
        }
        schedule.put("ScheduleExpression", trigger.expression());
        if (!trigger.timezone().isEmpty()) {
            schedule.put("ScheduleExpressionTimezone", trigger.timezone());
        }
        schedule.put("State", trigger.enabled() ? "ENABLED" : "DISABLED");
        ObjectNode target = schedule.putObject("Target");
        target.set("Arn", Cfn.invokeArn(function));
        // Without Input the Scheduler sends a notification of its own; an empty object is what the docs promise.
        target.put("Input", "{}");
        target.set("RoleArn", Cfn.getAtt(roleId, "Arn"));
    }

    private static void addEventRule(
            ObjectNode resources, LambdaFunction function, EventPatternTrigger trigger, String id) {
        ObjectNode rule = Cfn.properties(resources, id, "AWS::Events::Rule");
        rule.set("EventPattern", parse(trigger.pattern()));
        rule.put("State", "ENABLED");
        target(resources, rule, function, id, trigger.description());
    }

    private static void target(
            ObjectNode resources, ObjectNode rule, LambdaFunction function, String id, String description) {
        if (!description.isEmpty()) {
            rule.put("Description", description);
        }
        ObjectNode target = rule.putArray("Targets").addObject();
        target.put("Id", function.logicalIdPrefix());
        target.set("Arn", Cfn.invokeArn(function));
        Cfn.invokePermission(resources, id + "Permission", function, "events.amazonaws.com", Cfn.getAtt(id, "Arn"));
    }

    private static void addQueueMapping(
            ObjectNode resources, LambdaFunction function, SqsQueueTrigger queue, String id, ServiceModel service) {
        ObjectNode mapping =
                mapping(resources, function, id, ResourceArns.arn(service, queue.queue()), queue.batchSize());
        if (queue.batchingWindowSeconds() > 0) {
            mapping.put("MaximumBatchingWindowInSeconds", queue.batchingWindowSeconds());
        }
        if (queue.reportBatchItemFailures()) {
            mapping.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        }
        mapping.put("Enabled", true);
    }

    private static void addStreamMapping(
            ObjectNode resources, LambdaFunction function, StreamTrigger stream, String id, ServiceModel service) {
        ObjectNode mapping = mapping(
                resources,
                function,
                id,
                ResourceArns.streamArn(service, stream.kind(), stream.source()),
                stream.batchSize());
        mapping.put("StartingPosition", stream.startingPosition().name());
        if (stream.maximumRetryAttempts() >= 0) {
            mapping.put("MaximumRetryAttempts", stream.maximumRetryAttempts());
        }
        if (!stream.onFailure().isEmpty()) {
            mapping.putObject("DestinationConfig")
                    .putObject("OnFailure")
                    .set("Destination", ResourceArns.arn(service, stream.onFailure()));
        }
        mapping.put("Enabled", true);
    }

    private static ObjectNode mapping(
            ObjectNode resources, LambdaFunction function, String id, JsonNode source, int batchSize) {
        ObjectNode mapping = Cfn.properties(resources, id, "AWS::Lambda::EventSourceMapping");
        mapping.set("EventSourceArn", source);
        mapping.set(
                "FunctionName",
                Cfn.ref(
                        function.options().publishesAlias()
                                ? function.aliasLogicalId()
                                : function.functionLogicalId()));
        mapping.put("BatchSize", batchSize);
        return mapping;
    }

    /** A subscription of the function to the topic, with its filter policy, and SNS's permission from that topic. */
    private static void addSubscription(
            ObjectNode resources, LambdaFunction function, SnsTopicTrigger topic, String id, ServiceModel service) {
        JsonNode topicArn = ResourceArns.arn(service, topic.topic());
        ObjectNode subscription = Cfn.properties(resources, id, "AWS::SNS::Subscription");
        subscription.put("Protocol", "lambda");
        subscription.set("TopicArn", topicArn);
        subscription.set("Endpoint", Cfn.invokeArn(function));
        if (!topic.filterPolicy().isBlank()) {
            subscription.set("FilterPolicy", parse(topic.filterPolicy()));
        }
        Cfn.invokePermission(resources, id + "Permission", function, "sns.amazonaws.com", topicArn);
    }

    /**
     * S3's permission from that bucket in this account; for a declared bucket, also its notification, which waits
     * for the permission since S3 checks it when the notification is set. An existing bucket's notification is set by
     * a custom resource ({@link BucketNotificationsTemplate}), from the metadata written here.
     */
    private static void addBucketNotification(
            ObjectNode resources, LambdaFunction function, S3BucketTrigger trigger, String id, ServiceModel service) {
        String permissionId = id + "Permission";
        ObjectNode permission = Cfn.invokePermission(
                resources, permissionId, function, "s3.amazonaws.com", ResourceArns.arn(service, trigger.bucket()));
        permission.set("SourceAccount", Cfn.ref("AWS::AccountId"));
        if (trigger.existingBucket()) {
            // CloudFormation cannot set notifications on a bucket it does not own; Sparta's custom resource does.
            ObjectNode notification = ((ObjectNode) resources.get(permissionId))
                    .putObject("Metadata")
                    .putObject(ServiceTemplate.BUCKET_NOTIFICATION_METADATA);
            notification.put(
                    "Bucket", trigger.bucket().substring(trigger.bucket().lastIndexOf(':') + 1));
            notification.put("Function", function.name());
            ArrayNode events = notification.putArray("Events");
            trigger.events().forEach(events::add);
            notification.put("Prefix", trigger.prefix());
            notification.put("Suffix", trigger.suffix());
            return;
        }
        OwnedResource bucket = ResourceArns.declared(service, trigger.bucket());
        ObjectNode bucketResource = (ObjectNode) resources.get(bucket.logicalId());
        ArrayNode dependsOn = bucketResource.has("DependsOn")
                ? (ArrayNode) bucketResource.get("DependsOn")
                : bucketResource.putArray("DependsOn");
        dependsOn.add(permissionId);
        ObjectNode properties = (ObjectNode) bucketResource.get("Properties");
        ObjectNode notifications = properties.has("NotificationConfiguration")
                ? (ObjectNode) properties.get("NotificationConfiguration")
                : properties.putObject("NotificationConfiguration");
        ArrayNode configurations = notifications.has("LambdaConfigurations")
                ? (ArrayNode) notifications.get("LambdaConfigurations")
                : notifications.putArray("LambdaConfigurations");
        for (String event : trigger.events()) {
            ObjectNode configuration = configurations.addObject();
            configuration.put("Event", event);
            configuration.set("Function", Cfn.invokeArn(function));
            ArrayNode rules = TemplateJson.array();
            if (!trigger.prefix().isEmpty()) {
                rules.addObject().put("Name", "prefix").put("Value", trigger.prefix());
            }
            if (!trigger.suffix().isEmpty()) {
                rules.addObject().put("Name", "suffix").put("Value", trigger.suffix());
            }
            if (!rules.isEmpty()) {
                configuration.putObject("Filter").putObject("S3Key").set("Rules", rules);
            }
        }
    }

    /** A subscription filter on the log group, and CloudWatch Logs' permission from that log group only. */
    private static void addLogSubscription(
            ObjectNode resources, LambdaFunction function, LogSubscriptionTrigger trigger, String id) {
        String permissionId = id + "Permission";
        ObjectNode permission = Cfn.invokePermission(
                resources,
                permissionId,
                function,
                "logs.amazonaws.com",
                Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:" + trigger.logGroup()
                        + ":*"));
        permission.set("SourceAccount", Cfn.ref("AWS::AccountId"));
        ObjectNode filter = Cfn.resource(resources, id, "AWS::Logs::SubscriptionFilter");
        filter.putArray("DependsOn").add(permissionId);
        ObjectNode properties = filter.putObject("Properties");
        properties.put("LogGroupName", trigger.logGroup());
        properties.put("FilterPattern", trigger.filterPattern());
        properties.set("DestinationArn", Cfn.invokeArn(function));
    }

    private static JsonNode parse(String json) {
        try {
            return TemplateJson.read(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The model holds JSON it checked: " + json, e);
        }
    }
}
