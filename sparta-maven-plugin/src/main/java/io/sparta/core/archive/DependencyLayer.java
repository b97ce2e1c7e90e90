package io.sparta.core.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The service's runtime dependencies as a Lambda layer: each jar under {@code java/lib/}, where Lambda's Java
 * runtimes put {@code /opt/java/lib/*} on the class path (see
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-layers.html">Working with layers for Java Lambda
 * functions</a>). The zip is reproducible: entries sorted, every time and mode fixed, so the same dependencies give
 * the same bytes on every machine, and its content digest names it in S3.
 */
public final class DependencyLayer {

    /** The folder of the layer Lambda's Java runtimes add to the class path. */
    public static final String LIB = "java/lib/";

    /** The entry time when the project sets no {@code project.build.outputTimestamp}: 2000-01-01T00:00:00Z. */
    static final Instant DEFAULT_TIME = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * One runtime dependency.
     *
     * @param fileName its name in the layer, {@code artifactId-version[-classifier].jar}
     */
    public record Dependency(String groupId, String artifactId, String fileName, Path file) {

        /** {@code groupId:artifactId}, as messages name it. */
        @Override
        public String toString() {
            return groupId + ":" + artifactId;
        }
    }

    private DependencyLayer() {}

    /**
     * Writes a zip reproducibly: the same entries give the same bytes, whatever the files' times, modes or order.
     * The build tool's own archiver does it (the core knows no build tool).
     */
    @FunctionalInterface
    public interface ZipWriter {

        /**
         * @param entries each file by its name in the zip, in name order
         * @param time every entry's time
         */
        void write(java.util.SortedMap<String, Path> entries, Path zip, Instant time) throws IOException;
    }

    /**
     * Writes the layer zip: each dependency under {@link #LIB}, entries in name order.
     *
     * @param time the entries' time, from {@code project.build.outputTimestamp} when set
     * @return the zip written
     */
    public static Path write(List<Dependency> dependencies, Path zip, Instant time, ZipWriter writer)
            throws IOException {
        Files.createDirectories(zip.getParent());
        Files.deleteIfExists(zip);
        java.util.SortedMap<String, Path> entries = new java.util.TreeMap<>();
        Set<String> names = new HashSet<>();
        for (Dependency dependency : dependencies) {
            // Two groups may ship an artifact of the same name and version: the second keeps its group.
            String name = names.add(dependency.fileName())
                    ? dependency.fileName()
                    : dependency.groupId() + "." + dependency.fileName();
            names.add(name);
            entries.put(LIB + name, dependency.file());
        }
        writer.write(entries, zip, time);
        return zip;
    }

    /** The layer's S3 key: {@code <service>/layers/<content digest>.zip}. */
    public static String key(String serviceName, String contentSha256) {
        return serviceName + "/layers/" + contentSha256 + ".zip";
    }
}
