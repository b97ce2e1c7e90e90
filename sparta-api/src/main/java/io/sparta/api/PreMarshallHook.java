package io.sparta.api;

/** Sees the service model before the template is written, and may return a changed copy. */
public interface PreMarshallHook extends WorkflowHook {

    /** @return the model to marshal: {@code service} itself to change nothing */
    ServiceModel preMarshall(ServiceModel service) throws HookException;
}
