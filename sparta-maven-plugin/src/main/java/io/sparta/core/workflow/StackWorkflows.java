package io.sparta.core.workflow;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.deploy.ExistingBucketNotifications;
import io.sparta.core.deploy.LogTail;
import io.sparta.core.deploy.StackDescriber;
import io.sparta.core.deploy.StackRemover;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The goals that act on a deployed stack by name alone: delete, status and logs. */
public final class StackWorkflows {

    private final Console console;

    public StackWorkflows(Console console) {
        this.console = console;
    }

    /** @return whether a stack was deleted; a missing stack is not an error */
    public boolean delete(AwsTarget target, String stackName) throws SpartaUserException {
        try (AwsSession aws = AwsSession.open(target)) {
            List<ExistingBucketNotifications.Notification> notifications =
                    ExistingBucketNotifications.deployed(aws.cloudFormation(), stackName);
            if (!notifications.isEmpty()) {
                new ExistingBucketNotifications(aws.s3(), console).removeAll(stackName, notifications);
            }
            boolean deleted = new StackRemover(aws.cloudFormation(), console).delete(stackName);
            console.info(aws.ledger().summary());
            return deleted;
        }
    }

    /** Prints the function's log events since {@code since}, and with {@code follow} keeps printing new ones. */
    public void logs(AwsTarget target, String stackName, String function, Duration since, String filter, boolean follow)
            throws SpartaUserException {
        try (AwsSession aws = AwsSession.open(target)) {
            String logGroup = "/aws/lambda/" + stackName + "-" + function;
            console.info("Log events of " + logGroup + (follow ? ", following (Ctrl-C to stop)" : ""));
            int printed = new LogTail(aws.logs(), console)
                    .print(logGroup, Instant.now().minus(since), filter, follow);
            if (printed == 0) {
                console.info("No log events in the last " + since.toMinutes() + " minutes");
            }
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
