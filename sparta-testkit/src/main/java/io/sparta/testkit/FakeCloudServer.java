package io.sparta.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tukaani.xz.XZInputStream;

/**
 * fakecloud, a second local AWS API that creates resource types moto skips and replays CloudFormation's updates
 * resource by resource (see the repository's {@code ../shared/FAKECLOUD.md}), on a free loopback port. Test tooling
 * only: shipped prebuilt beside the repository, absent from a user's fresh clone, where its tests are skipped.
 */
public final class FakeCloudServer implements AutoCloseable {

    /** The system property naming the xz-compressed binary. */
    public static final String ARCHIVE_PROPERTY = "sparta.fakecloud.archive";

    /** SHA-256 of the unpacked 0.51.0 binary, as FAKECLOUD.md gives it. */
    static final String SHA256 = "7d1d9885cd9b4da424aa7776e8e71e1550e0391ec281ce0d2a283d37eb30a3fd";

    private final LocalServer server;

    private FakeCloudServer(LocalServer server) {
        this.server = server;
    }

    /**
     * The binary, unpacked once into {@code folder} from the archive {@value #ARCHIVE_PROPERTY} names.
     *
     * @return empty when no archive is there (a fresh clone without {@code ../shared})
     * @throws IllegalStateException when the unpacked file is not the expected build
     */
    public static synchronized Optional<Path> binary(Path folder) {
        String archive = System.getProperty(ARCHIVE_PROPERTY, "");
        if (archive.isBlank() || !Files.isRegularFile(Path.of(archive))) {
            return Optional.empty();
        }
        Path binary = folder.resolve("fakecloud");
        try {
            if (!Files.isExecutable(binary) || !SHA256.equals(sha256(binary))) {
                Files.createDirectories(folder);
                Path partial = folder.resolve("fakecloud.partial");
                // Buffered both ways: XZInputStream reads its input a few bytes at a time, which unbuffered took four
                // times as long for the 361 MB binary.
                try (InputStream in = new XZInputStream(
                                new java.io.BufferedInputStream(Files.newInputStream(Path.of(archive)), 1 << 16));
                        OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    in.transferTo(out);
                }
                if (!SHA256.equals(sha256(partial))) {
                    throw new IllegalStateException(
                            archive + " does not unpack to fakecloud 0.51.0 (sha256 " + SHA256 + ")");
                }
                partial.toFile().setExecutable(true);
                Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + archive, e);
        }
        return Optional.of(binary);
    }

    /** What a skipped test says: which archive it looked for. */
    public static String absence() {
        return "fakecloud's archive (" + ARCHIVE_PROPERTY + " = " + System.getProperty(ARCHIVE_PROPERTY, "unset")
                + ") is not here, as in a fresh clone without ../shared";
    }

    /** Starts fakecloud and waits until its health check answers; its output goes to {@code log}. */
    public static FakeCloudServer start(Path binary, Path log) {
        return new FakeCloudServer(LocalServer.start(
                "fakecloud",
                port -> List.of(binary.toString(), "--addr", "127.0.0.1:" + port),
                "/_fakecloud/health",
                log));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
