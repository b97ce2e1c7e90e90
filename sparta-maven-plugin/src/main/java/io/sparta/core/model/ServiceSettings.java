package io.sparta.core.model;

import io.sparta.api.HttpApiSettings;
import io.sparta.core.common.Digests;
import io.sparta.core.common.TemplateJson;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user configured for the service as a whole, before validation.
 *
 * @param environment variables every function gets; a function's own {@code @Env} of the same name wins
 * @param http the stage and CORS rules of the service's APIs
 */
public record ServiceSettings(
        String serviceName,
        String stackName,
        Map<String, String> tags,
        Map<String, String> parameters,
        Map<String, String> environment,
        HttpApiSettings http) {

    public ServiceSettings {
        tags = Map.copyOf(tags);
        parameters = Map.copyOf(parameters);
        environment = Map.copyOf(environment);
    }

    /** Settings with the default HTTP settings. */
    public ServiceSettings(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            Map<String, String> environment) {
        this(serviceName, stackName, tags, parameters, environment, HttpApiSettings.DEFAULTS);
    }

    /** Settings without a service-wide environment. */
    public ServiceSettings(
            String serviceName, String stackName, Map<String, String> tags, Map<String, String> parameters) {
        this(serviceName, stackName, tags, parameters, Map.of());
    }

    /** Equal for equal settings, whatever the maps' order: what package records and provision compares. */
    public String fingerprint() {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("serviceName", serviceName);
        canonical.put("stackName", stackName);
        canonical.put("tags", new TreeMap<>(tags));
        canonical.put("parameters", new TreeMap<>(parameters));
        canonical.put("environment", new TreeMap<>(environment));
        canonical.put("http", http);
        return Digests.sha256(TemplateJson.bytes(canonical));
    }
}
