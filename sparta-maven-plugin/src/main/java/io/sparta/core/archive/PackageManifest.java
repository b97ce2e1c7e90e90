package io.sparta.core.archive;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.TemplateJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code package} produced, written to {@code target/sparta/manifest.json} for {@code provision} to
 * deploy exactly that.
 *
 * @param tags the stack tags to deploy, after PreMarshall hooks
 * @param parameters the template parameter values to deploy, after PreMarshall hooks
 * @param settingsFingerprint the settings as configured, so provision can tell they changed since
 * @param settingsSections a fingerprint of each part of the settings ({@code ServiceSettings.sectionFingerprints}),
 *     so provision can name the parts that changed; empty in manifests of earlier releases
 * @param archiveSha256 the archive file's SHA-256, which manifests of earlier releases carry to tell the archive
 *     was rewritten after package; null (left out) since the archive is known by {@code archiveContentSha256}, which
 *     costs no read of the file's bytes
 * @param archiveContentSha256 what the archive holds ({@link ArchiveIdentity}), which names it in S3 and tells it
 *     was rewritten with other content after package
 * @param layers the layers the template publishes from zips of this package (the dependency layer, layer modules),
 *     empty when the archive holds all the functions need
 * @param nestedTemplates the nested stacks' templates of a service split because it does not fit one stack (the
 *     {@code template} is then the parent's), empty for a service of one stack
 * @param wholeTemplate the split service's template before the split ({@code logicalId} empty), uploaded beside the
 *     nested ones and named in the parent's metadata so plans compare whole templates; {@code null} when not split
 */
