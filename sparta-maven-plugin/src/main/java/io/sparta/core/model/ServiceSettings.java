package io.sparta.core.model;

import io.sparta.core.archive.Digests;
import io.sparta.core.template.TemplateJson;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user configured for the service as a whole, before validation.
 *
 * @param environment variables every function gets; a function's own {@code @Env} of the same name wins
 */
public record ServiceSettings(
        String serviceName,
        String stackName,
        Map<String, String> tags,
        Map<String, String> parameters,
        Map<String, String> environment) {

    public ServiceSettings {
        tags = Map.copyOf(tags);
        parameters = Map.copyOf(parameters);
        environment = Map.copyOf(environment);
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
        return Digests.sha256(TemplateJson.bytes(canonical));
    }
}
