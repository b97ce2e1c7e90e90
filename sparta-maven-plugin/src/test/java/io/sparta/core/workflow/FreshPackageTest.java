package io.sparta.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.Digests;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.model.ServiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provision deploys exactly what package made from the current classes and settings, or nothing. */
class FreshPackageTest {

    private static final ServiceSettings SETTINGS =
            new ServiceSettings("orders", "orders", Map.of("team", "a"), Map.of());

    @TempDir
    Path work;

    private Path classes;
    private Path archive;
    private Path template;

    @BeforeEach
    void packaged() throws Exception {
        classes = Files.createDirectories(work.resolve("classes/acme"));
        Path classFile = Files.writeString(classes.resolve("Orders.class"), "bytecode");
        Files.setLastModifiedTime(classFile, FileTime.from(Instant.now().minusSeconds(60)));
        archive = Files.writeString(work.resolve("orders.jar"), "archive");
        template = Files.writeString(
                Files.createDirectories(work.resolve("sparta")).resolve("template.json"), "{}");
        manifest(Digests.sha256(archive), null);
    }

    /** Writes the manifest package would: the archive known by its file's SHA-256, its identity, or both. */
    private void manifest(String archiveSha256, String archiveIdentity) throws Exception {
        new PackageManifest(
                        "orders",
                        "orders",
                        Map.of("team", "a"),
                        Map.of(),
                        archive.toString(),
                        archiveSha256,
                        template.toString(),
                        Digests.sha256(Files.readAllBytes(template)),
                        SETTINGS.fingerprint(),
                        List.of(),
                        List.of(),
                        archiveIdentity,
                        List.of())
                .write(work.resolve("sparta/manifest.json"));
    }

    private ProvisionRequest request(ServiceSettings settings) {
        return new ProvisionRequest(
                work.resolve("sparta"),
                work.resolve("classes"),
                settings,
                new AwsTarget(Optional.empty(), Optional.empty(), Optional.empty(), 1),
                Optional.empty(),
                Extensions.NONE);
    }

    private String refusal(ServiceSettings settings) {
        return assertThrows(SpartaUserException.class, () -> FreshPackage.verify(request(settings)))
                .getMessage();
    }

    private PackageManifest accepted() throws Exception {
        return FreshPackage.verify(request(SETTINGS));
    }

    @Test
    void acceptsAPackageNewerThanItsClasses() throws Exception {
        assertEquals(Digests.sha256(archive), accepted().archiveSha256());
    }

    @Test
    void refusesClassesCompiledAfterPackage() throws Exception {
        Files.setLastModifiedTime(
                classes.resolve("Orders.class"), FileTime.from(Instant.now().plusSeconds(60)));
        assertTrue(refusal(SETTINGS).startsWith("The package is older than the classes in "), refusal(SETTINGS));
    }

