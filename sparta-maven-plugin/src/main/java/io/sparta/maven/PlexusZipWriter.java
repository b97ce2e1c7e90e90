package io.sparta.maven;

import io.sparta.core.archive.DependencyLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import org.codehaus.plexus.archiver.ArchiverException;
import org.codehaus.plexus.archiver.zip.ZipArchiver;

/**
 * Zips with plexus-archiver, Maven's own archiver, set up as Maven's jar and assembly plugins set it up for
 * reproducible builds: fixed entry times and modes.
 */
final class PlexusZipWriter implements DependencyLayer.ZipWriter {

    @Override
    public void write(SortedMap<String, Path> entries, Path zip, Instant time) throws IOException {
        ZipArchiver archiver = new ZipArchiver();
        archiver.setDestFile(zip.toFile());
        archiver.configureReproducibleBuild(FileTime.from(time));
        try {
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                archiver.addFile(entry.getValue().toFile(), entry.getKey());
            }
            archiver.createArchive();
        } catch (ArchiverException e) {
            throw new IOException("Could not write " + zip + ": " + e.getMessage(), e);
        }
    }
}
