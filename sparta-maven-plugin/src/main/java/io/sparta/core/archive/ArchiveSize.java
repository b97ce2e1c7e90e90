package io.sparta.core.archive;

import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An archive's size as Lambda counts it: the zip's bytes, and the bytes of its files once extracted, which Lambda
 * limits to {@value #UNZIPPED_LIMIT} for a function and all its layers together (its {@code CodeSizeUnzipped}
 * quota, see <a href="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html">Lambda quotas</a>).
 * The zipped limit (50 MB) applies only to uploads straight to Lambda; Sparta's archives reach it through S3.
 *
 * @param zippedBytes the archive file's length
 * @param unzippedBytes the sum of its file entries' uncompressed sizes
 * @param entries how many file entries it holds
 * @param largest its five largest file entries, largest first
 */
public record ArchiveSize(long zippedBytes, long unzippedBytes, int entries, List<Entry> largest) {

    /** Lambda's {@code CodeSizeUnzipped}: 250 MB, the function's package and its layers extracted. */
    public static final long UNZIPPED_LIMIT = 262_144_000L;

    /** From this share of the limit on, package warns: the layers a function lists count against it too. */
    static final double WARN_SHARE = 0.8;

    /** Largest first; equal sizes by name, so the list is the same on every machine. */
    private static final Comparator<Entry> LARGEST_FIRST =
            Comparator.comparingLong(Entry::bytes).reversed().thenComparing(Entry::name);

    /** One file of the archive and its uncompressed size. */
    public record Entry(String name, long bytes) {}

    public ArchiveSize {
        largest = List.copyOf(largest);
    }

    /**
     * Reads the sizes from the zip's central directory, without extracting anything: one pass over the entries, the
     * five largest kept as it goes, so a shaded jar of tens of thousands of entries costs milliseconds.
     */
    public static ArchiveSize of(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return of(zip, Files.size(archive));
        }
    }

    /** {@link #of(Path)} of a zip already open, whose file is {@code zippedBytes} long. */
    public static ArchiveSize of(ZipFile zip, long zippedBytes) {
        PriorityQueue<Entry> largest = new PriorityQueue<>(6, LARGEST_FIRST.reversed());
        long unzipped = 0;
        int files = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            long bytes = Math.max(0, entry.getSize());
            unzipped += bytes;
            files++;
            if (largest.size() < 5 || bytes >= largest.peek().bytes()) {
                largest.add(new Entry(entry.getName(), bytes));
                if (largest.size() > 5) {
                    largest.poll();
                }
            }
        }
        return new ArchiveSize(
                zippedBytes,
                unzipped,
                files,
                largest.stream().sorted(LARGEST_FIRST).toList());
    }

    /**
     * Refuses an archive Lambda would refuse.
     *
     * @param label what the sizes are of, as the message's subject: {@code The archive app.jar}
     * @throws SpartaUserException when the extracted files exceed {@link #UNZIPPED_LIMIT}, naming the largest
     */
    public void check(String label) throws SpartaUserException {
        if (unzippedBytes > UNZIPPED_LIMIT) {
            throw new SpartaUserException(label + " holds " + mb(unzippedBytes)
                    + " once extracted (" + unzippedBytes + " bytes); Lambda refuses more than " + mb(UNZIPPED_LIMIT)
                    + " (" + UNZIPPED_LIMIT + " bytes) for a function and its layers together. Largest entries:\n"
                    + largestLines()
                    + (largest.stream().anyMatch(entry -> entry.name().startsWith(DependencyLayer.LIB))
                            ? "\n(entries under " + DependencyLayer.LIB
                                    + " are dependencies, in a layer; the others are"
                                    + " the module's own classes and resources)"
                            : "")
                    + ". Keep large data out of src/main/resources (in S3,"
                    + " read at run time), give aws-lambda-java-core, which Lambda's Java runtimes already hold, the"
                    + " 'provided' scope (not aws-lambda-java-events: they do not hold it), exclude the SDK's HTTP clients you do not use (netty-nio-client,"
                    + " apache-client, apache5-client), or split the service; mvn dependency:tree shows what each dependency"
                    + " brings");
        }
    }

    /** A warning when the archive alone takes most of what a function and its layers may hold, if it does. */
    public java.util.Optional<String> warning(String label) {
        return unzippedBytes > UNZIPPED_LIMIT * WARN_SHARE && unzippedBytes <= UNZIPPED_LIMIT
                ? java.util.Optional.of(label + " holds " + mb(unzippedBytes)
                        + " once extracted, " + Math.round(100.0 * unzippedBytes / UNZIPPED_LIMIT) + "% of the "
                        + mb(UNZIPPED_LIMIT) + " Lambda allows for a function and its layers together; largest"
                        + " entries:\n" + largestLines())
                : java.util.Optional.empty();
    }

    /** The sizes of this archive and another together, as Lambda adds a function's package and its layers. */
    public ArchiveSize plus(ArchiveSize other) {
        List<Entry> both = new java.util.ArrayList<>(largest);
        both.addAll(other.largest);
        return new ArchiveSize(
                zippedBytes + other.zippedBytes,
                unzippedBytes + other.unzippedBytes,
                entries + other.entries,
                both.stream().sorted(LARGEST_FIRST).limit(5).toList());
    }

    /** {@code 14.2 KB zipped, 3.9 MB unzipped, 212 files}. */
    public String summary() {
        return readable(zippedBytes) + " zipped, " + readable(unzippedBytes) + " unzipped, " + entries + " files";
    }

    /** Kilobytes below a megabyte, so a small jar does not read as 0.0 MB. */
    static String readable(long bytes) {
        return bytes < 1_048_576 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : mb(bytes);
    }

    private String largestLines() {
        StringBuilder lines = new StringBuilder();
        for (Entry entry : largest) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append("  ").append(mb(entry.bytes())).append("  ").append(entry.name());
        }
        return lines.toString();
    }

    /** Megabytes as Lambda's quotas count them, 1,048,576 bytes each, to one decimal. */
    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
