package io.sparta.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparta.core.common.TemplateJson;
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

        var written = TemplateJson.mapper()
                .readTree(sparta.resolve(PackageManifest.FILE_NAME).toFile());
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

        var written = TemplateJson.mapper()
                .readTree(sparta.resolve(PackageManifest.FILE_NAME).toFile());
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
}
