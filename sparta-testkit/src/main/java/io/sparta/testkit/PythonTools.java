package io.sparta.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Python venv that holds test tooling, created by the build itself from a pinned requirements file and made anew
 * whenever that file changes (its hash is stamped in the venv): one for moto's server, cfn-lint and parliament, and
 * one for checkov, whose own pins of boto3 and botocore would otherwise hold moto back.
 */
public final class PythonTools {

    private static final String READY_MARKER = ".sparta-requirements.sha256";

    private final Path venv;

    private PythonTools(Path venv) {
        this.venv = venv;
    }

    /** The venv named by the {@code sparta.python.venv} and {@code sparta.python.requirements} properties. */
    public static PythonTools fromSystemProperties() {
        return named("sparta.python");
    }

    /** The venv named by the {@code sparta.checkov.venv} and {@code sparta.checkov.requirements} properties. */
    public static PythonTools checkov() {
        return named("sparta.checkov");
    }

    private static synchronized PythonTools named(String prefix) {
        Path venv = Path.of(requiredProperty(prefix + ".venv"));
        Path requirements = Path.of(requiredProperty(prefix + ".requirements"));
        ensureInstalled(venv, requirements);
        return new PythonTools(venv);
    }

    /** An executable the venv installed, such as {@code moto_server}, {@code cfn-lint} or {@code parliament}. */
    public Path executable(String name) {
        return venv.resolve("bin").resolve(name);
    }

    /** What a tool printed on standard output, and its exit value. */
    public record Run(int exitValue, String output) {}

    /**
     * Runs one of the venv's tools to its end, its standard error discarded (the tools here report on standard
     * output).
     *
     * @param environment variables added to this process's own
     * @throws IllegalStateException when it outlasts five minutes or the wait is interrupted
     */
    public Run run(String tool, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(executable(tool).toString());
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish: " + command);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ensureInstalled(Path venv, Path requirements) {
        try {
            Files.createDirectories(venv.getParent());
            Path lockFile = venv.getParent().resolve(venv.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                String wanted = sha256(Files.readAllBytes(requirements));
                Path marker = venv.resolve(READY_MARKER);
                if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                    return;
                }
                run(List.of(pythonCommand(), "-m", "venv", "--clear", venv.toString()));
                run(List.of(
                        venv.resolve("bin/pip").toString(),
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        "-r",
                        requirements.toString()));
                Files.writeString(marker, wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Python test venv at " + venv, e);
        }
    }

    private static String pythonCommand() {
        return System.getenv().getOrDefault("SPARTA_PYTHON", "python3");
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("Command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }
}
