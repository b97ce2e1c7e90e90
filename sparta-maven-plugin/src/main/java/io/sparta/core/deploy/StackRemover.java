package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.template.PipelineTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResourceDetail;

/**
 * Deletes a stack and follows the deletion to its end, then names each resource the stack kept (DeletionPolicy
 * Retain): it stays in the account, with its data and its cost, and the next provision does not take it back.
 */
public final class StackRemover {

    /** Deletion policies that leave the resource in place when its stack is deleted. */
    private static final Set<String> KEEPING = Set.of("Retain", "RetainExceptOnCreate");

    private final CloudFormationClient cloudFormation;
    private final Console console;

    public StackRemover(CloudFormationClient cloudFormation, Console console) {
        this.cloudFormation = cloudFormation;
        this.console = console;
    }

    /** A resource a deleted stack left behind. */
    public record KeptResource(String logicalId, String type, String physicalId) {}

    /**
     * Deletes the stack when it is the service's (or adopted).
     *
     * @return whether there was a stack to delete
     * @throws SpartaUserException when the stack belongs to another owner and is not adopted
     */
    public boolean delete(String stackName, String service, Optional<String> adoptStack) throws SpartaUserException {
        Optional<Stack> existing = Stacks.find(cloudFormation, stackName);
        if (existing.isEmpty()) {
            console.info("Stack " + stackName + " does not exist; nothing to delete");
            return false;
        }
        if (!StackStates.neverCreated(existing.get().stackStatusAsString())) {
            StackOwnership.check(existing.get(), service, adoptStack, "delete", console);
        }
        // The id keeps answering after deletion, where the name no longer does.
        String stackId = existing.get().stackId();
        Optional<JsonNode> template = DeployedTemplate.of(cloudFormation, stackId);
        // Read before deleting: afterwards the resources' physical names are only in events, which moto lacks.
        Map<String, KeptResource> keeping = keeping(stackId, template);
        StackWatcher watcher = new StackWatcher(cloudFormation, console, stackId);
        console.info("Deleting stack " + stackName);
        cloudFormation.deleteStack(
                r -> r.stackName(stackId).clientRequestToken("sparta-delete-" + System.currentTimeMillis()));
        StackOutcome outcome = watcher.awaitSettled();
        String status = outcome.stack().stackStatusAsString();
        if (!"DELETE_COMPLETE".equals(status)) {
            throw new DeploymentFailedException(StackEvents.failureReport(outcome));
        }
        console.info("Stack " + stackName + " deleted");
        // The pipeline stack is created again by sparta:pipeline, not by provision.
        String recreatedBy =
                template.filter(PipelineTemplate::isPipeline).isPresent() ? "sparta:pipeline" : "provision";
        report(stackName, kept(keeping, outcome.events()), recreatedBy);
        return true;
    }

