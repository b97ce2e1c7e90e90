package com.example.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateValidator;
import java.util.List;

/** The team's rule: no stack without a given tag. */
public class RequireTag implements TemplateValidator {

    String requiredTag;

    @Override
    public List<String> validate(ServiceModel service, JsonNode template) {
        return service.tags().containsKey(requiredTag)
                ? List.of()
                : List.of("stack tag '" + requiredTag + "' is required; add it under <tags>");
    }
}
