package io.sparta.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparta.core.common.JacksonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest names the project's own files wherever the project is. */
class PackageManifestTest {

    @TempDir
    Path work;

    @Test
    void archiveAndTemplateAreWrittenRelativeToTheManifestAndReadBackWhereTheProjectIsNow() throws Exception {
        Path original = work.resolve("original");
        Path sparta = Files.createDirectories(original.resolve("target/sparta"));
        new PackageManifest(
                        "orders",
                        "orders",
                        Map.of(),
                        Map.of(),
                        original.resolve("target/orders-1.0.jar").toString(),
                        "aa",
                        sparta.resolve("template.json").toString(),
                        "bb",
                        "cc",
                        List.of())
                .write(sparta.resolve(PackageManifest.FILE_NAME));

        var written = JacksonReader.MAPPER.readTree(
                sparta.resolve(PackageManifest.FILE_NAME).toFile());
        assertEquals("../orders-1.0.jar", written.path("archive").asText());
        assertEquals("template.json", written.path("template").asText());

        Path copy = Files.createDirectories(work.resolve("copy/target/sparta"));
        Files.copy(sparta.resolve(PackageManifest.FILE_NAME), copy.resolve(PackageManifest.FILE_NAME));
        PackageManifest read = PackageManifest.read(copy.resolve(PackageManifest.FILE_NAME));
        assertEquals(work.resolve("copy/target/orders-1.0.jar").toString(), read.archive());
        assertEquals(copy.resolve("template.json").toString(), read.template());
    }

    @Test
    void layersKeepTheirParameterAndDigestsAndTheirZipsAreRelativeLikeTheArchive() throws Exception {
        Path original = work.resolve("original");
        Path sparta = Files.createDirectories(original.resolve("target/sparta"));
        List<PackageManifest.Layer> layers = List.of(
                new PackageManifest.Layer(
                        "DependenciesLayerKey",
                        sparta.resolve("dependencies-layer.zip").toString(),
                        "d1",
                        "c1"),
                new PackageManifest.Layer(
                        "LayerSharedLibKey",
                        sparta.resolve("layers/shared-lib.zip").toString(),
                        "d2",
                        "c2"));
        new PackageManifest(
                        "orders",
                        "orders",
                        Map.of(),
                        Map.of(),
                        original.resolve("target/orders-1.0.jar").toString(),
                        "aa",
                        sparta.resolve("template.json").toString(),
                        "bb",
                        "cc",
                        List.of(),
                        List.of(),
                        "ee",
                        layers)
                .write(sparta.resolve(PackageManifest.FILE_NAME));

        var written = JacksonReader.MAPPER.readTree(
                sparta.resolve(PackageManifest.FILE_NAME).toFile());
        assertEquals("layers/shared-lib.zip", written.at("/layers/1/file").asText());
        Path copy = Files.createDirectories(work.resolve("copy/target/sparta"));
        Files.copy(sparta.resolve(PackageManifest.FILE_NAME), copy.resolve(PackageManifest.FILE_NAME));
        PackageManifest read = PackageManifest.read(copy.resolve(PackageManifest.FILE_NAME));

        assertEquals(
                copy.resolve("layers/shared-lib.zip").toString(),
                read.layers().get(1).file());
        assertEquals(
                Map.of("DependenciesLayerKey", "orders/layers/c1.zip", "LayerSharedLibKey", "orders/layers/c2.zip"),
                read.layerKeys());
        assertEquals(
                List.of("DependenciesLayerKey", "LayerSharedLibKey"),
                List.copyOf(read.layerKeys().keySet()));
    }

    @Test
    void everyFieldReadsBackAsWrittenAndAManifestOfAnEarlierReleaseReadsWithWhatItLacksNull() throws Exception {
        Path sparta = Files.createDirectories(work.resolve("project/target/sparta"));
        PackageManifest.NestedTemplate whole = new PackageManifest.NestedTemplate(
                "", sparta.resolve("nested/whole-template.json").toString(), "w1", "orders/templates/whole/w1.json");
        PackageManifest manifest = new PackageManifest(
                "orders",
                "orders-dev",
                Map.of("team", "payments", "cost", "42"),
                Map.of("Stage", "dev"),
                work.resolve("project/target/orders-1.0.jar").toString(),
                "aa",
                sparta.resolve("template.json").toString(),
                "bb",
                "cc",
                List.of(
                        new PackageManifest.Function("Place", "acme.Orders::place", "acme/Orders.java:12", ""),
                        new PackageManifest.Function("Ship", "acme.Ship", "acme/Ship.java:3", "arn:aws:iam::1:role/r")),
                List.of(new PackageManifest.Environment("prod", "orders-prod", true, "configuration-prod.json")),
                "ee",
                List.of(new PackageManifest.Layer(
                        "DependenciesLayerKey",
                        sparta.resolve("dependencies-layer.zip").toString(),
                        "d1",
                        "c1")),
                List.of(new PackageManifest.NestedTemplate(
                        "Functions1", sparta.resolve("nested/Functions1.json").toString(), "n1", "orders/n1.json")),
                whole,
                Map.of("stackName", "s1", "tags", "t1"));
        Path file = sparta.resolve(PackageManifest.FILE_NAME);
        manifest.write(file);

        assertEquals(manifest, PackageManifest.read(file));

        Files.writeString(file, """
                {"serviceName": "orders", "stackName": "orders", "tags": {}, "parameters": {},
                 "archive": "../orders.jar", "archiveSha256": "aa", "template": "template.json",
                 "templateSha256": "bb", "settingsFingerprint": "cc", "functions": [], "fieldOfALaterRelease": 1}
                """);
        PackageManifest earlier = PackageManifest.read(file);
        assertEquals(null, earlier.archiveContentSha256());
        assertEquals("orders/aa.jar", earlier.archiveKey());
        assertEquals(List.of(), earlier.layers());
        assertEquals(List.of(), earlier.environments());
        assertEquals(null, earlier.wholeTemplate());
        assertEquals(Map.of(), earlier.settingsSections());
        assertEquals(sparta.resolve("template.json").toString(), earlier.template());

        Files.writeString(file, "[1, 2]");
        java.io.IOException notObject = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.IOException.class, () -> PackageManifest.read(file));
        assertEquals("A Sparta manifest is a JSON object; this one is ARRAY", notObject.getMessage());
    }
}
