package io.sparta.core.archive;

import io.sparta.core.common.TemplateJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What one build hands to every environment: the template and one CloudFormation template configuration file per
 * environment, zipped as CodePipeline's CloudFormation actions read them ({@code template.json},
 * {@code environments/<name>.json}). The same inputs give the same bytes: entries sorted, times fixed.
 */
public final class DeliveryPackage {

    /** The zip entry of the template. */
    public static final String TEMPLATE = "template.json";

    /** The folder of the environments' configuration files, in the zip and beside the template. */
    public static final String ENVIRONMENTS = "environments";

    /** 1980-01-01, the earliest time a zip entry holds: no build's clock reaches the bytes. */
    private static final long FIXED_TIME = 315_532_800_000L;

    private DeliveryPackage() {}

    /**
     * {@code <service>/package.zip}: where {@code publish} puts the package in the pipeline's bucket, and what
     * pruning never deletes.
     */
    public static String publishedKey(String serviceName) {
        return serviceName + "/package.zip";
    }

    /** {@code environments/<name>.json} */
    public static String configurationEntry(String environment) {
        return ENVIRONMENTS + "/" + environment + ".json";
    }

    /**
     * @param configurations each environment's configuration file content, by environment name
     * @return the zip's bytes
     */
    public static byte[] zip(byte[] template, Map<String, ?> configurations) {
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put(TEMPLATE, template);
        configurations.forEach((name, content) -> entries.put(configurationEntry(name), TemplateJson.bytes(content)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The configuration file {@code package} wrote for one environment, as JSON. */
    public static com.fasterxml.jackson.databind.JsonNode configuration(
            Path packageDirectory, PackageManifest.Environment environment) throws IOException {
        return TemplateJson.read(packageDirectory.resolve(environment.configuration()));
    }

    /** A configuration's {@code Parameters} or {@code Tags}, as names to values. */
    public static Map<String, String> strings(com.fasterxml.jackson.databind.JsonNode object) {
        Map<String, String> values = new TreeMap<>();
        object.fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    /** Writes each configuration beside the template, under {@code environments/}. */
    public static void writeConfigurations(Path outputDirectory, Map<String, ?> configurations) throws IOException {
        Path folder = outputDirectory.resolve(ENVIRONMENTS);
        if (Files.isDirectory(folder)) {
            try (var stale = Files.list(folder)) {
                for (Path file : stale.toList()) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, ?> configuration : configurations.entrySet()) {
            TemplateJson.write(
                    TemplateJson.tree(configuration.getValue()),
                    outputDirectory.resolve(configurationEntry(configuration.getKey())));
        }
    }
}
