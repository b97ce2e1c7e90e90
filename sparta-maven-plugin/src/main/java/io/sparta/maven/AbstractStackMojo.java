package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.EnvironmentSettings;
import io.sparta.core.model.Environments;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that act on a deployed stack by its name alone (status, logs, delete): the service's stack, or an
 * environment's. They read no more of the service than what names its stacks.
 */
abstract class AbstractStackMojo extends AbstractAwsMojo {

    /**
     * The CloudFormation stack's name, 1 to 128 letters, digits or hyphens starting with a letter. Functions are
     * deployed as {@code <stackName>-<function name>}. Defaults to the serviceName.
     */
    @Parameter(property = "sparta.stackName")
    String stackName;

    /**
     * The environments the service is delivered to, in promotion order; each a stack of its own made from the same
     * template and archive. See the site page "Environments and pipelines".
     */
    @Parameter
    List<EnvironmentConfiguration> environments;

    /**
     * The environment a goal acts on ({@code provision}, {@code status}, {@code delete}, {@code logs}, and the values
     * {@code invoke} and {@code serve} give functions); without it, the service's own stack and values.
     */
    @Parameter(property = "sparta.environment")
    String targetEnvironment;

    /** The stack the goal acts on: the target environment's, else the service's. */
    String targetStackName() throws SpartaUserException {
        String serviceStack = serviceStackName(stackName);
        List<EnvironmentSettings> declared = environmentSettings(environments);
        return environmentNamed(declared, targetEnvironment)
                .map(environment -> Environments.stackName(serviceStack, environment))
                .orElse(serviceStack);
    }
}
