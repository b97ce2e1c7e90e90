package io.sparta.core.workflow;

import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.Digests;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.ServiceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The rules that keep provision from deploying anything but what the current code packaged. */
final class FreshPackage {

    private FreshPackage() {}

    static PackageManifest verify(ProvisionRequest request) throws SpartaUserException, IOException {
        return verify(request.packageDirectory(), request.classesDirectory(), request.settings());
    }

    /**
     * @param packageDirectory where package wrote the manifest, template and environments
     * @param settings the settings as configured now, which must be those that were packaged
     */
    static PackageManifest verify(Path packageDirectory, Path classesDirectory, ServiceSettings settings)
            throws SpartaUserException, IOException {
        Path manifestFile = packageDirectory.resolve(PackageManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new SpartaUserException("No package to provision: " + manifestFile + " is missing. Run 'mvn"
                    + " package' first (for example 'mvn package sparta:provision')");
        }
        PackageManifest manifest = PackageManifest.read(manifestFile);
        Path archive = Path.of(manifest.archive());
        Path template = Path.of(manifest.template());
        for (Path file : new Path[] {archive, template}) {
            if (!Files.isRegularFile(file)) {
                throw new SpartaUserException(file + " is missing. Run 'mvn package' first");
            }
        }
        FileTime newestClass = newestFile(classesDirectory);
        FileTime oldestOutput = min(Files.getLastModifiedTime(archive), Files.getLastModifiedTime(template));
        if (newestClass != null && newestClass.compareTo(oldestOutput) > 0) {
            throw new SpartaUserException("The package is older than the classes in " + classesDirectory
                    + ", so it holds stale code. Run 'mvn package' first");
        }
        boolean rewritten = manifest.archiveContentSha256() != null
                ? !io.sparta.core.archive.ArchiveIdentity.of(archive).equals(manifest.archiveContentSha256())
                // A manifest of an earlier release holds the file's SHA-256 instead.
                : !Digests.sha256(archive).equals(manifest.archiveSha256());
        if (rewritten) {
            throw new SpartaUserException(archive + " changed after package hashed it: a later build made it again"
                    + " and stopped before sparta:package finished, or a plugin execution after sparta:package rewrote it."
                    + " Run 'mvn package' again, with any execution that changes the jar bound before"
                    + " sparta-maven-plugin's");
        }
        if (!Digests.sha256(Files.readAllBytes(template)).equals(manifest.templateSha256())) {
            throw new SpartaUserException(template + " changed after package wrote it. Run 'mvn package' again");
        }
        List<PackageManifest.NestedTemplate> split = new ArrayList<>(manifest.nestedTemplates());
        if (manifest.wholeTemplate() != null) {
            split.add(manifest.wholeTemplate());
        }
        for (PackageManifest.NestedTemplate nested : split) {
            Path file = Path.of(nested.file());
            if (!Files.isRegularFile(file) || !Digests.sha256(file).equals(nested.sha256())) {
                throw new SpartaUserException("The split template " + file + " is missing or changed after"
                        + " package wrote it. Run 'mvn package' again");
            }
        }
        for (PackageManifest.Layer packaged : manifest.layers()) {
            Path layer = Path.of(packaged.file());
            if (!Files.isRegularFile(layer) || !Digests.sha256(layer).equals(packaged.sha256())) {
                throw new SpartaUserException(
                        layer + " is missing or changed after package wrote it. Run 'mvn" + " package' again");
            }
        }
        if (!manifest.settingsFingerprint().equals(settings.fingerprint())) {
            List<String> changed = changedSettings(manifest.settingsSections(), settings.sectionFingerprints());
            throw new SpartaUserException("The configuration changed since package"
                    + (changed.isEmpty()
                            ? ""
                            : ": " + String.join(", ", changed) + (changed.size() == 1 ? " differs" : " differ")
                                    + " from what it packaged")
                    + " (it packaged service " + manifest.serviceName() + " for stack " + manifest.stackName()
                    + "). Run 'mvn package' with the settings of this run: 'package' first in this same command does"
                    + " it");
        }
        return manifest;
    }

    /**
     * The pom elements whose settings differ between package and this run, by their parts' fingerprints; none when
     * the manifest has no parts (written by an earlier release).
     */
    static List<String> changedSettings(Map<String, String> packaged, Map<String, String> now) {
        if (packaged.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> parts = new java.util.TreeSet<>(packaged.keySet());
        parts.addAll(now.keySet());
        java.util.Set<String> elements = new java.util.LinkedHashSet<>();
        for (String part : parts) {
            if (!java.util.Objects.equals(packaged.get(part), now.get(part))) {
                elements.add(element(part));
            }
        }
        return List.copyOf(elements);
    }

    /** The pom element a part of the settings comes from: {@code http.stage} is {@code <httpStage>}. */
    private static String element(String part) {
        return switch (part) {
            case "http.stage" -> "<httpStage>";
            case "http.authorizers" -> "the authorizers";
            case "environmentSecretParameters" -> "<secretParameters> of <environments>";
            default -> "<" + part.substring(part.indexOf('.') + 1) + ">";
        };
    }

    private static FileTime newestFile(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            FileTime newest = null;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (newest == null || modified.compareTo(newest) > 0) {
                    newest = modified;
                }
            }
            return newest;
        }
    }

    private static FileTime min(FileTime a, FileTime b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
