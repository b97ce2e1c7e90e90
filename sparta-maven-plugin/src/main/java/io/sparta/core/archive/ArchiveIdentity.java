package io.sparta.core.archive;

import io.sparta.core.common.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an archive holds, as a SHA-256 of its entries' names and bytes in name order: the same for two builds of
 * the same code even when the zip's own bytes differ (entry times, order, compression). The archive's S3 key is
 * this digest, so a clean rebuild of unchanged code is "already uploaded" and changes no function.
 */
public final class ArchiveIdentity {

    private ArchiveIdentity() {}

    /** @return lower-case hex SHA-256 of every file entry's name, length and content, entries sorted by name */
    public static String of(Path archive) throws IOException {
        MessageDigest digest = Digests.newDigest();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            List<? extends ZipEntry> files = entries.stream()
                    .filter(entry -> !entry.isDirectory())
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .toList();
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry : files) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                long length = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                        digest.update(buffer, 0, read);
                        length += read;
                    }
                }
                // The length closes each entry, so no two different archives concatenate to the same stream.
                digest.update(Long.toString(length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
            }
        }
        return Digests.hex(digest);
    }
}
