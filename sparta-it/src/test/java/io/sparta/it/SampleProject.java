package io.sparta.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A copy of one sample under {@code src/it}, built by real Maven (the build's own Maven home) with the plugin
 * under test from the IT repository and the AWS environment the test gives it.
 */
final class SampleProject {

    private final Path directory;
    private final Map<String, String> environment = new HashMap<>();
    /** Whether runs pass -Dsparta.version, which the samples' poms read; a generated project names its own. */
    private boolean passSpartaVersion = true;

    private int runs;

    private SampleProject(Path directory) {
        this.directory = directory;
    }

    /** Copies sample {@code name} to a fresh work folder named {@code copyName}. */
    static SampleProject copyOf(String name, String copyName) {
        Path source = Path.of(property("sparta.it.samples")).resolve(name);
        Path target = Path.of(property("sparta.it.work")).resolve(copyName);
        try {
            deleteRecursively(target);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleProject(target);
    }

    /** A fresh, empty work folder named {@code name}, for a project a goal such as archetype:generate writes. */
    static SampleProject emptyFolder(String name) {
        Path target = Path.of(property("sparta.it.work")).resolve(name);
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SampleProject project = new SampleProject(target);
        project.passSpartaVersion = false;
        return project;
    }

    /** The project in {@code subfolder} of this one (one a goal generated there), with the same AWS settings. */
    SampleProject subproject(String subfolder) {
        SampleProject project = new SampleProject(directory.resolve(subfolder));
        project.environment.putAll(environment);
        project.passSpartaVersion = passSpartaVersion;
        return project;
    }

    /** Points the sample's AWS SDK at {@code endpoint} with throwaway credentials and no profile files. */
    SampleProject withAws(String endpoint, String region) {
        environment.put("AWS_ENDPOINT_URL", endpoint);
        environment.put("AWS_REGION", region);
        environment.put("AWS_ACCESS_KEY_ID", "testing");
        environment.put("AWS_SECRET_ACCESS_KEY", "testing");
        environment.put("AWS_SESSION_TOKEN", "testing");
        environment.put("AWS_PROFILE", "default");
        environment.put("AWS_CONFIG_FILE", directory.resolve("no-aws-config").toString());
        environment.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                directory.resolve("no-aws-credentials").toString());
        return this;
    }

    Path directory() {
        return directory;
    }

    Path file(String relative) {
        return directory.resolve(relative);
    }

    /** Runs Maven with these goals and arguments; the whole log is kept under the sample's folder. */
    BuildResult mvn(String... goalsAndArguments) {
        return mvn(Map.of(), goalsAndArguments);
    }

    /**
     * Runs Maven with an AWS endpoint nobody listens on and no credentials, so that any AWS call the goals
     * make fails the build.
     */
    BuildResult mvnWithoutAws(String... goalsAndArguments) {
        return mvn(
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""),
                goalsAndArguments);
    }

    /** The Maven a Debian user runs ({@code apt-get install maven}, 3.8.7 here), when this machine has it. */
    static java.util.Optional<File> systemMaven() {
        File home = new File("/usr/share/maven");
        return new File(home, "bin/mvn").canExecute() ? java.util.Optional.of(home) : java.util.Optional.empty();
    }

    /** Runs the system's Maven (see {@link #systemMaven()}) with no AWS, as {@link #mvnWithoutAws} does. */
    BuildResult mvnWithSystemMavenWithoutAws(String... goalsAndArguments) {
        return mvn(
                systemMaven().orElseThrow(),
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""),
                goalsAndArguments);
    }

    /** Runs Maven with these variables set (or replaced) in its environment. */
    BuildResult mvn(Map<String, String> environmentOverrides, String... goalsAndArguments) {
        return mvn(new File(property("maven.home")), environmentOverrides, goalsAndArguments);
    }

    /** Runs Maven interactively, its questions answered by the lines of {@code answers} in turn. */
    BuildResult mvnAnswering(String answers, String... goalsAndArguments) {
        return mvn(new File(property("maven.home")), Map.of(), answers, goalsAndArguments);
    }

    /** Runs the Maven installed at {@code mavenHome} with these variables set (or replaced) in its environment. */
    BuildResult mvn(File mavenHome, Map<String, String> environmentOverrides, String... goalsAndArguments) {
        return mvn(mavenHome, environmentOverrides, null, goalsAndArguments);
    }

    private BuildResult mvn(
            File mavenHome, Map<String, String> environmentOverrides, String answers, String... goalsAndArguments) {
        List<String> log = new ArrayList<>();
        InvocationRequest request = new DefaultInvocationRequest()
                .setBaseDirectory(directory.toFile())
                .setGoals(Arrays.asList(goalsAndArguments))
                .setBatchMode(answers == null)
                .setNoTransferProgress(true)
                .setLocalRepositoryDirectory(new File(property("sparta.it.repository")))
                .setShellEnvironmentInherited(true);
        request.setTimeoutInSeconds(600);
        if (answers != null) {
            // Maven 3.9 adds MAVEN_ARGS to every run, and CI's holds -B: an interactive run must not inherit it.
            request.addShellEnvironment("MAVEN_ARGS", "-ntp");
            request.setInputStream(
                    new java.io.ByteArrayInputStream(answers.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        request.setOutputHandler(log::add);
        request.setErrorHandler(log::add);
        Map<String, String> effective = new HashMap<>(environment);
        effective.putAll(environmentOverrides);
        effective.forEach(request::addShellEnvironment);
        Properties properties = new Properties();
        // Artifacts the outer build already has are read from its repository, not downloaded again.
        properties.setProperty("maven.repo.local.tail", property("sparta.it.outerRepository"));
        if (passSpartaVersion) {
            properties.setProperty("sparta.version", property("sparta.version"));
        }
        request.setProperties(properties);
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(mavenHome);
        try {
            int exitCode = invoker.execute(request).getExitCode();
            String name = String.join("_", goalsAndArguments).replaceAll("[^A-Za-z0-9_.-]", "-");
            // File systems refuse names over 255 bytes; the run's number keeps a shortened name unique.
            Path logFile = directory.resolve(
                    "build-" + (++runs) + "-" + name.substring(0, Math.min(name.length(), 160)) + ".log");
            Files.write(logFile, log);
            return new BuildResult(exitCode, List.copyOf(log), logFile);
        } catch (MavenInvocationException | IOException e) {
            throw new IllegalStateException("Could not run Maven in " + directory, e);
        }
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run through Maven failsafe");
        }
        return value;
    }

    /** Deletes {@code path} and everything under it; nothing when it does not exist. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file :
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One Maven run: its exit code and every line it printed. */
    record BuildResult(int exitCode, List<String> log, Path logFile) {

        boolean logContains(String text) {
            return log.stream().anyMatch(line -> line.contains(text));
        }

        /** For assertion messages: where to read the whole run. */
        String describe() {
            return "exit " + exitCode + ", log " + logFile + ":\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 60), log.size()));
        }
    }
}
