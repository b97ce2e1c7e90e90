package io.sparta.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, on a local file: the DOM after its scripts ran, what it wrote to the console, and
 * a screenshot. Started with no network features, as this machine has no internet.
 */
public final class HeadlessChromium {

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** Chromium from {@code SPARTA_CHROMIUM} or the PATH; fails with how to install it. */
    public static HeadlessChromium find() {
        Optional<Path> configured =
                Optional.ofNullable(System.getenv("SPARTA_CHROMIUM")).map(Path::of);
        Optional<Path> onPath = Stream.of(
                        System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome")
                        .map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
        return new HeadlessChromium(
                configured
                        .or(() -> onPath)
                        .orElseThrow(
                                () -> new IllegalStateException(
                                        "No Chromium found: install Debian's chromium (apt-get install chromium) or set SPARTA_CHROMIUM")));
    }

    /** What a page shows once its scripts ran, and every console line it wrote. */
    public record Page(String dom, List<String> console) {}

    public Page open(Path html) {
        Result result = run(
                List.of("--virtual-time-budget=5000", "--dump-dom", html.toUri().toString()));
        List<String> console =
                result.stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(result.stdout, console);
    }

    public void screenshot(Path html, Path png, int width, int height) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(
                "--virtual-time-budget=5000",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(),
                html.toUri().toString()));
    }

    private record Result(String stdout, String stderr) {}

    private Result run(List<String> arguments) {
        try {
            Path profile = Files.createTempDirectory("sparta-chromium");
            List<String> command = new ArrayList<>(List.of(
                    executable.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--enable-logging=stderr",
                    "--v=0",
                    "--user-data-dir=" + profile));
            command.addAll(arguments);
            Path stdout = profile.resolve("stdout");
            Path stderr = profile.resolve("stderr");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish: " + command);
            }
            return new Result(
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
