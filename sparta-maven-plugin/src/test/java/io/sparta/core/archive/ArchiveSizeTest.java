package io.sparta.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSizeTest {

    @TempDir
    Path work;

    /** A zip of entries of zeros, of the given uncompressed sizes: small on disk, any size extracted. */
    private Path zip(String name, Map<String, Long> entries) throws IOException {
        Path zip = work.resolve(name);
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
            for (Map.Entry<String, Long> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                write(out, zeros, entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void write(OutputStream out, byte[] zeros, long bytes) throws IOException {
        for (long left = bytes; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    @Test
    void sizesAreTheZipsBytesAndItsFilesExtractedLargestFirst() throws Exception {
        Map<String, Long> entries = new LinkedHashMap<>();
        entries.put("a/Small.class", 10L);
        entries.put("lib/big.jar", 3_000_000L);
        entries.put("lib/mid.jar", 2_000_000L);
        entries.put("b.txt", 0L);
        entries.put("c.txt", 5L);
        entries.put("d.txt", 7L);
        Path zip = zip("app.jar", entries);

        ArchiveSize size = ArchiveSize.of(zip);

        assertEquals(Files.size(zip), size.zippedBytes());
        assertEquals(5_000_022L, size.unzippedBytes());
        assertEquals(6, size.entries());
        assertEquals(
                List.of(
                        new ArchiveSize.Entry("lib/big.jar", 3_000_000L),
                        new ArchiveSize.Entry("lib/mid.jar", 2_000_000L),
                        new ArchiveSize.Entry("a/Small.class", 10L),
                        new ArchiveSize.Entry("d.txt", 7L),
                        new ArchiveSize.Entry("c.txt", 5L)),
                size.largest());
        assertTrue(size.summary().matches("\\d+\\.\\d KB zipped, 4\\.8 MB unzipped, 6 files"), size.summary());
        assertEquals("1023.0 KB", ArchiveSize.readable(1_047_552));
        assertEquals("1.0 MB", ArchiveSize.readable(1_048_576));
        assertEquals(Optional.empty(), size.warning("The archive app.jar"));
    }

    @Test
    void lambdasUnzippedLimitIsAllowedAndOneByteMoreIsRefusedNamingTheLargestEntries() throws Exception {
        Path atLimit = zip("at-limit.jar", Map.of("lib/a.jar", 200_000_000L, "lib/b.jar", 62_144_000L));
        ArchiveSize allowed = ArchiveSize.of(atLimit);
        assertEquals(ArchiveSize.UNZIPPED_LIMIT, allowed.unzippedBytes());
        allowed.check("The archive at-limit.jar");
        assertTrue(allowed.warning("The archive at-limit.jar")
                .orElseThrow()
                .startsWith("The archive at-limit.jar holds 250.0 MB once"
                        + " extracted, 100% of the 250.0 MB Lambda allows for a function and its layers together"));

        Path over = zip("over.jar", Map.of("lib/a.jar", 200_000_000L, "lib/b.jar", 62_144_001L));
        SpartaUserException e = assertThrows(
                SpartaUserException.class, () -> ArchiveSize.of(over).check("The archive over.jar"));
        assertEquals(
                "The archive over.jar holds 250.0 MB once extracted (262144001 bytes); Lambda refuses more than"
                        + " 250.0 MB (262144000 bytes) for a function and its layers together. Largest entries:\n"
                        + "  190.7 MB  lib/a.jar\n"
                        + "  59.3 MB  lib/b.jar. Keep large data out of src/main/resources (in S3, read at run"
                        + " time), give aws-lambda-java-core, which Lambda's Java runtimes already hold, the"
                        + " 'provided' scope (not aws-lambda-java-events: they do not hold it), exclude the SDK's HTTP clients you do not use (netty-nio-client,"
                        + " apache-client, apache5-client), or split the service; mvn dependency:tree shows what each dependency"
                        + " brings",
                e.getMessage());

        Path layered = zip("layered.zip", Map.of("java/lib/a.jar", 200_000_000L, "app/B.class", 62_144_001L));
        SpartaUserException withLayer = assertThrows(
                SpartaUserException.class, () -> ArchiveSize.of(layered).check("The archive with its layer"));
        assertTrue(
                withLayer
                        .getMessage()
                        .contains("  190.7 MB  java/lib/a.jar\n  59.3 MB  app/B.class\n(entries under"
                                + " java/lib/ are dependencies, in a layer; the others are the module's own classes and"
                                + " resources). Keep large data"),
                withLayer.getMessage());
    }

    @Test
    void fromFourFifthsOfTheLimitPackageWarns() throws Exception {
        long fourFifths = (long) (ArchiveSize.UNZIPPED_LIMIT * ArchiveSize.WARN_SHARE);
        Path under = zip("under.jar", Map.of("lib/a.jar", fourFifths));
        assertEquals(Optional.empty(), ArchiveSize.of(under).warning("The archive under.jar"));
        Path above = zip("above.jar", Map.of("lib/a.jar", fourFifths + 1));
        assertEquals(
                "The archive above.jar holds 200.0 MB once extracted, 80% of the 250.0 MB Lambda allows for a"
                        + " function and its layers together; largest entries:\n  200.0 MB  lib/a.jar",
                ArchiveSize.of(above).warning("The archive above.jar").orElseThrow());
    }
}