public record PackageManifest(
        String serviceName,
        String stackName,
        Map<String, String> tags,
        Map<String, String> parameters,
        String archive,
        @JsonInclude(JsonInclude.Include.NON_NULL) String archiveSha256,
        String template,
        String templateSha256,
        String settingsFingerprint,
        List<Function> functions,
        List<Environment> environments,
        String archiveContentSha256,
        // Left out when there is none, so a manifest without layers reads as it did before them.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Layer> layers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NestedTemplate> nestedTemplates,
        @JsonInclude(JsonInclude.Include.NON_NULL) NestedTemplate wholeTemplate,
        // Left out when there are none, as in manifests of earlier releases, which then name no part.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> settingsSections) {

    public static final String FILE_NAME = "manifest.json";

    public PackageManifest {
        environments = environments == null ? List.of() : List.copyOf(environments);
        layers = layers == null ? List.of() : List.copyOf(layers);
        nestedTemplates = nestedTemplates == null ? List.of() : List.copyOf(nestedTemplates);
        settingsSections = settingsSections == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(settingsSections));
    }

    /** A manifest of a service that fits one stack. */
    public PackageManifest(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            String archive,
            String archiveSha256,
            String template,
            String templateSha256,
            String settingsFingerprint,
            List<Function> functions,
            List<Environment> environments,
            String archiveContentSha256,
            List<Layer> layers) {
        this(
                serviceName,
                stackName,
                tags,
                parameters,
                archive,
                archiveSha256,
                template,
                templateSha256,
                settingsFingerprint,
                functions,
                environments,
                archiveContentSha256,
                layers,
                List.of(),
                null,
                Map.of());
    }

    /**
     * The template of one nested stack of a service split because it does not fit one stack.
     *
     * @param logicalId the nested stack's logical id in the parent template
     * @param file the template (relative to the manifest's folder in the file)
     * @param sha256 the file's SHA-256, to tell it was rewritten after package
     * @param key the S3 key the parent's TemplateURL names, {@code <service>/templates/nested/<sha256>.json}
     */
    public record NestedTemplate(String logicalId, String file, String sha256, String key) {

        NestedTemplate withFile(String path) {
            return new NestedTemplate(logicalId, path, sha256, key);
        }
    }

    /** The template that holds every resource of the service: the whole one of a split service, else the template. */
    public String serviceTemplate() {
        return wholeTemplate == null ? template : wholeTemplate.file();
    }

    /**
     * What a split service uploads beside its parent template, by S3 key: each nested template and the whole
     * template; none for a service in one stack.
     */
    @JsonIgnore
    public Map<String, Path> nestedUploads() {
        Map<String, Path> uploads = new TreeMap<>();
        nestedTemplates.forEach(nested -> uploads.put(nested.key(), Path.of(nested.file())));
        if (wholeTemplate != null) {
            uploads.put(wholeTemplate.key(), Path.of(wholeTemplate.file()));
        }
        return uploads;
    }

    /**
     * One layer zip of the package.
     *
     * @param parameter the template parameter that receives its S3 key
     * @param file the zip (relative to the manifest's folder in the file)
     * @param sha256 the zip's SHA-256, to tell it was rewritten after package
     * @param contentSha256 what it holds, which names it in S3
     */
    public record Layer(String parameter, String file, String sha256, String contentSha256) {

        /** Its S3 key, {@code <service>/layers/<content digest>.zip}: the same for the same content. */
        public String key(String serviceName) {
            return DependencyLayer.key(serviceName, contentSha256);
        }
    }

    /** Each layer's S3 key by the template parameter that receives it, in the manifest's order. */
    public Map<String, String> layerKeys() {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        layers.forEach(layer -> keys.put(layer.parameter(), layer.key(serviceName)));
        return java.util.Collections.unmodifiableMap(keys);
    }

    /**
     * The archive's S3 key: {@code <service>/<content digest>.jar}, the same for every build of the same code (the
     * file's own digest for a manifest written before content digests).
     */
    public String archiveKey() {
        return serviceName + "/" + (archiveContentSha256 == null ? archiveSha256 : archiveContentSha256) + ".jar";
    }

    /** A manifest without layers. */
    public PackageManifest(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            String archive,
            String archiveSha256,
            String template,
            String templateSha256,
            String settingsFingerprint,
            List<Function> functions,
            List<Environment> environments,
            String archiveContentSha256) {
        this(
                serviceName,
                stackName,
                tags,
                parameters,
                archive,
                archiveSha256,
                template,
                templateSha256,
                settingsFingerprint,
                functions,
                environments,
                archiveContentSha256,
                List.of());
    }

    /** A manifest of a service without environments. */
    public PackageManifest(
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
        this(
                serviceName,
                stackName,
                tags,
                parameters,
                archive,
                archiveSha256,
                template,
                templateSha256,
                settingsFingerprint,
                functions,
                List.of(),
                null);
    }

    /**
     * One environment the package is delivered to.
     *
     * @param configuration its template configuration file, relative to the manifest's folder
     */
    public record Environment(String name, String stackName, boolean approval, String configuration) {}

    /** The environment of that name. */
    public java.util.Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * One function as deployed.
     *
     * @param role the existing role it uses, by ARN or name, or empty when Sparta generates its role
     */
    public record Function(String name, String handler, String source, String role) {}

    /**
     * Writes the manifest with the archive and template relative to the manifest's folder (with {@code /}), so a
     * project copied or moved elsewhere, or built in a container, names its own files.
     */
    public void write(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        TemplateJson.write(
                TemplateJson.tree(withPaths(
                        relative(folder, archive), relative(folder, template), path -> relative(folder, path))),
                file);
    }

    /** Reads a manifest, its archive and template resolved against the manifest's folder. */
    public static PackageManifest read(Path file) throws IOException {
        PackageManifest read = fromJson(TemplateJson.read(file));
        Path folder = file.toAbsolutePath().getParent();
        return read.withPaths(
                folder.resolve(read.archive()).normalize().toString(),
                folder.resolve(read.template()).normalize().toString(),
                path -> folder.resolve(path).normalize().toString());
    }

    /**
     * The manifest a tree holds, field by field as {@link #write} writes them; a field it lacks (a manifest of an
     * earlier release) is null, or empty for the lists the constructor defaults, and a field it does not know is
     * ignored (a manifest of a later release).
     */
    private static PackageManifest fromJson(JsonNode json) throws IOException {
        if (!json.isObject()) {
            throw new IOException("A Sparta manifest is a JSON object; this one is " + json.getNodeType());
        }
        return new PackageManifest(
                text(json, "serviceName"),
                text(json, "stackName"),
                strings(json.get("tags")),
                strings(json.get("parameters")),
                text(json, "archive"),
                text(json, "archiveSha256"),
                text(json, "template"),
                text(json, "templateSha256"),
                text(json, "settingsFingerprint"),
                list(
                        json.get("functions"),
                        f -> new Function(text(f, "name"), text(f, "handler"), text(f, "source"), text(f, "role"))),
                list(
                        json.get("environments"),
                        e -> new Environment(
                                text(e, "name"),
                                text(e, "stackName"),
                                e.path("approval").asBoolean(false),
                                text(e, "configuration"))),
                text(json, "archiveContentSha256"),
                list(
                        json.get("layers"),
                        l -> new Layer(
                                text(l, "parameter"), text(l, "file"), text(l, "sha256"), text(l, "contentSha256"))),
                list(json.get("nestedTemplates"), PackageManifest::nestedTemplate),
                json.hasNonNull("wholeTemplate") ? nestedTemplate(json.get("wholeTemplate")) : null,
                strings(json.get("settingsSections")));
    }

    private static NestedTemplate nestedTemplate(JsonNode n) {
        return new NestedTemplate(text(n, "logicalId"), text(n, "file"), text(n, "sha256"), text(n, "key"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode object) {
        if (object == null || object.isNull()) {
            return null;
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        object.properties()
                .forEach(entry -> values.put(
                        entry.getKey(),
                        entry.getValue().isNull() ? null : entry.getValue().asText()));
        return values;
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> element) {
        if (array == null || array.isNull()) {
            return null;
        }
        List<T> values = new java.util.ArrayList<>();
        array.forEach(each -> values.add(element.apply(each)));
        return values;
    }

    private static String relative(Path folder, String path) {
        Path absolute = Path.of(path).toAbsolutePath().normalize();
        if (!absolute.getRoot().equals(folder.getRoot())) {
            return absolute.toString();
        }
        return folder.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
    }

    private PackageManifest withPaths(
            String archive, String template, java.util.function.UnaryOperator<String> layerPath) {
        return new PackageManifest(
                serviceName,
                stackName,
                tags,
                parameters,
                archive,
                archiveSha256,
                template,
                templateSha256,
                settingsFingerprint,
                functions,
                environments,
                archiveContentSha256,
                layers.stream()
                        .map(layer -> new Layer(
                                layer.parameter(),
                                layerPath.apply(layer.file()),
                                layer.sha256(),
                                layer.contentSha256()))
                        .toList(),
                nestedTemplates.stream()
                        .map(nested -> nested.withFile(layerPath.apply(nested.file())))
                        .toList(),
                wholeTemplate == null ? null : wholeTemplate.withFile(layerPath.apply(wholeTemplate.file())),
                settingsSections);
    }
}
