package io.sparta.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles small Java sources with javac into a folder, as a user's module would be compiled. */
public final class JavaSources {

    private JavaSources() {}

    /**
     * @param sources file path (such as {@code com/acme/Hello.java}) to source text
     * @return the folder of class files
     */
    public static Path compile(Path workDirectory, Map<String, String> sources) {
        Path classes = workDirectory.resolve("classes");
        Javac run = javac(workDirectory.resolve("src"), classes, sources, "-proc:none");
        if (!run.compiled()) {
            throw new IllegalArgumentException("Test sources do not compile: " + run.diagnostics());
        }
        return classes;
    }

    /**
     * Compiles the sources with Sparta's annotation processor, as a user's build does, into {@code
     * workDirectory/processed}.
     *
     * @return the text of each error javac reported, in the order reported
     */
    public static List<String> processorErrors(Path workDirectory, Map<String, String> sources) {
        return javac(
                        workDirectory.resolve("processed-src"),
                        workDirectory.resolve("processed"),
                        sources,
                        "-processor",
                        "io.sparta.annotations.processing.SpartaLambdaProcessor")
                .diagnostics()
                .stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
    }

    private record Javac(boolean compiled, List<Diagnostic<? extends JavaFileObject>> diagnostics) {}

    /** Writes the sources under {@code sourceRoot} and compiles them into {@code classes} on the test classpath. */
    private static Javac javac(Path sourceRoot, Path classes, Map<String, String> sources, String... options) {
        try {
            Files.createDirectories(classes);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            List<String> arguments = new ArrayList<>(List.of(options));
            arguments.addAll(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
                boolean compiled = javac.getTask(
                                null,
                                fileManager,
                                diagnostics,
                                arguments,
                                null,
                                fileManager.getJavaFileObjectsFromPaths(files))
                        .call();
                return new Javac(compiled, diagnostics.getDiagnostics());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source of {@code acme.Seeder}, a custom resource's handler answering every step with physical id
     * {@code seeded}, under the given annotations.
     */
    public static String customResourceHandler(String annotations) {
        return """
                package acme;
                import io.sparta.runtime.customresource.*;
                %s
                public class Seeder extends CustomResourceFunction {
                    protected CustomResourceResult create(CustomResourceRequest request) {
                        return CustomResourceResult.of("seeded");
                    }
                    protected CustomResourceResult update(CustomResourceRequest request) {
                        return CustomResourceResult.of("seeded");
                    }
                    protected void delete(CustomResourceRequest request) {}
                }
                """.formatted(annotations);
    }

    /** The test JVM's classpath, which holds sparta-annotations and aws-lambda-java-core. */
    public static List<Path> testClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .toList();
    }
}