    @Test
    void refusesAnArchiveRewrittenAfterItWasHashed() throws Exception {
        Files.writeString(archive, "rewritten by a later plugin");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(120)));
        assertTrue(refusal(SETTINGS).contains("changed after package hashed it"), refusal(SETTINGS));
    }

    private void jar(String content, long time) throws Exception {
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry("acme/Orders.class");
            entry.setTime(time);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(30)));
    }

    /**
     * This release's manifest names the archive by what it holds, read from the zip's directory: a rewrite with the
     * same content (a later plugin re-zipping it) deploys the same code and passes; other content is refused.
     */
    @Test
    void anArchiveIsKnownByWhatItHoldsNotByItsBytes() throws Exception {
        jar("bytecode", 1_600_000_000_000L);
        String identity = io.sparta.core.archive.ArchiveIdentity.of(archive);
        manifest(null, identity);
        assertTrue(
                Files.readString(work.resolve("sparta/manifest.json")).contains("\"archiveContentSha256\""),
                "the identity is written");
        assertTrue(
                !Files.readString(work.resolve("sparta/manifest.json")).contains("archiveSha256"),
                "the file's SHA-256 is left out, as it is not computed");

        jar("bytecode", 1_700_000_000_000L);
        assertEquals(identity, accepted().archiveContentSha256(), "re-zipped with other entry times: the same code");

        jar("rewritten", 1_700_000_000_000L);
        assertTrue(refusal(SETTINGS).contains("changed after package hashed it"), refusal(SETTINGS));
    }

    @Test
    void refusesAMissingArchive() throws Exception {
        Files.delete(archive);
        assertEquals(archive + " is missing. Run 'mvn package' first", refusal(SETTINGS));
    }

    @Test
    void settingsInAnotherOrderAreTheSameSettings() throws Exception {
        ServiceSettings reordered = new ServiceSettings(
                "orders",
                "orders",
                new java.util.LinkedHashMap<>(Map.of("team", "a")),
                new java.util.LinkedHashMap<>());
        assertEquals(
                Digests.sha256(archive), FreshPackage.verify(request(reordered)).archiveSha256());
    }

    @Test
    void namesTheSettingsThatChangedSincePackageWithoutWritingAnyValue() throws Exception {
        PackageManifest written = PackageManifest.read(work.resolve("sparta/manifest.json"));
        new PackageManifest(
                        written.serviceName(),
                        written.stackName(),
                        written.tags(),
                        written.parameters(),
                        written.archive(),
                        written.archiveSha256(),
                        written.template(),
                        written.templateSha256(),
                        written.settingsFingerprint(),
                        written.functions(),
                        written.environments(),
                        written.archiveContentSha256(),
                        written.layers(),
                        written.nestedTemplates(),
                        written.wholeTemplate(),
                        SETTINGS.sectionFingerprints())
                .write(work.resolve("sparta/manifest.json"));
        com.fasterxml.jackson.databind.JsonNode sections = io.sparta.core.common.TemplateJson.read(
                        work.resolve("sparta/manifest.json"))
                .path("settingsSections");
        assertEquals(
                List.of(
                        "environment",
                        "http.accessLogs",
                        "http.authorizers",
                        "http.cors",
                        "http.defaultAuthorizer",
                        "http.domain",
                        "http.stage",
                        "http.throttling",
                        "parameters",
                        "serviceName",
                        "stackName",
                        "tags"),
                fieldNames(sections));
        sections.forEach(fingerprint ->
                assertTrue(fingerprint.asText().matches("[0-9a-f]{64}"), "a fingerprint, not a value: " + sections));

        assertEquals(
                "The configuration changed since package: <stackName>, <tags> differ from what it packaged (it"
                        + " packaged service orders for stack orders). Run 'mvn package' with the settings of this"
                        + " run: 'package' first in this same command does it",
                refusal(new ServiceSettings("orders", "orders-prod", Map.of("team", "b"), Map.of())));
        assertEquals(
                "The configuration changed since package: <parameters> differs from what it packaged (it packaged"
                        + " service orders for stack orders). Run 'mvn package' with the settings of this run:"
                        + " 'package' first in this same command does it",
                refusal(new ServiceSettings("orders", "orders", Map.of("team", "a"), Map.of("Stage", "dev"))));
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aPartOfTheSettingsIsNamedByItsPomElement() {
        assertEquals(
                List.of("<secretParameters> of <environments>", "<functionOutputs>", "<cors>", "<httpStage>"),
                FreshPackage.changedSettings(
                        Map.of("http.stage", "1", "http.cors", "1", "environmentSecretParameters", "1"),
                        Map.of(
                                "http.stage",
                                "2",
                                "http.cors",
                                "2",
                                "environmentSecretParameters",
                                "2",
                                "functionOutputs",
                                "1")));
        assertEquals(List.of(), FreshPackage.changedSettings(Map.of(), Map.of("stackName", "1")));
    }

    @Test
    void refusesSettingsThatDifferFromWhatWasPackaged() {
        assertTrue(refusal(new ServiceSettings("orders", "orders-prod", Map.of("team", "a"), Map.of()))
                .startsWith("The configuration changed since package (it packaged service orders for stack orders)"));
        assertTrue(refusal(new ServiceSettings("orders", "orders", Map.of("team", "b"), Map.of()))
                .startsWith("The configuration changed since package"));
    }
}
