package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.model.InvalidServiceException;
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
            throws InvalidServiceException, IOException {
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
     * The command that starts a JVM for one function: its memory as the heap limit and the serial collector, as
     * Lambda's Java runtime runs it; the user's classpath first, Sparta's runtime after it.
     */
    public static List<String> command(
            Path java,
            LambdaFunction function,
            List<Path> classpath,
            List<Path> runtimeJars,
            String mainClass,
            String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx" + function.memory() + "m",
                "-XX:+UseSerialGC",
                "-cp",
                Stream.concat(classpath.stream(), runtimeJars.stream())
                        .map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }
}
