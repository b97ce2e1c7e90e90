package io.sparta.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparta.core.archive.DependencyLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dependency layer as package writes it, with Maven's archiver. */
class DependencyLayerZipTest {

    private static final Instant TIME = Instant.parse("2000-01-01T00:00:00Z");

    @TempDir
    Path work;

    private DependencyLayer.Dependency dependency(String group, String artifact, String content, Instant modified)
            throws Exception {
        Path folder =
                Files.createDirectories(work.resolve("repo").resolve(group).resolve(artifact));
        Path file = Files.writeString(folder.resolve(artifact + "-1.0.jar"), content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return new DependencyLayer.Dependency(group, artifact, artifact + "-1.0.jar", file);
    }

    @Test
    void jarsGoUnderJavaLibWhereLambdasJavaRuntimesLoadThem() throws Exception {
        Path zip = DependencyLayer.write(
                List.of(
                        dependency("com.acme", "zeta", "z", Instant.now()),
                        dependency("com.acme", "alpha", "a", Instant.now()),
                        dependency("org.other", "alpha", "other", Instant.now())),
                work.resolve("out/layer.zip"),
                TIME,
                new PlexusZipWriter());

        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(file.entries()).stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(ZipEntry::getName)
                    .sorted()
                    .toList();
            // The second artifact of the same file name keeps its group, so neither replaces the other.
            assertEquals(
                    List.of("java/lib/alpha-1.0.jar", "java/lib/org.other.alpha-1.0.jar", "java/lib/zeta-1.0.jar"),
                    names);
            assertEquals(
                    TIME.toEpochMilli(),
                    file.getEntry("java/lib/zeta-1.0.jar").getLastModifiedTime().toMillis());
        }
    }

    @Test
    void theSameDependenciesGiveTheSameBytesWhateverTheirFilesTimesAndOrder() throws Exception {
        DependencyLayer.Dependency a = dependency("com.acme", "a", "one", Instant.parse("2020-01-01T00:00:00Z"));
        DependencyLayer.Dependency b = dependency("com.acme", "b", "two", Instant.parse("2021-06-01T00:00:00Z"));
        byte[] first = Files.readAllBytes(
                DependencyLayer.write(List.of(a, b), work.resolve("one/layer.zip"), TIME, new PlexusZipWriter()));

        Files.setLastModifiedTime(a.file(), FileTime.from(Instant.now()));
        Files.setLastModifiedTime(b.file(), FileTime.from(Instant.now()));
        byte[] second = Files.readAllBytes(
                DependencyLayer.write(List.of(b, a), work.resolve("two/layer.zip"), TIME, new PlexusZipWriter()));

        assertArrayEquals(first, second);
    }

    @Test
    void theKeyIsTheContentDigestUnderTheServicesLayersFolder() {
        assertEquals("orders/layers/abc.zip", DependencyLayer.key("orders", "abc"));
    }
}
