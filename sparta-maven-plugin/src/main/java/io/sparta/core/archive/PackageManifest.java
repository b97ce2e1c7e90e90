package io.sparta.core.archive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.sparta.core.common.TemplateJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code package} produced, written to {@code target/sparta/manifest.json} for {@code provision} to
 * deploy exactly that.
 *
 * @param tags the stack tags to deploy, after PreMarshall hooks
 * @param parameters the template parameter values to deploy, after PreMarshall hooks
 * @param settingsFingerprint the settings as configured, so provision can tell they changed since
 */
public record PackageManifest(
        String serviceName,
        String stackName,
        Map<String, String> tags,
        Map<String, String> parameters,
        String archive,
        String archiveSha256,
        String template,
        String templateSha256,
        String settingsFingerprint,
        List<Function> functions) {

    public static final String FILE_NAME = "manifest.json";

    /**
     * One function as deployed.
     *
     * @param role the existing role it uses, by ARN or name, or empty when Sparta generates its role
     */
    public record Function(String name, String handler, String source, String role) {}

    public void write(Path file) throws IOException {
        TemplateJson.write(TemplateJson.MAPPER.valueToTree(this), file);
    }

    public static PackageManifest read(Path file) throws IOException {
        return TemplateJson.MAPPER
                .readerFor(PackageManifest.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(file.toFile());
    }
}
