package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.model.FunctionDefaults;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What sparta:invoke and sparta:serve share: the service read from compiled classes, and a function's JVM. */
public final class LocalJvm {

    private LocalJvm() {}

    /** The service as {@code package} would model it from these classes. */
    public static ServiceModel service(ServiceSettings settings, Path classesDirectory, List<Path> classpath)
            throws io.sparta.core.common.SpartaUserException, IOException {
        return new ServiceModelBuilder().build(settings, new FunctionScanner().scan(classesDirectory, classpath));
    }

    /**
     * The classpath a function runs with: the module's runtime classpath, then the jars of each layer module it lists,
     * in its order.
     *
     * @throws SpartaUserException when a layer module's jars cannot be resolved
     */
    public static List<Path> functionClasspath(
            LambdaFunction function, List<Path> classpath, io.sparta.core.archive.LayerModules layerModules)
            throws io.sparta.core.common.SpartaUserException {
        List<Path> paths = new ArrayList<>(classpath);
        for (String layer : function.options().layers()) {
            if (layerModules.names().contains(layer)) {
                paths.addAll(layerModules.files(layer));
            }
        }
        return paths;
    }

    /**
     * What the scan reads supertypes from: the runtime classpath and the provided dependencies' jars, those of the
     * layer modules among them, without resolving any layer module.
     */
    public static List<Path> scanClasspath(List<Path> classpath, io.sparta.core.archive.LayerModules layerModules) {
        List<Path> paths = new ArrayList<>(classpath);
        paths.addAll(layerModules.providedJars());
        return paths;
    }

    /**
     * The command that starts a JVM for one function, as Lambda's Java runtime starts it: its memory as the heap
     * limit, the serial collector, and tiered compilation stopped at C1 where {@link #stopsAtC1} says Lambda does;
     * the user's classpath first, Sparta's runtime after it.
     */
    public static List<String> command(
            Path java,
            LambdaFunction function,
            List<Path> classpath,
            List<Path> runtimeJars,
            String mainClass,
            String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(java.toString(), "-Xmx" + function.memory() + "m", "-XX:+UseSerialGC"));
        if (stopsAtC1(function)) {
            command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        }
        command.addAll(List.of(
                "-cp",
                Stream.concat(classpath.stream(), runtimeJars.stream())
                        .map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Whether Lambda runs this function's JVM with tiered compilation stopped at level 1 (C1 only): the java17 and
     * java21 runtimes always do, java25 unless SnapStart or provisioned concurrency runs the init ahead of any
     * invocation (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html). A {@code JAVA_TOOL_OPTIONS}
     * that sets either flag itself is left to decide, as it is read before the command line and would lose to it.
     */
    static boolean stopsAtC1(LambdaFunction function) {
        String toolOptions = function.environment().getOrDefault(FunctionDefaults.JAVA_TOOL_OPTIONS, "");
        if (toolOptions.contains("TieredStopAtLevel") || toolOptions.contains("TieredCompilation")) {
            return false;
        }
        return switch (function.runtime()) {
            case JAVA17, JAVA21 -> true;
            case JAVA25 -> !function.options().snapStart() && function.options().provisionedConcurrency() == 0;
        };
    }
}
