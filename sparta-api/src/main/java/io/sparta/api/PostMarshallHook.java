package io.sparta.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Sees the final template, decorators included, before it is written. Gets a copy: changes are ignored. */
public interface PostMarshallHook extends WorkflowHook {

    void postMarshall(ServiceModel service, JsonNode template) throws HookException;
}
