package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.StackWorkflows;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints the service stack's status, outputs, resources, parameters and tags. */
@Mojo(name = "status", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class StatusMojo extends AbstractStackMojo {

    @Override
    void run(Console console) throws SpartaUserException {
        new StackWorkflows(console).status(awsTarget(), targetStackName());
    }
}
