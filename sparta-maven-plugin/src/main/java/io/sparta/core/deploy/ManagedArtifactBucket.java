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

/** The artifact bucket Sparta keeps in a small stack of its own when the user configures none. */
public final class ManagedArtifactBucket {

    /** One bucket stack per account and region, shared by every Sparta service there. */
    public static final String STACK_NAME = "sparta-artifacts";

    private final CloudFormationClient cloudFormation;
    private final Console console;

    public ManagedArtifactBucket(CloudFormationClient cloudFormation, Console console) {
        this.cloudFormation = cloudFormation;
        this.console = console;
    }

    /** The bucket's name, creating its stack first if this account and region have none. */
    public String ensure() throws SpartaUserException {
        Optional<Stack> existing = Stacks.find(cloudFormation, STACK_NAME);
        if (existing.isEmpty()) {
            console.info("Creating stack " + STACK_NAME + " for the artifact bucket (once per account and region)");
            String body = new String(TemplateJson.bytes(ArtifactBucketTemplate.marshal()), StandardCharsets.UTF_8);
            try {
                cloudFormation.createStack(r -> r.stackName(STACK_NAME)
                        .templateBody(body)
                        .clientRequestToken("sparta-artifacts-create")
                        .tags(t -> t.key("sparta:purpose").value("artifacts")));
            } catch (AlreadyExistsException retriedAfterLostResponse) {
                console.debug(STACK_NAME + " already exists: a retried call had created it");
            }
            try (CloudFormationWaiter waiter = Waiters.of(cloudFormation)) {
                waiter.waitUntilStackCreateComplete(r -> r.stackName(STACK_NAME));
            }
            existing = Stacks.find(cloudFormation, STACK_NAME);
        }
        Stack stack = existing.orElseThrow();
        return stack.outputs().stream()
                .filter(o -> ArtifactBucketTemplate.BUCKET_NAME_OUTPUT.equals(o.outputKey()))
                .map(Output::outputValue)
                .findFirst()
                .orElseThrow(() -> new SpartaUserException("Stack " + STACK_NAME + " is in "
                        + stack.stackStatusAsString() + " and has no " + ArtifactBucketTemplate.BUCKET_NAME_OUTPUT
                        + " output; delete it or set <s3Bucket>"));
    }
}
