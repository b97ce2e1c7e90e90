package io.sparta.core.workflow;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.deploy.LogTail;
import io.sparta.core.deploy.ManagedArtifactBucket;
import io.sparta.core.deploy.StackDescriber;
import io.sparta.core.deploy.StackRemover;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The goals that act on a deployed stack by name alone: delete, status and logs; and prune, on the service's. */
public final class StackWorkflows {

    private final Console console;

    public StackWorkflows(Console console) {
        this.console = console;
    }

    /**
     * Deletes the stack and, with {@code artifacts}, its deployment history and then what no other stack of the
     * service needs (every archive and template of the service when none is left).
     *
     * @param service the Sparta service the stack must belong to (its {@code sparta:service} tag)
     * @param adoptStack the stack the user allows deleting although it is not the service's
     * @return whether a stack was deleted; a missing stack is not an error, and its artifacts are still cleaned up
     * @throws SpartaUserException when the stack belongs to another owner and is not adopted
     */
    public boolean delete(
            AwsTarget target,
            String stackName,
            String service,
            Optional<String> adoptStack,
            Optional<PruneRequest> artifacts)
            throws SpartaUserException {
        try (AwsSession aws = AwsSession.open(target)) {
            boolean deleted = new StackRemover(aws.cloudFormation(), console).delete(stackName, service, adoptStack);
            if (artifacts.isPresent()) {
                Optional<ArtifactPruner> pruner = pruner(aws, artifacts.get());
                if (pruner.isPresent()) {
                    pruner.get()
                            .forgetAndPrune(
                                    artifacts.get().serviceName(),
                                    stackName,
                                    artifacts.get().policy());
                }
            }
            console.info(aws.ledger().summary());
            return deleted;
        }
    }

    /**
     * Deletes the archives and templates under the service's prefix that no stack deploys or can return to, as
     * {@link ArtifactPruner} describes.
     *
     * @return what was deleted (or, dry, would be) and how many bytes that frees; nothing when there is no bucket
     */
    public ArtifactPruner.Result prune(AwsTarget target, PruneRequest request) throws SpartaUserException {
        try (AwsSession aws = AwsSession.open(target)) {
            Optional<ArtifactPruner> pruner = pruner(aws, request);
            ArtifactPruner.Result result = pruner.isPresent()
                    ? pruner.get().prune(request.serviceName(), request.policy())
                    : new ArtifactPruner.Result(0, 0, 0, Optional.of("no artifact bucket"));
            console.info(aws.ledger().summary());
            return result;
        }
    }

    private Optional<ArtifactPruner> pruner(AwsSession aws, PruneRequest request) throws SpartaUserException {
        Optional<String> bucket = ArtifactPruner.existingBucket(aws, request.bucket(), console);
        if (bucket.isEmpty()) {
            console.info("No artifact bucket to prune: no <s3Bucket> is set and Sparta's bucket stack "
                    + ManagedArtifactBucket.STACK_NAME + " does not exist");
            return Optional.empty();
        }
        return Optional.of(new ArtifactPruner(aws.s3(), aws.cloudFormation(), bucket.get(), console));
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
