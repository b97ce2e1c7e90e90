package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.StackWorkflows;
import org.apache.maven.plugins.annotations.Mojo;

/** Deletes the service's stack and waits until it is gone. A stack that does not exist is not an error. */
@Mojo(name = "delete", threadSafe = true)
public class DeleteMojo extends AbstractAwsMojo {

    @Override
    void run(Console console) throws SpartaUserException {
        new StackWorkflows(console).delete(awsTarget(), targetStackName());
    }
}