    /**
     * The resources whose DeletionPolicy keeps them and that exist, by logical id; none when the template is not JSON
     * Sparta can read (the events still name what CloudFormation skipped).
     */
    private Map<String, KeptResource> keeping(String stackId, Optional<JsonNode> deployed) {
        Map<String, KeptResource> keeping = new LinkedHashMap<>();
        if (deployed.isEmpty()) {
            console.debug("The template of " + stackId + " is not JSON; kept resources are read from events only");
            return keeping;
        }
        JsonNode template = deployed.get();
        List<String> logicalIds = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (KEEPING.contains(resource.getValue().path("DeletionPolicy").asText())) {
                logicalIds.add(resource.getKey());
            }
        });
        // One look-up per kept resource, rather than listing all: a stack keeps few.
        for (String logicalId : logicalIds) {
            try {
                StackResourceDetail resource = cloudFormation
                        .describeStackResource(r -> r.stackName(stackId).logicalResourceId(logicalId))
                        .stackResourceDetail();
                if (resource != null && present(resource.physicalResourceId())) {
                    keeping.put(
                            logicalId,
                            new KeptResource(logicalId, resource.resourceType(), resource.physicalResourceId()));
                }
            } catch (CloudFormationException e) {
                if (e.statusCode() == 400) {
                    console.debug(logicalId + " of " + stackId + " was never created: " + e.getMessage());
                } else {
                    // Naming it is a courtesy; the deletion the user asked for goes ahead.
                    console.warn("Could not read " + logicalId + ", which the stack keeps on delete, before deleting: "
                            + e.getMessage());
                }
            }
        }
        return keeping;
    }

    /**
     * The kept resources that existed before the deletion, and any CloudFormation reported skipping on delete, by
     * type and logical id.
     */
    static List<KeptResource> kept(Map<String, KeptResource> keeping, List<StackEvent> events) {
        Map<String, KeptResource> kept = new LinkedHashMap<>(keeping);
        for (StackEvent event : events) {
            if ("DELETE_SKIPPED".equals(event.resourceStatusAsString())
                    && present(event.physicalResourceId())
                    && !kept.containsKey(event.logicalResourceId())) {
                kept.put(
                        event.logicalResourceId(),
                        new KeptResource(event.logicalResourceId(), event.resourceType(), event.physicalResourceId()));
            }
        }
        List<KeptResource> sorted = new ArrayList<>(kept.values());
        sorted.sort(java.util.Comparator.comparing(KeptResource::type).thenComparing(KeptResource::logicalId));
        return sorted;
    }

    private static boolean present(String physicalId) {
        return physicalId != null && !physicalId.isEmpty();
    }

    private void report(String stackName, List<KeptResource> kept, String recreatedBy) {
        if (kept.isEmpty()) {
            return;
        }
        console.warn("Stack " + stackName + " kept " + kept.size() + (kept.size() == 1 ? " resource" : " resources")
                + " (DeletionPolicy Retain); each stays in the account, with its data and its cost, until you delete"
                + " it:");
        String region = cloudFormation.serviceClientConfiguration().region().id();
        for (KeptResource resource : kept) {
            console.warn("  " + resource.type() + " " + resource.physicalId() + " (" + resource.logicalId() + "): "
                    + nextProvision(resource, recreatedBy)
                    + deleteCommand(resource, region)
                            .map(c -> "; to delete it: " + c)
                            .orElse(""));
        }
    }

    /**
     * What the next run of the goal that creates the same stack does beside the kept resource.
     *
     * @param recreatedBy the goal that creates the stack again: {@code provision}, or {@code sparta:pipeline} for a
     *     pipeline stack
     */
    static String nextProvision(KeptResource resource, String recreatedBy) {
        String next = "the next " + recreatedBy + " creates a new";
        return switch (resource.type()) {
            case "AWS::S3::Bucket" -> next + ", empty bucket under a new name; this one keeps its objects";
            case "AWS::DynamoDB::Table" -> next + ", empty table under a new name; this one keeps its items";
            default -> next + " one if the template still declares it; this one is no longer part of any stack";
        };
    }

    /** The AWS CLI command that deletes the kept resource, for the types Sparta's templates keep or own. */
    static Optional<String> deleteCommand(KeptResource resource, String region) {
        String id = resource.physicalId();
        String command = switch (resource.type()) {
            case "AWS::S3::Bucket" -> "aws s3 rb s3://" + id + " --force";
            case "AWS::DynamoDB::Table" -> "aws dynamodb delete-table --table-name " + id;
            case "AWS::SQS::Queue" -> "aws sqs delete-queue --queue-url " + id;
            case "AWS::SNS::Topic" -> "aws sns delete-topic --topic-arn " + id;
            case "AWS::Kinesis::Stream" -> "aws kinesis delete-stream --stream-name " + id;
            case "AWS::Logs::LogGroup" -> "aws logs delete-log-group --log-group-name " + id;
            default -> null;
        };
        return Optional.ofNullable(command).map(c -> c + " --region " + region);
    }
}
