package io.sparta.resources;

import io.sparta.runtime.customresource.CustomResourceException;
import io.sparta.runtime.customresource.CustomResourceFunction;
import io.sparta.runtime.customresource.CustomResourceRequest;
import io.sparta.runtime.customresource.CustomResourceResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Notifications on a bucket the stack does not own ({@value #RESOURCE_TYPE}), which CloudFormation cannot set
 * without taking the bucket's whole notification configuration over: this handler reads the configuration
 * (<a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketNotificationConfiguration.html">GetBucketNotificationConfiguration</a>),
 * replaces only the Lambda configurations whose ids the resource names, keeps everything else (the owner's queues,
 * topics, EventBridge delivery and other functions) and writes it back
 * (<a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html">PutBucketNotificationConfiguration</a>)
 * only when that changes it.
 *
 * <p>Properties, as the template writes them (CloudFormation's custom resource protocol passes them as they are):
 *
 * <pre>{@code
 * Bucket: "legacy-drop"
 * Notifications:
 *   - Id: "sparta-<stack>-<function>-<n>"     # marks the configuration as this resource's
 *     LambdaFunctionArn: "arn:aws:lambda:...:function:..."
 *     Events: ["s3:ObjectCreated:*", ...]     # at least one
 *     Prefix: "uploads/"                      # optional; absent or empty: no prefix rule
 *     Suffix: ".csv"                          # optional; absent or empty: no suffix rule
 * }</pre>
 *
 * <p>The physical id is the bucket's name. Create and Update drop the Lambda configurations whose id is one of the
 * new {@code Notifications}' ids or, on an Update of the same bucket, of the old ones, and add the new ones. An
 * Update to another bucket sets the new bucket and leaves the old one alone: it answers the new bucket's name as
 * the physical id, so CloudFormation sends Delete for the old one, with the old properties, after the update. Delete
 * drops the ids its properties name; a bucket that no longer exists has none to drop. CloudFormation rolls a failed
 * update back with an Update whose old and new properties are swapped, which restores the previous notifications
 * by the same rules.
 *
 * <p>S3's refusals (access denied, an invalid configuration, a missing bucket on Create or Update) answer FAILED
 * with a reason naming the bucket and S3's message. The function's role needs {@code s3:GetBucketNotification} and
 * {@code s3:PutBucketNotification} on the bucket, and each function S3 invokes a permission for it, granted before
 * this resource is created: S3 tests every destination when the configuration is written.
 */
public final class BucketNotifications extends CustomResourceFunction {

    public static final String RESOURCE_TYPE = "Custom::SpartaBucketNotifications";

    private final Supplier<S3Client> s3;

    /** The handler Lambda instantiates, on the container's S3 client (see {@link S3Clients#build()}). */
    public BucketNotifications() {
        this(S3Clients::s3);
    }

    /**
     * The handler on a client of the caller's, for running it outside Lambda: against a local AWS API, on the events
     * CloudFormation would send.
     */
    public BucketNotifications(Supplier<S3Client> s3) {
        this.s3 = s3;
    }

    @Override
    protected CustomResourceResult create(CustomResourceRequest request) {
        String bucket = request.property("Bucket");
        List<BucketNotification> wanted = notifications(request, request.properties(), "");
        write(bucket, ids(wanted), wanted, false);
        return CustomResourceResult.of(bucket);
    }

    @Override
    protected CustomResourceResult update(CustomResourceRequest request) {
        String bucket = request.property("Bucket");
        List<BucketNotification> wanted = notifications(request, request.properties(), "");
        Set<String> replaced = ids(wanted);
        if (request.optionalOldProperty("Bucket").filter(bucket::equals).isPresent()) {
            replaced.addAll(ids(notifications(request, request.oldProperties(), "before this update ")));
        }
        write(bucket, replaced, wanted, false);
        return CustomResourceResult.of(bucket);
    }

    @Override
    protected void delete(CustomResourceRequest request) {
        String bucket = request.property("Bucket");
        write(bucket, ids(notifications(request, request.properties(), "")), List.of(), true);
    }

    /**
     * Makes the bucket's Lambda configurations with a {@code replaced} id exactly {@code wanted}.
     *
     * @param goneIsDone whether a bucket that does not exist is success (on Delete, nothing is left to remove)
     */
    private void write(String bucket, Set<String> replaced, List<BucketNotification> wanted, boolean goneIsDone) {
        String operation = "GetBucketNotificationConfiguration";
        try {
            GetBucketNotificationConfigurationResponse current =
                    s3.get().getBucketNotificationConfiguration(r -> r.bucket(bucket));
            List<LambdaFunctionConfiguration> ours =
                    wanted.stream().map(BucketNotification::configuration).toList();
            Optional<NotificationConfiguration> changed = merged(current, replaced, ours);
            if (changed.isEmpty()) {
                System.out.println("Bucket " + bucket + ": its " + ours.size() + " notification(s) of this resource"
                        + " are already as wanted; nothing written");
                return;
            }
            operation = "PutBucketNotificationConfiguration";
            s3.get().putBucketNotificationConfiguration(r -> r.bucket(bucket).notificationConfiguration(changed.get()));
            System.out.println("Bucket " + bucket + ": " + ours.size() + " notification(s) of this resource set, "
                    + (changed.get().lambdaFunctionConfigurations().size() - ours.size())
                    + " other function notification(s) kept");
        } catch (S3Exception e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (goneIsDone && "NoSuchBucket".equals(code)) {
                System.out.println("Bucket " + bucket + " no longer exists: none of its notifications to remove");
                return;
            }
            throw refused(bucket, operation, code, e);
        } catch (SdkException e) {
            throw new CustomResourceException(
                    "Bucket " + bucket + ": " + operation + " did not reach S3: " + e.getMessage(), e);
        }
    }

    private static CustomResourceException refused(String bucket, String operation, String code, S3Exception e) {
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : e.getMessage();
        String hint = "AccessDenied".equals(code)
                ? "; the function's role needs s3:GetBucketNotification and s3:PutBucketNotification on"
                        + " arn:aws:s3:::" + bucket
                : "";
        return new CustomResourceException(
                "Bucket " + bucket + ": S3 refused " + operation + ": " + message + " (" + code + ")" + hint, e);
    }

    /**
     * The configuration to write, or empty when the bucket already holds exactly {@code ours} under the
     * {@code replaced} ids. Every other configuration is kept as S3 gave it, Lambda ones first, in their order.
     */
    static Optional<NotificationConfiguration> merged(
            GetBucketNotificationConfigurationResponse current,
            Set<String> replaced,
            List<LambdaFunctionConfiguration> ours) {
        List<LambdaFunctionConfiguration> kept = new ArrayList<>();
        List<LambdaFunctionConfiguration> mine = new ArrayList<>();
        for (LambdaFunctionConfiguration configuration : current.lambdaFunctionConfigurations()) {
            (configuration.id() != null && replaced.contains(configuration.id()) ? mine : kept).add(configuration);
        }
        if (comparable(mine).equals(comparable(ours))) {
            return Optional.empty();
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
        return Optional.of(configuration.build());
    }

    /**
     * Configurations as S3 and Sparta may each write the same one: S3 answers the rule names {@code Prefix} and
     * {@code Suffix} whatever case they were written in, and need not keep the order of rules or events. Read
     * naively, every deployment would rewrite the configuration and make S3 test every destination again.
     */
    private static Set<LambdaFunctionConfiguration> comparable(List<LambdaFunctionConfiguration> configurations) {
        Set<LambdaFunctionConfiguration> comparable = new HashSet<>();
        for (LambdaFunctionConfiguration configuration : configurations) {
            List<FilterRule> rules =
                    configuration.filter() == null || configuration.filter().key() == null
                            ? List.of()
                            : configuration.filter().key().filterRules().stream()
                                    .map(rule -> rule.toBuilder()
                                            .name(rule.nameAsString().toLowerCase(Locale.ROOT))
                                            .build())
                                    .sorted(Comparator.comparing(FilterRule::nameAsString))
                                    .toList();
            LambdaFunctionConfiguration.Builder normal = configuration.toBuilder()
                    .eventsWithStrings(
                            configuration.eventsAsStrings().stream().sorted().toList())
                    .filter((NotificationConfigurationFilter) null);
            if (!rules.isEmpty()) {
                normal.filter(filter -> filter.key(key -> key.filterRules(rules)));
            }
            comparable.add(normal.build());
        }
        return comparable;
    }

    private static Set<String> ids(List<BucketNotification> notifications) {
        Set<String> ids = new LinkedHashSet<>();
        notifications.forEach(notification -> ids.add(notification.id()));
        return ids;
    }

    /**
     * The {@code Notifications} of {@code properties}.
     *
     * @param when {@code "before this update "} for the old properties, for the reason
     * @throws CustomResourceException naming the resource and the entry, when one does not fit the contract
     */
    static List<BucketNotification> notifications(
            CustomResourceRequest request, Map<String, Object> properties, String when) {
        Object value = properties.get("Notifications");
        if (!(value instanceof List<?> entries)) {
            throw invalid(
                    request,
                    when + "property Notifications must be a list of notifications; it is "
                            + (value == null
                                    ? "missing"
                                    : "a " + value.getClass().getSimpleName()));
        }
        List<BucketNotification> notifications = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = when + "Notifications[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw invalid(request, where + " must be an object with Id, LambdaFunctionArn and Events");
            }
            String id = required(request, entry, "Id", where);
            if (!ids.add(id)) {
                throw invalid(request, where + ".Id \"" + id + "\" is given twice; each notification needs its own");
            }
            notifications.add(new BucketNotification(
                    id,
                    required(request, entry, "LambdaFunctionArn", where),
                    events(request, entry.get("Events"), where),
                    optional(request, entry, "Prefix", where),
                    optional(request, entry, "Suffix", where)));
        }
        return notifications;
    }

    private static List<String> events(CustomResourceRequest request, Object value, String where) {
        if (value instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(event -> event instanceof String s && !s.isEmpty())) {
            return list.stream().map(String.class::cast).toList();
        }
        throw invalid(request, where + ".Events must be a non-empty list of event names such as s3:ObjectCreated:*");
    }

    private static String required(CustomResourceRequest request, Map<?, ?> entry, String key, String where) {
        String value = optional(request, entry, key, where);
        if (value.isEmpty()) {
            throw invalid(request, where + "." + key + " is missing");
        }
        return value;
    }

    private static String optional(CustomResourceRequest request, Map<?, ?> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String string)) {
            throw invalid(request, where + "." + key + " must be a string");
        }
        return string;
    }

    private static CustomResourceException invalid(CustomResourceRequest request, String what) {
        return new CustomResourceException(request.logicalResourceId() + " (" + request.resourceType() + "): " + what);
    }
}
