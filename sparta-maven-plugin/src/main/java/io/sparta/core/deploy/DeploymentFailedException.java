package io.sparta.core.deploy;

import io.sparta.core.common.SpartaUserException;

/** CloudFormation could not bring the stack to the template; the message lists the failing resources. */
public final class DeploymentFailedException extends SpartaUserException {

    public DeploymentFailedException(String message) {
        super(message);
    }
}
