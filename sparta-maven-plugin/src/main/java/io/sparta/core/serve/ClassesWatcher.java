package io.sparta.core.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.stream.Stream;

/**
 * Notices when the compiler rewrites the module's classes, through the platform's file events, so serving a request
 * costs no directory walk. Compilers write many files; {@link #settledChangeSince} waits until they are done.
 */
final class ClassesWatcher implements AutoCloseable {

    private static final long QUIET_NANOS = 300_000_000L;

    private final WatchService watcher;
    private final Path root;
    private volatile long lastChange;

    ClassesWatcher(Path classesDirectory) throws IOException {
        watcher = classesDirectory.getFileSystem().newWatchService();
        root = classesDirectory;
        Files.createDirectories(classesDirectory);
        registerTree(classesDirectory);
        Thread thread = new Thread(this::watch, "sparta-serve-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether the classes changed after {@code since} (a {@link System#nanoTime()} value); if so, first waits until
     * no file has changed for a moment, so a compilation in progress is seen whole.
     *
     * @return the time of the last change, or {@code since} when nothing changed
     */
    long settledChangeSince(long since) throws InterruptedException {
        long changed = lastChange;
        if (changed == 0 || changed - since <= 0) {
            return since;
        }
        while (System.nanoTime() - lastChange < QUIET_NANOS) {
            Thread.sleep(50);
        }
        return lastChange;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path directory = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    lastChange = System.nanoTime();
                    if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
                        Path created = directory.resolve(name);
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                if (!key.reset() && directory.equals(root)) {
                    awaitRecreatedRoot();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Serving stopped.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code mvn clean compile} deletes the whole directory; watch it again once the compiler recreates it. */
    private void awaitRecreatedRoot() throws IOException, InterruptedException {
        while (!Files.isDirectory(root)) {
            Thread.sleep(100);
        }
        lastChange = System.nanoTime();
        registerTree(root);
    }

    private void registerTree(Path top) throws IOException {
        try (Stream<Path> directories = Files.walk(top)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                directory.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
