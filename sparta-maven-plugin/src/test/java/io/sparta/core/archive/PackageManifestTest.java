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

        var written = TemplateJson.MAPPER.readTree(
                sparta.resolve(PackageManifest.FILE_NAME).toFile());
        assertEquals("../orders-1.0.jar", written.path("archive").asText());
        assertEquals("template.json", written.path("template").asText());

        Path copy = Files.createDirectories(work.resolve("copy/target/sparta"));
        Files.copy(sparta.resolve(PackageManifest.FILE_NAME), copy.resolve(PackageManifest.FILE_NAME));
        PackageManifest read = PackageManifest.read(copy.resolve(PackageManifest.FILE_NAME));
        assertEquals(work.resolve("copy/target/orders-1.0.jar").toString(), read.archive());
        assertEquals(copy.resolve("template.json").toString(), read.template());
    }
}
