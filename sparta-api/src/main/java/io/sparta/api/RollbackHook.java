package io.sparta.api;

/**
 * Called when a provision fails, after CloudFormation has finished rolling back, with what failed. The
 * provision still fails; a hook that throws is reported beside the original failure.
 */
public interface RollbackHook extends WorkflowHook {

    void onFailure(ProvisionFailure failure) throws HookException;

    /**
     * @param stackName the stack that failed to deploy
     * @param message what Sparta reports to the user, failing resources and reasons included
     */
    record ProvisionFailure(String serviceName, String stackName, String message) {}
}
