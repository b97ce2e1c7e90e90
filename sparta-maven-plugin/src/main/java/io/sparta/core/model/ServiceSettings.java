package io.sparta.core.model;

import java.util.Map;

/** What the user configured for the service as a whole, before validation. */
public record ServiceSettings(
        String serviceName, String stackName, Map<String, String> tags, Map<String, String> parameters) {

    public ServiceSettings {
        tags = Map.copyOf(tags);
        parameters = Map.copyOf(parameters);
    }

    /** Equal for equal settings, whatever the maps' order: what package records and provision compares. */
    public String fingerprint() {
        java.util.Map<String, Object> canonical = new java.util.TreeMap<>();
        canonical.put("serviceName", serviceName);
        canonical.put("stackName", stackName);
        canonical.put("tags", new java.util.TreeMap<>(tags));
        canonical.put("parameters", new java.util.TreeMap<>(parameters));
        return io.sparta.core.archive.Digests.sha256(io.sparta.core.template.TemplateJson.bytes(canonical));
    }
}
