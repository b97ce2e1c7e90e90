package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notifications on buckets the stack does not own. CloudFormation can set a bucket's notifications only by owning
 * the bucket, which would take the owner's other notifications over; so each such bucket gets a
 * {@value #TYPE} resource, handled by Sparta's own function ({@value #HANDLER}, shipped with the plugin and
 * uploaded beside the service's archive), which merges this stack's notifications into the bucket's configuration
 * and keeps every other one. Being a resource of the stack, it is created, updated, rolled back and deleted with it,
 * whether {@code provision} or a pipeline's CloudFormation action deploys the template.
 *
 * <p>The notification ids are {@code sparta-<stack>-<function>-<n>}, numbered per bucket, which is what the handler
 * recognises as this stack's.
 */
public final class BucketNotificationsTemplate {

    /** The custom resource type Sparta's handler serves. */
    public static final String TYPE = "Custom::SpartaBucketNotifications";

    /** Sparta's handler, in the {@code sparta-resources} jar. */
    public static final String HANDLER = "io.sparta.resources.BucketNotifications";

    /** The template parameter receiving the S3 key of Sparta's handler jar. */
    public static final String KEY_PARAMETER = "SpartaResourcesKey";

    static final String PREFIX = "SpartaBucketNotifications";

    private BucketNotificationsTemplate() {}

    /**
     * Why Sparta's handler cannot be deployed in a stack of this name: its function is
     * {@code <stack>-SpartaBucketNotifications}, and Lambda allows 64 characters.
     */
    public static java.util.Optional<String> functionNameProblem(String stackName) {
        int length = stackName.length() + 1 + PREFIX.length();
        int max = io.sparta.annotations.processing.FunctionRules.FUNCTION_NAME_MAX;
        return length > max
                ? java.util.Optional.of("an @S3Trigger on a bucket the stack does not own deploys Sparta's own function"
                        + " \"" + stackName + "-" + PREFIX + "\", " + length
                        + " characters long; Lambda allows at most "
                        + max + ", so shorten the stack name \"" + stackName + "\" to at most "
                        + (max - 1 - PREFIX.length()) + " characters")
                : java.util.Optional.empty();
    }

    /** The buckets the stack does not own whose notifications the template sets, in template order. */
    public static java.util.List<String> buckets(JsonNode template) {
        java.util.List<String> buckets = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(TYPE)) {
                buckets.add(resource.at("/Properties/Bucket").asText());
            }
        });
        return buckets;
    }

    /** Whether the template sets notifications on a bucket the stack does not own, and so needs Sparta's jar. */
    public static boolean needed(JsonNode template) {
        return template.path("Parameters").has(KEY_PARAMETER);
    }

    /** Adds the handler function and one resource per existing bucket, if any trigger names one. */
    static void add(ObjectNode template, ServiceModel service) {
        ObjectNode resources = (ObjectNode) template.get("Resources");
        Map<String, List<Map.Entry<String, JsonNode>>> byBucket = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = resources.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = fields.next();
            JsonNode notification =
                    resource.getValue().path("Metadata").path(ServiceTemplate.BUCKET_NOTIFICATION_METADATA);
            if (notification.isObject()) {
                byBucket.computeIfAbsent(notification.path("Bucket").asText(), bucket -> new ArrayList<>())
                        .add(Map.entry(resource.getKey(), notification));
            }
        }
        if (byBucket.isEmpty()) {
            return;
        }
        ((ObjectNode) template.get("Parameters"))
                .putObject(KEY_PARAMETER)
                .put("Type", "String")
                .put("Description", "S3 key of Sparta's built-in custom resource handlers (sparta-resources)");
        addHandler(resources, byBucket.keySet());
        for (Map.Entry<String, List<Map.Entry<String, JsonNode>>> bucket : byBucket.entrySet()) {
            String id = logicalId(bucket.getKey());
            ObjectNode resource = Cfn.resource(resources, id, TYPE);
            // S3 checks that it may invoke each function when the notification is set.
            ArrayNode dependsOn = resource.putArray("DependsOn");
            ObjectNode properties = resource.putObject("Properties");
            properties.set("ServiceToken", Cfn.getAtt(PREFIX + "Function", "Arn"));
            properties.put("Bucket", bucket.getKey());
            ArrayNode notifications = properties.putArray("Notifications");
            int number = 0;
            for (Map.Entry<String, JsonNode> permission : bucket.getValue()) {
                dependsOn.add(permission.getKey());
                JsonNode metadata = permission.getValue();
                LambdaFunction function =
                        function(service, metadata.path("Function").asText());
                ObjectNode notification = notifications.addObject();
                notification.set("Id", Cfn.sub("sparta-${AWS::StackName}-" + function.name() + "-" + ++number));
                notification.set("LambdaFunctionArn", Cfn.invokeArn(function));
                notification.set("Events", metadata.path("Events").deepCopy());
                notification.put("Prefix", metadata.path("Prefix").asText());
                notification.put("Suffix", metadata.path("Suffix").asText());
            }
        }
    }

    /**
     * The handler's log group, role and function. The role may read and write the notification configuration of
     * these buckets only, and write its own logs.
     */
    private static void addHandler(ObjectNode resources, Iterable<String> buckets) {
        String logGroupId = PREFIX + "LogGroup";
        String deployedName = "${AWS::StackName}-" + PREFIX;
        ObjectNode logGroup = Cfn.properties(resources, logGroupId, "AWS::Logs::LogGroup");
        logGroup.set("LogGroupName", Cfn.sub("/aws/lambda/" + deployedName));
        logGroup.put("RetentionInDays", 30);

        ArrayNode policies =
                ServiceTemplate.lambdaRole(resources, PREFIX + "Role").putArray("Policies");
        ServiceTemplate.writeOwnLogs(policies, logGroupId);
        List<JsonNode> bucketArns = new ArrayList<>();
        buckets.forEach(bucket -> bucketArns.add(Cfn.sub("arn:${AWS::Partition}:s3:::" + bucket)));
        ObjectNode notifications = Cfn.policyDocument();
        ((ArrayNode) notifications.get("Statement"))
                .add(Cfn.allow(
                        "BucketNotifications",
                        List.of("s3:GetBucketNotification", "s3:PutBucketNotification"),
                        bucketArns));
        policies.addObject().put("PolicyName", "bucket-notifications").set("PolicyDocument", notifications);

        ObjectNode function = Cfn.resource(resources, PREFIX + "Function", "AWS::Lambda::Function");
        function.putArray("DependsOn").add(logGroupId);
        ObjectNode properties = function.putObject("Properties");
        properties.set("FunctionName", Cfn.sub(deployedName));
        properties.put("Description", "Sparta: merges this stack's notifications into buckets it does not own");
        properties.put("Handler", HANDLER);
        properties.put("Runtime", "java21");
        properties.put("MemorySize", 512);
        properties.put("Timeout", 120);
        properties.set("Role", Cfn.getAtt(PREFIX + "Role", "Arn"));
        ObjectNode code = properties.putObject("Code");
        code.set("S3Bucket", Cfn.ref(ServiceTemplate.ARTIFACT_BUCKET));
        code.set("S3Key", Cfn.ref(KEY_PARAMETER));
    }

    /**
     * {@code SpartaBucketNotifications} and the bucket's name in camel case, followed, unless the name is letters
     * joined by single hyphens, by 8 hexadecimal digits of its SHA-256: digits and dots do not survive camel case
     * ({@code a-1b} and {@code a1b}, {@code a.b} and {@code a-b} would meet), nor would the handler's own ids
     * ({@code function}). Each bucket's id depends on its name
     * alone, so adding or removing another bucket never renames it; a renamed resource would be created anew and
     * the old one's Delete would then remove the notifications the new one had just set.
     */
    static String logicalId(String bucket) {
        StringBuilder id = new StringBuilder(PREFIX);
        for (String part : bucket.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        // The handler's own ids end in these; a bucket with such a name gets the digest too.
        if (!bucket.matches("[a-z]+(-[a-z]+)*")
                || List.of("function", "role", "log-group").contains(bucket)) {
            id.append(io.sparta.core.common.Digests.sha256(bucket.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .substring(0, 8));
        }
        return id.toString();
    }

    private static LambdaFunction function(ServiceModel service, String name) {
        return service.function(name)
                .orElseThrow(() -> new IllegalStateException("A bucket notification names no function " + name));
    }
}
