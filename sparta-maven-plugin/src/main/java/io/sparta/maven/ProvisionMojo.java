package io.sparta.maven;

import io.sparta.api.WorkflowHook;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.workflow.ProvisionWorkflow;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Uploads what package built and creates or updates the service's stack through a change set, streaming stack
 * events until it settles. A template that changes nothing leaves the stack untouched. Prints the plan first, and
 * stops before executing a change that destroys data or broadens access unless allowed; refuses a stack another
 * owner deployed. Then records the deployment and prunes the artifacts no stack of the service needs any more.
 */
@Mojo(
        name = "provision",
        defaultPhase = LifecyclePhase.DEPLOY,
        threadSafe = true,
        configurator = SpartaConfigurator.HINT)
public class ProvisionMojo extends AbstractChangeSetMojo {

    /**
     * Allows a change that removes or replaces a table, bucket, queue or stream the template does not keep
     * (DeletionPolicy or UpdateReplacePolicy Retain), destroying its data. Without it provision stops before
     * executing such a change, or asks when Maven runs interactively. {@code sparta:plan} shows what it would allow.
     */
    @Parameter(property = "sparta.allowDataLoss", defaultValue = "false")
    boolean allowDataLoss;

    /**
     * Allows an update that grants more than the deployed stack: a new action, resource or principal in a role,
     * resource policy or Lambda permission, a removed condition or Deny, a public function URL. Without it provision
     * stops before executing such a change, or asks when Maven runs interactively.
     */
    @Parameter(property = "sparta.allowIamBroadening", defaultValue = "false")
    boolean allowIamBroadening;

    /**
     * The name of an existing stack Sparta did not create (or another service's) that this service may take over.
     * Provision refuses such a stack otherwise; run {@code sparta:plan} with it first to see what would change.
     */
    @Parameter(property = "sparta.adoptStack")
    String adoptStack;

    /**
     * The bucket for archives and templates. Defaults to a bucket Sparta manages in its own stack
     * ({@code sparta-artifacts}): encrypted, public access blocked, TLS only.
     */
    @Parameter(property = "sparta.s3Bucket")
    String s3Bucket;

    /**
     * How many of each stack's newest successful deployments keep their archive and template in the bucket, 1 to
     * 100. The default, 2, keeps the current one and the one a rollback returns to; what any stack deploys now is
     * kept whatever this says.
     */
    @Parameter(property = "sparta.keepDeployments", defaultValue = "" + ArtifactPruner.DEFAULT_KEEP_DEPLOYMENTS)
    int keepDeployments = ArtifactPruner.DEFAULT_KEEP_DEPLOYMENTS;

    /**
     * Minutes during which a newly uploaded object is never pruned, 0 or more: it may belong to a provision that
     * has not yet made its change set.
     */
    @Parameter(property = "sparta.pruneMinAgeMinutes", defaultValue = "" + ArtifactPruner.DEFAULT_MIN_AGE_MINUTES)
    long pruneMinAgeMinutes = ArtifactPruner.DEFAULT_MIN_AGE_MINUTES;

    /**
     * Workflow hooks: {@code PreMarshallHook}, {@code PostMarshallHook}, {@code TemplateValidator} and
     * {@code RollbackHook} classes, each {@code <hook implementation="class">} with nested configuration.
     */
    @Parameter
    List<WorkflowHook> hooks;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        // Decorators did their work at package time; of the hooks, provision runs the RollbackHooks.
        Extensions extensions = new Extensions(List.of(), hooks == null ? List.of() : hooks);
        new ProvisionWorkflow(console)
                .run(provisionRequest(
                        s3Bucket,
                        extensions,
                        safeguards(allowDataLoss, allowIamBroadening, adoptStack),
                        ArtifactPruner.Policy.of(keepDeployments, pruneMinAgeMinutes, false)));
    }
}
