package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import java.util.Optional;
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
            console.info("Stack " + stackName + " does not exist");
            return found;
        }
        Stack stack = found.get();
        console.info("Stack " + stack.stackName() + ": " + stack.stackStatusAsString()
                + (stack.stackStatusReason() == null ? "" : " (" + stack.stackStatusReason() + ")"));
        console.info("  id: " + stack.stackId());
        console.info("  last changed: "
                + (stack.lastUpdatedTime() != null ? stack.lastUpdatedTime() : stack.creationTime()));
        printOutputs(console, stack);
        console.info("Resources:");
        cloudFormation
                .describeStackResources(r -> r.stackName(stack.stackId()))
                .stackResources()
                .forEach(resource -> console.info("  " + resource.logicalResourceId() + "  " + resource.resourceType()
                        + "  " + resource.physicalResourceId() + "  " + resource.resourceStatusAsString()));
        console.info("Parameters:");
        stack.parameters().forEach(p -> console.info("  " + p.parameterKey() + " = " + p.parameterValue()));
        console.info("Tags:");
        stack.tags().forEach(t -> console.info("  " + t.key() + " = " + t.value()));
        return found;
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
