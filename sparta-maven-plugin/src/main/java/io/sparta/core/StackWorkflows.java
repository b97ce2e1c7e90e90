package io.sparta.core;

import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.deploy.StackDescriber;
import io.sparta.core.deploy.StackRemover;

/** The goals that act on a deployed stack by name alone: delete and status. */
public final class StackWorkflows {

    private final Console console;

    public StackWorkflows(Console console) {
        this.console = console;
    }

    /** @return whether a stack was deleted; a missing stack is not an error */
    public boolean delete(AwsTarget target, String stackName) throws SpartaUserException {
        try (AwsSession aws = AwsSession.open(target)) {
            boolean deleted = new StackRemover(aws.cloudFormation(), console).delete(stackName);
            console.info(aws.ledger().summary());
            return deleted;
        }
    }

    /** @return whether the stack exists */
    public boolean status(AwsTarget target, String stackName) throws SpartaUserException {
        try (AwsSession aws = AwsSession.open(target)) {
            return new StackDescriber(aws.cloudFormation(), console)
                    .describe(stackName)
                    .isPresent();
        }
    }
}
