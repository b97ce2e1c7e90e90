package io.sparta.core.archive;

import io.sparta.core.common.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an archive holds, as a SHA-256 over its entries in name order: the same for two builds of the same code even
 * when the zip's own bytes differ (entry times, order, compression). The archive's S3 key is this digest, so a clean
 * rebuild of unchanged code is "already uploaded" and changes no function.
 *
 * <p>A file entry counts by its name, uncompressed size and CRC-32 as the zip's central directory records them (APPNOTE
 * 4.4.7), so the cost grows with the number of entries, not their bytes: a 70 MB shaded jar is read no further than
 * its directory. A changed entry that kept both its size and its CRC-32 would go unnoticed; by chance that is one
 * change in 2<sup>32</sup>, far below what a build's other failures cost. A jar inside (a layer's {@code
 * java/lib/*.jar}) is read through, as its own entries' times change whenever a reactor module is rebuilt.
 */
public final class ArchiveIdentity {

    private static final Comparator<ZipEntry> BY_NAME = (a, b) -> a.getName().compareTo(b.getName());

    private ArchiveIdentity() {}

    /**
     * @return lower-case hex SHA-256 of every file entry's name, size and CRC-32, entries sorted by name; a jar
     *     inside (a layer's {@code java/lib/*.jar}, a reactor module's jar rebuilt with new entry times) counts by
     *     the names and bytes of what it holds
     * @throws IOException when the archive is not a readable zip
     */
    public static String of(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return of(zip);
        }
    }

    /** {@link #of(Path)} of a zip already open. */
    public static String of(ZipFile zip) throws IOException {
        MessageDigest digest = Digests.newDigest();
        List<ZipEntry> files = new ArrayList<>(zip.size());
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory()) {
                files.add(entry);
            }
        }
        files.sort(BY_NAME);
        // Name, NUL, then the CRC-32 and the size as 8 bytes each: fixed width, so no two entries run together.
        ByteBuffer record = ByteBuffer.allocate(17);
        for (ZipEntry entry : files) {
            if (entry.getName().endsWith(".jar") || entry.getCrc() == -1 || entry.getSize() == -1) {
                try (InputStream in = zip.getInputStream(entry)) {
                    update(digest, entry.getName(), in);
                }
            } else {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                record.clear();
                record.put((byte) 0).putLong(entry.getCrc()).putLong(entry.getSize());
                digest.update(record.array());
            }
        }
        return Digests.hex(digest);
    }

    private static void update(MessageDigest digest, String name, InputStream in) throws IOException {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        if (name.endsWith(".jar")) {
            digest.update(("jar " + nested(in)).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            return;
        }
        long length = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
            length += read;
        }
        // The length closes each entry, so no two different archives concatenate to the same stream.
        digest.update(Long.toString(length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
    }

    /** A jar read as a stream: each file entry's digest by name, then those in name order. */
    private static String nested(InputStream jar) throws IOException {
        java.util.SortedMap<String, String> entries = new java.util.TreeMap<>();
        java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(jar);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory()) {
                MessageDigest one = Digests.newDigest();
                update(one, entry.getName(), zip);
                entries.put(entry.getName(), Digests.hex(one));
            }
        }
        MessageDigest digest = Digests.newDigest();
        entries.values().forEach(value -> digest.update(value.getBytes(StandardCharsets.US_ASCII)));
        return Digests.hex(digest);
    }
}
