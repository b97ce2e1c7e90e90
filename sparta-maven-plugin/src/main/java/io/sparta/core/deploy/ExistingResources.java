package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.template.ServiceTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The first stage of provision: every existing resource the service references by ARN or name (roles, layers,
 * queues, topics, Kinesis streams, tables' streams, buckets, log groups) must exist in the target account and
 * region before anything is uploaded or changed; every one that is missing is listed at once, with the function
 * that references it, how, and what to do.
 *
 * <p>The references are read from the template provision deploys (so a decorator's or hook's change is seen too):
 * the literal values, or Fn::Sub of pseudo parameters and the stack's parameters, of the properties that name an
 * existing resource. One call per distinct resource, and only for the kinds the service references: a service that
 * references nothing existing makes no call and loads no client.
 */
public final class ExistingResources {

    /** A kind of existing resource, with how a user names it and what each check asks. */
    public enum Kind {
        ROLE("role"),
        LAYER("layer version"),
        QUEUE("queue"),
        TOPIC("topic"),
        STREAM("Kinesis stream"),
        TABLE_STREAM("DynamoDB table stream"),
        BUCKET("bucket"),
        LOG_GROUP("log group");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One reference to an existing resource.
     *
     * @param name the ARN or name as the template gives it, after substitution
     * @param function the function that references it
     * @param use how: {@code its @SqsTrigger(queue)}
     * @param fix what to do when it is missing
     */
    public record Reference(Kind kind, String name, String function, String use, String fix) {}

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final AwsSession aws;
    private final Console console;

    public ExistingResources(AwsSession aws, Console console) {
        this.aws = aws;
        this.console = console;
    }

    /**
     * Checks every reference of the template, and fails listing each missing one.
     *
     * @param parameters the stack's parameter values, for an ARN written with {@code ${Name}}
     */
    public void verify(JsonNode template, Map<String, String> parameters) throws SpartaUserException {
        Map<String, String> variables = new LinkedHashMap<>(parameters);
        Region region = aws.region();
        variables.put("AWS::Region", region.id());
        PartitionMetadata partition = Partitions.of(region);
        variables.put("AWS::Partition", partition.id());
        variables.put("AWS::URLSuffix", partition.dnsSuffix());
        List<Reference> references = references(template, variables);
        if (references.isEmpty()) {
            return;
        }
        // One look-up per resource, however many functions name it.
        Map<String, List<Reference>> byResource = new LinkedHashMap<>();
        references.forEach(reference -> byResource
                .computeIfAbsent(reference.kind() + " " + reference.name(), key -> new ArrayList<>())
                .add(reference));
        List<String> missing = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (List<Reference> users : byResource.values()) {
            Reference first = users.get(0);
            String what = first.kind().label + " " + first.name();
            Optional<String> absent;
            try {
                absent = new ResourceLookups(aws, region).absent(first);
            } catch (SdkClientException e) {
                throw new SpartaUserException(AwsFailures.explain(e).getMessage(), e);
            } catch (IllegalArgumentException notAnArn) {
                absent = Optional.of(notAnArn.getMessage());
            } catch (SdkException e) {
                unchecked.add(what + " (" + usedBy(users) + "): " + AwsFailures.summary(e));
                continue;
            }
            if (absent.isPresent()) {
                missing.add("  - " + what + " (" + usedBy(users) + "): " + absent.get() + ". " + first.fix());
            } else {
                found.add(what);
            }
        }
        if (!found.isEmpty()) {
            console.info("Existing resources the service references, all found: " + String.join(", ", found));
        }
        unchecked.forEach(line -> console.warn(
                "Could not check that " + line + "; provision goes on, and CloudFormation will say if it is missing"));
        if (!missing.isEmpty()) {
            throw new SpartaUserException(missing.size() + " existing resource" + (missing.size() == 1 ? "" : "s")
                    + " the service references " + (missing.size() == 1 ? "is" : "are") + " not in "
                    + region.id() + " for these credentials:\n" + String.join("\n", missing)
                    + "\nNothing was uploaded or changed.");
        }
    }

    private static String usedBy(List<Reference> users) {
        return String.join(
                "; ",
                users.stream()
                        .map(u -> u.use() + " of function " + u.function())
                        .distinct()
                        .toList());
    }

    /** The references to existing resources in the template's resources, in template order. */
    public static List<Reference> references(JsonNode template, Map<String, String> variables) {
        JsonNode resources = template.path("Resources");
        Map<String, String> functionNames = functionNames(resources);
        List<Reference> references = new ArrayList<>();
        resources.fields().forEachRemaining(entry -> {
            JsonNode resource = entry.getValue();
            JsonNode properties = resource.path("Properties");
            String function;
            switch (resource.path("Type").asText()) {
                case "AWS::Lambda::Function" -> {
                    function = functionNames.getOrDefault(entry.getKey(), entry.getKey());
                    literal(properties.path("Role"), variables)
                            .ifPresent(role -> references.add(new Reference(
                                    Kind.ROLE,
                                    role,
                                    function,
                                    "the role= of its @SpartaLambda",
                                    "Create the role, or drop role= from @SpartaLambda to let Sparta generate one")));
                    properties
                            .path("Layers")
                            .forEach(layer -> literal(layer, variables)
                                    .ifPresent(arn -> references.add(new Reference(
                                            Kind.LAYER,
                                            arn,
                                            function,
                                            "the layers= of its @SpartaLambda",
                                            "Publish that layer version in this region, or correct layers= in"
                                                    + " @SpartaLambda"))));
                }
                case "AWS::Lambda::EventSourceMapping" -> {
                    function = owner(properties.path("FunctionName"), functionNames);
                    literal(properties.path("EventSourceArn"), variables).ifPresent(arn -> {
                        switch (service(arn)) {
                            case "sqs" ->
                                references.add(new Reference(
                                        Kind.QUEUE,
                                        arn,
                                        function,
                                        "its @SqsTrigger(queue)",
                                        "Create the queue, or correct queue= of the @SqsTrigger (an ARN for an existing"
                                                + " queue, or the name of one the service declares)"));
                            case "kinesis" ->
                                references.add(new Reference(
                                        Kind.STREAM,
                                        arn,
                                        function,
                                        "its @KinesisTrigger(stream)",
                                        "Create the stream, or correct stream= of the @KinesisTrigger"));
                            case "dynamodb" ->
                                references.add(new Reference(
                                        Kind.TABLE_STREAM,
                                        arn,
                                        function,
                                        "its @DynamoDbTrigger(table)",
                                        "Enable the table's stream and use its current ARN (DescribeTable's"
                                                + " LatestStreamArn), or correct table= of the @DynamoDbTrigger"));
                            default -> {}
                        }
                    });
                }
                case "AWS::SNS::Subscription" -> {
                    function = owner(properties.path("Endpoint"), functionNames);
                    literal(properties.path("TopicArn"), variables)
                            .ifPresent(arn -> references.add(new Reference(
                                    Kind.TOPIC,
                                    arn,
                                    function,
                                    "its @SnsTrigger(topic)",
                                    "Create the topic, or correct topic= of the @SnsTrigger")));
                }
                case "AWS::Lambda::EventInvokeConfig" -> {
                    function = owner(properties.path("FunctionName"), functionNames);
                    literal(properties.at("/DestinationConfig/OnFailure/Destination"), variables)
                            .ifPresent(arn -> {
                                Kind kind = switch (service(arn)) {
                                    case "sqs" -> Kind.QUEUE;
                                    case "sns" -> Kind.TOPIC;
                                    default -> null;
                                };
                                if (kind != null) {
                                    references.add(new Reference(
                                            kind,
                                            arn,
                                            function,
                                            "the onFailure= of its @SpartaLambda",
                                            "Create the " + kind.label + ", or correct onFailure= of @SpartaLambda"));
                                }
                            });
                }
                case "AWS::Logs::SubscriptionFilter" -> {
                    function = owner(properties.path("DestinationArn"), functionNames);
                    literal(properties.path("LogGroupName"), variables)
                            .ifPresent(name -> references.add(new Reference(
                                    Kind.LOG_GROUP,
                                    name,
                                    function,
                                    "its @LogSubscription(logGroup)",
                                    "Create the log group (or deploy what writes to it first), or correct"
                                            + " logGroup= of the @LogSubscription")));
                }
                default -> {
                    JsonNode notification =
                            resource.path("Metadata").path(ServiceTemplate.BUCKET_NOTIFICATION_METADATA);
                    if (notification.isObject()) {
                        references.add(new Reference(
                                Kind.BUCKET,
                                notification.path("Bucket").asText(),
                                notification.path("Function").asText(),
                                "its @S3Trigger(bucket)",
                                "Create the bucket in this account, or correct bucket= of the @S3Trigger (an ARN"
                                        + " for an existing bucket, or the name of one the service declares)"));
                    }
                }
            }
        });
        return references;
    }

    /** Function logical ids (and aliases') to the function's name in the service: {@code ${AWS::StackName}-NAME}. */
    private static Map<String, String> functionNames(JsonNode resources) {
        Map<String, String> names = new LinkedHashMap<>();
        resources.fields().forEachRemaining(entry -> {
            if ("AWS::Lambda::Function".equals(entry.getValue().path("Type").asText())) {
                JsonNode name = entry.getValue().path("Properties").path("FunctionName");
                String text = name.has("Fn::Sub") ? name.path("Fn::Sub").asText() : name.asText(entry.getKey());
                names.put(entry.getKey(), text.replace("${AWS::StackName}-", ""));
            }
        });
        resources.fields().forEachRemaining(entry -> {
            if ("AWS::Lambda::Alias".equals(entry.getValue().path("Type").asText())) {
                String target = entry.getValue()
                        .path("Properties")
                        .path("FunctionName")
                        .path("Ref")
                        .asText();
                if (names.containsKey(target)) {
                    names.put(entry.getKey(), names.get(target));
                }
            }
        });
        return names;
    }

    /** The function a property names by Ref or GetAtt, by its name in the service. */
    private static String owner(JsonNode reference, Map<String, String> functionNames) {
        String id = reference.has("Ref")
                ? reference.path("Ref").asText()
                : reference.path("Fn::GetAtt").path(0).asText(reference.asText());
        return functionNames.getOrDefault(id, id);
    }

    /**
     * A value the template writes itself (not a reference to one of its resources): a string, or an Fn::Sub whose
     * variables are all known; {@code ${AWS::AccountId}} stays, the look-ups take it as the caller's account.
     */
    static Optional<String> literal(JsonNode value, Map<String, String> variables) {
        String text;
        if (value.isTextual()) {
            text = value.asText();
        } else if (value.path("Fn::Sub").isTextual()) {
            text = value.path("Fn::Sub").asText();
        } else {
            return Optional.empty();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement;
            if (variable.equals("AWS::AccountId")) {
                replacement = matcher.group();
            } else if (variables.containsKey(variable)) {
                replacement = variables.get(variable);
            } else {
                // A reference to one of the template's own resources: not an existing resource.
                return Optional.empty();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.isEmpty() ? Optional.empty() : Optional.of(resolved.toString());
    }

    /** {@code sqs} of {@code arn:aws:sqs:...}; empty for what is not an ARN. */
    private static String service(String arn) {
        String[] parts = arn.split(":", 4);
        return parts.length >= 3 && parts[0].equals("arn") ? parts[2] : "";
    }
}
