package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.template.ArtifactBucketTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The artifact bucket Sparta keeps in a small stack of its own when the user configures none. A bucket deleted by
 * hand while its stack stays is noticed and the stack made again, so provisions do not fail on it forever.
 */
public final class ManagedArtifactBucket {

    /** One bucket stack per account and region, shared by every Sparta service there. */
    public static final String STACK_NAME = "sparta-artifacts";

    private final CloudFormationClient cloudFormation;
    private final S3Client s3;
    private final Console console;

    /** The stack {@link #locate} found or made. */
    private Stack located;

    public ManagedArtifactBucket(CloudFormationClient cloudFormation, S3Client s3, Console console) {
        this.cloudFormation = cloudFormation;
        this.s3 = s3;
        this.console = console;
    }

    /**
     * The bucket's name, creating its stack first if this account and region have none, and making the stack
     * again when its bucket is gone.
     */
    public String ensure() throws SpartaUserException {
        String bucket = locate();
        return exists(bucket) ? bucket : replaceMissing(bucket);
    }

    /**
     * The bucket's name as its stack gives it, creating the stack first if this account and region have none; that
     * the bucket itself exists is not asked (one call fewer a provision), so a caller that S3 tells the bucket is gone
     * calls {@link #replaceMissing}.
     */
    public String locate() throws SpartaUserException {
        Optional<Stack> existing = settled(Stacks.find(cloudFormation, STACK_NAME));
        if (existing.isEmpty()) {
            console.info("Creating stack " + STACK_NAME + " for the artifact bucket (once per account and region)");
            existing = create("sparta-artifacts-create");
        }
        located = existing.orElseThrow();
        return bucketName(located);
    }

    /**
     * Makes the stack again when its bucket, which {@link #locate} named, is gone.
     *
     * @return the new bucket's name; {@code bucket} itself when it exists after all (another build repaired it)
     */
    public String replaceMissing(String bucket) throws SpartaUserException {
        if (located == null) {
            throw new IllegalStateException("replaceMissing before locate");
        }
        if (exists(bucket)) {
            return bucket;
        }
        return bucketName(repair(located, bucket));
    }

    /**
     * Deletes the stack whose bucket is gone (its bucket is kept on delete, so nothing else of value goes) and
     * creates it again. Services sharing the stack may do the same at once: deleting a stack being deleted is a
     * no-op, and they create with one token derived from the broken stack, so one stack comes of it.
     */
    private Stack repair(Stack broken, String bucket) throws SpartaUserException {
        console.warn("The artifact bucket " + bucket + " of stack " + STACK_NAME + " does not exist (deleted outside"
                + " CloudFormation); deleting the stack and creating it again with a new bucket. Every service"
                + " using it uploads its archive again at its next provision.");
        String stackId = broken.stackId();
        cloudFormation.deleteStack(r -> r.stackName(stackId));
        try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
            waiter.waitUntilStackDeleteComplete(r -> r.stackName(stackId));
        }
        Stack repaired = create("sparta-artifacts-recreate-" + stackIdSegment(stackId))
                .orElseThrow(() -> new SpartaUserException(
                        "Stack " + STACK_NAME + " vanished while it was being created again; run the goal again"));
        console.info("Stack " + STACK_NAME + " created again; the artifact bucket is now " + bucketName(repaired));
        return repaired;
    }

    private Optional<Stack> create(String clientRequestToken) {
        String body = new String(TemplateJson.bytes(ArtifactBucketTemplate.marshal()), StandardCharsets.UTF_8);
        try {
            cloudFormation.createStack(r -> r.stackName(STACK_NAME)
                    .templateBody(body)
                    .clientRequestToken(clientRequestToken)
                    .tags(t -> t.key("sparta:purpose").value("artifacts")));
        } catch (AlreadyExistsException retriedOrRaced) {
            console.debug(STACK_NAME + " already exists: a retried call, or another build, had created it");
        }
        try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
            waiter.waitUntilStackCreateComplete(r -> r.stackName(STACK_NAME));
        }
        return Stacks.find(cloudFormation, STACK_NAME);
    }

    /** The stack once another build's creation or deletion of it has ended; none when that deleted it. */
    private Optional<Stack> settled(Optional<Stack> stack) {
        if (stack.isEmpty()) {
            return stack;
        }
        String status = stack.get().stackStatusAsString();
        if ("CREATE_IN_PROGRESS".equals(status)) {
            try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
                waiter.waitUntilStackCreateComplete(r -> r.stackName(STACK_NAME));
            }
            return Stacks.find(cloudFormation, STACK_NAME);
        }
        if ("DELETE_IN_PROGRESS".equals(status)) {
            String stackId = stack.get().stackId();
            try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
                waiter.waitUntilStackDeleteComplete(r -> r.stackName(stackId));
            }
            return Stacks.find(cloudFormation, STACK_NAME);
        }
        return stack;
    }

    /** The bucket's name when its stack exists, without making one: for goals that only read what is there. */
    public Optional<String> existing() {
        return Stacks.find(cloudFormation, STACK_NAME).flatMap(ManagedArtifactBucket::output);
    }

    private static Optional<String> output(Stack stack) {
        return stack.outputs().stream()
                .filter(o -> ArtifactBucketTemplate.BUCKET_NAME_OUTPUT.equals(o.outputKey()))
                .map(Output::outputValue)
                .findFirst();
    }

    private static String bucketName(Stack stack) throws SpartaUserException {
        return output(stack)
                .orElseThrow(() -> new SpartaUserException("Stack " + STACK_NAME + " is in "
                        + stack.stackStatusAsString() + " and has no " + ArtifactBucketTemplate.BUCKET_NAME_OUTPUT
                        + " output; delete it (aws cloudformation delete-stack --stack-name " + STACK_NAME
                        + ") or set <s3Bucket>"));
    }

    /** Whether the bucket is there; a bucket these credentials may not see is taken as there, as before. */
    private boolean exists(String bucket) {
        return ArtifactStore.bucketInUse(s3, bucket);
    }

    /** The first group of the UUID that ends a stack's id: different for each stack created. */
    private static String stackIdSegment(String stackId) {
        String uuid = stackId.substring(stackId.lastIndexOf('/') + 1);
        int dash = uuid.indexOf('-');
        return dash < 0 ? uuid : uuid.substring(0, dash);
    }
}
