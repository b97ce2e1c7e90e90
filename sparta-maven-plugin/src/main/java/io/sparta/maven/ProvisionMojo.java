package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.EnvironmentSettings;
import io.sparta.core.workflow.ProvisionRequest;
import io.sparta.core.workflow.ProvisionWorkflow;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Uploads what package built and creates or updates the service's stack through a change set, streaming stack
 * events until it settles. A template that changes nothing leaves the stack untouched. Prints the plan first, and
 * stops before executing a change that destroys data or broadens access unless allowed; refuses a stack another
 * owner deployed. Then records the deployment and prunes the artifacts no stack of the service needs any more.
 */
@Mojo(name = "provision", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ProvisionMojo extends AbstractArtifactsMojo {

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

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new ProvisionWorkflow(console)
                .run(new ProvisionRequest(
                        outputDirectory.toPath(),
                        classesDirectory.toPath(),
                        serviceSettings(),
                        awsTarget(),
                        bucket("<s3Bucket> (-Dsparta.s3Bucket)", s3Bucket),
                        extensions(),
                        targetEnvironment().map(EnvironmentSettings::name),
                        safeguards(allowDataLoss, allowIamBroadening, adoptStack),
                        prunePolicy(false)));
    }
}
