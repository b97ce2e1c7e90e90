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
 * events until it settles. A template that changes nothing leaves the stack untouched.
 */
@Mojo(name = "provision", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ProvisionMojo extends AbstractAwsMojo {

    /**
     * The bucket for archives and templates. Defaults to a bucket Sparta manages in its own stack
     * ({@code sparta-artifacts}): encrypted, public access blocked, TLS only.
     */
    @Parameter(property = "sparta.s3Bucket")
    String s3Bucket;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new ProvisionWorkflow(console)
                .run(new ProvisionRequest(
                        outputDirectory.toPath(),
                        classesDirectory.toPath(),
                        serviceSettings(),
                        awsTarget(),
                        present(s3Bucket),
                        extensions(),
                        targetEnvironment().map(EnvironmentSettings::name)));
    }
}
