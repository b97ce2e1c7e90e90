package io.sparta.core.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Looking a stack up by name, where "does not exist" is an answer rather than an error. */
final class Stacks {

    private Stacks() {}

    static Optional<Stack> find(CloudFormationClient cloudFormation, String stackName) {
        try {
            return cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().stream()
                    .findFirst();
        } catch (CloudFormationException e) {
            if (missing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether CloudFormation answered that the stack named in the call does not exist (a ValidationError). */
    static boolean missing(CloudFormationException e) {
        return e.statusCode() == 400 && e.getMessage() != null && e.getMessage().contains("does not exist");
    }
}
