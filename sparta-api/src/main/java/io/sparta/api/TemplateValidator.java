package io.sparta.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads the final template and may fail the build: every problem it returns is reported, the build stops. */
public interface TemplateValidator extends WorkflowHook {

    /** @return what is wrong, one message each; empty when the template may be deployed */
    List<String> validate(ServiceModel service, JsonNode template);
}
