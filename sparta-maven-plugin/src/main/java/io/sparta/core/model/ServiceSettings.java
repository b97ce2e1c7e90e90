package io.sparta.core.model;

import java.util.Map;

/** What the user configured for the service as a whole, before validation. */
public record ServiceSettings(
        String serviceName, String stackName, Map<String, String> tags, Map<String, String> parameters) {

    public ServiceSettings {
        tags = Map.copyOf(tags);
        parameters = Map.copyOf(parameters);
    }
}
