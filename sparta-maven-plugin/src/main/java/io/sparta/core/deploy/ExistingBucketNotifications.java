package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.Console;
import io.sparta.core.template.ServiceTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * Notifications on buckets the stack does not own, which CloudFormation cannot set without taking the bucket's
 * whole notification configuration over. Sparta reads the configuration, replaces only the Lambda configurations
 * whose id is {@code sparta-<stack>-<function>-<n>} for one of the stack's functions, keeps every other one (the bucket owner's queues, topics,
 * EventBridge and other functions), and writes it back only when that changes it. The template's permissions,
 * deployed first, let S3 invoke the functions; each carries what its notification needs as metadata.
 */
public final class ExistingBucketNotifications {

    /**
     * One function's notification of one existing bucket.
     *
     * @param function the function's name in the service
     */
    public record Notification(String bucket, String function, List<String> events, String prefix, String suffix) {
        public Notification {
            events = List.copyOf(events);
        }
    }

    private final S3Client s3;
    private final Console console;

    public ExistingBucketNotifications(S3Client s3, Console console) {
        this.s3 = s3;
        this.console = console;
    }

    /** The notifications a template asks for, from its permissions' metadata. */
    public static List<Notification> fromTemplate(JsonNode template) {
        List<Notification> notifications = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            JsonNode metadata = resource.path("Metadata").path(ServiceTemplate.BUCKET_NOTIFICATION_METADATA);
            if (metadata.isObject()) {
                List<String> events = new ArrayList<>();
                metadata.path("Events").forEach(event -> events.add(event.asText()));
                notifications.add(new Notification(
                        metadata.path("Bucket").asText(),
                        metadata.path("Function").asText(),
                        events,
                        metadata.path("Prefix").asText(),
                        metadata.path("Suffix").asText()));
            }
        });
        return notifications;
    }

    /**
     * Makes Sparta's notifications on each bucket exactly {@code wanted}, and removes them from buckets that only
     * {@code previous} names.
     *
     * @param stackId the stack's ARN, which gives the partition, region and account of its functions' ARNs
     */
    public void apply(String stackName, String stackId, List<Notification> wanted, List<Notification> previous) {
        Set<String> buckets = new TreeSet<>();
        wanted.forEach(notification -> buckets.add(notification.bucket()));
        previous.forEach(notification -> buckets.add(notification.bucket()));
        for (String bucket : buckets) {
            List<LambdaFunctionConfiguration> ours = new ArrayList<>();
            int number = 0;
            for (Notification notification : wanted) {
                if (notification.bucket().equals(bucket)) {
                    ours.add(configuration(stackName, stackId, notification, ++number));
                }
            }
            write(bucket, stackName, functions(wanted, previous), ours);
        }
    }

    /** The notifications the stack's deployed template asks for; none when there is no stack. */
    public static List<Notification> deployed(CloudFormationClient cloudFormation, String stackName) {
        return DeployedTemplate.of(cloudFormation, stackName)
                .map(ExistingBucketNotifications::fromTemplate)
                .orElse(List.of());
    }

    /** Removes Sparta's notifications of this stack from every bucket these name. */
    public void removeAll(String stackName, List<Notification> deployed) {
        Set<String> buckets = new LinkedHashSet<>();
        deployed.forEach(notification -> buckets.add(notification.bucket()));
        buckets.forEach(bucket -> write(bucket, stackName, functions(deployed, List.of()), List.of()));
    }

    /**
     * @param stackFunctions every function of the stack that has or had a notification: an id is this stack's only when
     *     it names one of them, since {@code sparta-orders-} also starts the ids of a stack {@code orders-staging}
     */
    private void write(
            String bucket, String stackName, Set<String> stackFunctions, List<LambdaFunctionConfiguration> ours) {
        Pattern own = Pattern.compile(Pattern.quote(idPrefix(stackName))
                + stackFunctions.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"))
                + "-\\d+");
        GetBucketNotificationConfigurationResponse current =
                s3.getBucketNotificationConfiguration(r -> r.bucket(bucket));
        List<LambdaFunctionConfiguration> kept = current.lambdaFunctionConfigurations().stream()
                .filter(configuration -> configuration.id() == null
                        || !own.matcher(configuration.id()).matches())
                .toList();
        List<LambdaFunctionConfiguration> mine = current.lambdaFunctionConfigurations().stream()
                .filter(configuration -> configuration.id() != null
                        && own.matcher(configuration.id()).matches())
                .map(ExistingBucketNotifications::withLowerCaseRuleNames)
                .toList();
        if (mine.equals(ours)) {
            return;
        }
        List<LambdaFunctionConfiguration> functions = new ArrayList<>(kept);
        functions.addAll(ours);
        NotificationConfiguration.Builder configuration = NotificationConfiguration.builder()
                .lambdaFunctionConfigurations(functions)
                .queueConfigurations(current.queueConfigurations())
                .topicConfigurations(current.topicConfigurations());
        if (current.eventBridgeConfiguration() != null) {
            configuration.eventBridgeConfiguration(current.eventBridgeConfiguration());
        }
        s3.putBucketNotificationConfiguration(r -> r.bucket(bucket).notificationConfiguration(configuration.build()));
        console.info("Bucket " + bucket + ": " + ours.size() + " notification(s) of stack " + stackName + " set, "
                + kept.size() + " other function notification(s) kept");
    }

    private static LambdaFunctionConfiguration configuration(
            String stackName, String stackId, Notification notification, int number) {
        String[] arn = stackId.split(":");
        String functionArn = "arn:" + arn[1] + ":lambda:" + arn[3] + ":" + arn[4] + ":function:" + stackName + "-"
                + notification.function();
        List<FilterRule> rules = new ArrayList<>();
        if (!notification.prefix().isEmpty()) {
            rules.add(FilterRule.builder()
                    .name("prefix")
                    .value(notification.prefix())
                    .build());
        }
        if (!notification.suffix().isEmpty()) {
            rules.add(FilterRule.builder()
                    .name("suffix")
                    .value(notification.suffix())
                    .build());
        }
        LambdaFunctionConfiguration.Builder configuration = LambdaFunctionConfiguration.builder()
                .id(idPrefix(stackName) + notification.function() + "-" + number)
                .lambdaFunctionArn(functionArn)
                .eventsWithStrings(notification.events());
        if (!rules.isEmpty()) {
            configuration.filter(filter -> filter.key(key -> key.filterRules(rules)));
        }
        return configuration.build();
    }

    private static Set<String> functions(List<Notification> some, List<Notification> others) {
        Set<String> functions = new TreeSet<>();
        some.forEach(notification -> functions.add(notification.function()));
        others.forEach(notification -> functions.add(notification.function()));
        return functions;
    }

    /** S3 answers with the rule names {@code Prefix} and {@code Suffix} whatever case they were written in. */
    private static LambdaFunctionConfiguration withLowerCaseRuleNames(LambdaFunctionConfiguration configuration) {
        if (configuration.filter() == null || configuration.filter().key() == null) {
            return configuration;
        }
        List<FilterRule> rules = configuration.filter().key().filterRules().stream()
                .map(rule -> rule.toBuilder()
                        .name(rule.nameAsString().toLowerCase(Locale.ROOT))
                        .build())
                .toList();
        return configuration.toBuilder()
                .filter(filter -> filter.key(key -> key.filterRules(rules)))
                .build();
    }

    private static String idPrefix(String stackName) {
        return "sparta-" + stackName + "-";
    }
}
