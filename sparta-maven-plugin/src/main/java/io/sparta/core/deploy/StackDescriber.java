package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Prints what a stack is now: status, outputs, resources, parameters, tags. */
public final class StackDescriber {

    private final CloudFormationClient cloudFormation;
    private final Console console;

    public StackDescriber(CloudFormationClient cloudFormation, Console console) {
        this.cloudFormation = cloudFormation;
        this.console = console;
    }

    /** @return the stack, or empty when there is none of that name */
    public Optional<Stack> describe(String stackName) {
        Optional<Stack> found = Stacks.find(cloudFormation, stackName);
        if (found.isEmpty()) {
            console.info("Stack " + stackName + " does not exist in "
                    + cloudFormation.serviceClientConfiguration().region()
                    + " for these credentials; mvn package sparta:provision creates it (or set -Dsparta.region,"
                    + " -Dsparta.stackName or -Dsparta.environment if it lives elsewhere)");
            return found;
        }
        Stack stack = found.get();
        console.info("Stack " + stack.stackName() + ": " + stack.stackStatusAsString()
                + (stack.stackStatusReason() == null ? "" : " (" + stack.stackStatusReason() + ")"));
        console.info("  id: " + stack.stackId());
        console.info("  last changed: "
                + (stack.lastUpdatedTime() != null ? stack.lastUpdatedTime() : stack.creationTime()));
        printOutputs(console, stack);
        List<Row> resources = printResources(stack, "");
        printNested(resources);
        console.info("Parameters:");
        stack.parameters().forEach(p -> console.info("  " + p.parameterKey() + " = " + p.parameterValue()));
        console.info("Tags:");
        stack.tags().forEach(t -> console.info("  " + t.key() + " = " + t.value()));
        return found;
    }

    /** One resource of a stack, as status prints it. */
    private record Row(String logicalId, String type, String physicalId, String status) {
        String line(String indent) {
            return indent + "  " + shown(logicalId) + "  " + shown(type) + "  " + shown(physicalId) + "  " + status;
        }
    }

    /**
     * The resources, each section of status standing on its own: when DescribeStackResources fails (moto answers it
     * with HTTP 500 for some stacks), ListStackResources is asked instead; when that fails too, the section says it
     * could not be read and why, and the rest of the status is still printed.
     *
     * @return the resources printed, none when they could not be read
     */
    private List<Row> printResources(Stack stack, String indent) {
        List<Row> rows;
        try {
            rows = cloudFormation.describeStackResources(r -> r.stackName(stack.stackId())).stackResources().stream()
                    .map(resource -> new Row(
                            resource.logicalResourceId(),
                            resource.resourceType(),
                            resource.physicalResourceId(),
                            resource.resourceStatusAsString()))
                    .toList();
        } catch (SdkException described) {
            try {
                rows =
                        cloudFormation
                                .listStackResourcesPaginator(r -> r.stackName(stack.stackId()))
                                .stackResourceSummaries()
                                .stream()
                                .map(resource -> new Row(
                                        resource.logicalResourceId(),
                                        resource.resourceType(),
                                        resource.physicalResourceId(),
                                        resource.resourceStatusAsString()))
                                .toList();
                console.warn("Resources read through ListStackResources instead: " + AwsFailures.summary(described));
            } catch (SdkException listed) {
                console.info(indent + "Resources: could not be read");
                console.warn("The resources of stack " + stack.stackName() + " could not be read: "
                        + AwsFailures.summary(described) + "; then " + AwsFailures.summary(listed)
                        + ". The rest of the status is complete; run mvn sparta:status again, or see the resources"
                        + " in the CloudFormation console");
                return List.of();
            }
        }
        console.info(indent + "Resources:");
        rows.forEach(row -> console.info(row.line(indent)));
        return rows;
    }

    /**
     * Each nested stack of a service split past one stack's quotas (an {@code AWS::CloudFormation::Stack} among
     * the parent's resources): its status, outputs and resources, indented under its logical id, so one status
     * reports the whole service.
     */
    private void printNested(List<Row> parentResources) {
        for (Row row : parentResources) {
            if (!"AWS::CloudFormation::Stack".equals(row.type())
                    || row.physicalId() == null
                    || row.physicalId().isEmpty()) {
                continue;
            }
            Optional<Stack> found;
            try {
                found = Stacks.find(cloudFormation, row.physicalId());
            } catch (SdkException e) {
                console.warn("Nested stack " + row.logicalId() + " could not be read: " + AwsFailures.summary(e));
                continue;
            }
            if (found.isEmpty()) {
                console.info("Nested stack " + row.logicalId() + " (" + row.physicalId() + "): does not exist");
                continue;
            }
            Stack nested = found.get();
            console.info("Nested stack " + row.logicalId() + " (" + nested.stackName() + "): "
                    + nested.stackStatusAsString()
                    + (nested.stackStatusReason() == null ? "" : " (" + nested.stackStatusReason() + ")"));
            if (!nested.outputs().isEmpty()) {
                console.info("  Outputs:");
                nested.outputs().forEach(o -> console.info("    " + o.outputKey() + " = " + o.outputValue()));
            }
            printResources(nested, "  ");
        }
    }

    /** A field the API left out, such as the physical id of a resource not created yet, as "-" rather than "null". */
    private static String shown(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** Prints the stack's outputs, saying so when the API reports none. */
    static void printOutputs(Console console, Stack stack) {
        if (stack.outputs().isEmpty()) {
            console.info("Outputs: none reported by the CloudFormation API");
            return;
        }
        console.info("Outputs:");
        stack.outputs().forEach(o -> console.info("  " + o.outputKey() + " = " + o.outputValue()));
    }
}
