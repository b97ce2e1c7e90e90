package io.sparta.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sparta.core.common.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive is known by what it holds, not by the zip's own bytes. */
class ArchiveIdentityTest {

    @TempDir
    Path work;

    private Path zip(String name, Map<String, String> entries, long time, int level) throws IOException {
        Path file = work.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            zip.putNextEntry(new ZipEntry("com/"));
            zip.closeEntry();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(time);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, String> entries(String... namesAndContents) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], namesAndContents[i + 1]);
        }
        return entries;
    }

    @Test
    void twoBuildsOfTheSameCodeAreOneArchiveThoughTheirBytesDiffer() throws Exception {
        Path first = zip("a.jar", entries("com/A.class", "a", "META-INF/MANIFEST.MF", "m"), 1_600_000_000_000L, 9);
        Path second = zip("b.jar", entries("META-INF/MANIFEST.MF", "m", "com/A.class", "a"), 1_700_000_000_000L, 1);
        assertNotEquals(Digests.sha256(first), Digests.sha256(second), "times, order and compression differ");
        assertEquals(ArchiveIdentity.of(first), ArchiveIdentity.of(second));
    }

    @Test
    void aChangedByteARenamedEntryOrAMovedBoundaryIsAnotherArchive() throws Exception {
        String base = ArchiveIdentity.of(zip("base.jar", entries("com/A.class", "ab", "com/B.class", "c"), 0, 9));
        assertNotEquals(
                base, ArchiveIdentity.of(zip("changed.jar", entries("com/A.class", "ax", "com/B.class", "c"), 0, 9)));
        assertNotEquals(
                base, ArchiveIdentity.of(zip("renamed.jar", entries("com/A2.class", "ab", "com/B.class", "c"), 0, 9)));
        assertNotEquals(
                base, ArchiveIdentity.of(zip("moved.jar", entries("com/A.class", "a", "com/B.class", "bc"), 0, 9)));
    }

    /**
     * The cost is the directory's, whatever the archive's size: bytes rewritten in place of an entry's data, leaving
     * the directory's size and CRC-32 as they were, are not read, which is what keeps a 70 MB jar as cheap as a small
     * one.
     */
    @Test
    void aFileEntryIsKnownByItsDirectoryRecordWithoutReadingItsData() throws Exception {
        Path jar = zip("app.jar", entries("com/A.class", "hello from the class file"), 0, 0);
        String before = ArchiveIdentity.of(jar);
        byte[] bytes = Files.readAllBytes(jar);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("hello from");
        assertNotEquals(-1, at, "level 0 stores the entry's bytes as they are");
        System.arraycopy("HELLO".getBytes(StandardCharsets.US_ASCII), 0, bytes, at, 5);
        Files.write(jar, bytes);

        assertEquals(before, ArchiveIdentity.of(jar));
        assertNotEquals(
                before,
                ArchiveIdentity.of(zip("other.jar", entries("com/A.class", "HELLO from the class file"), 0, 0)));
    }

    /** A layer zip holding one jar, given as the jar's file. */
    private Path layer(String name, Path jar) throws IOException {
        Path file = work.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry = new ZipEntry("java/lib/greeting-lib-1.0.0.jar");
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(Files.readAllBytes(jar));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aJarInsideCountsByWhatItHoldsSoARebuiltModuleJarIsTheSameLayer() throws Exception {
        Path built = zip("first.jar", entries("com/G.class", "g", "META-INF/MANIFEST.MF", "m"), 1_600_000_000_000L, 9);
        Path rebuilt =
                zip("second.jar", entries("META-INF/MANIFEST.MF", "m", "com/G.class", "g"), 1_700_000_000_000L, 1);
        Path changed =
                zip("third.jar", entries("com/G.class", "h", "META-INF/MANIFEST.MF", "m"), 1_600_000_000_000L, 9);

        assertEquals(ArchiveIdentity.of(layer("a.zip", built)), ArchiveIdentity.of(layer("b.zip", rebuilt)));
        assertNotEquals(ArchiveIdentity.of(layer("a.zip", built)), ArchiveIdentity.of(layer("c.zip", changed)));
    }
}
