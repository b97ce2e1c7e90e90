package io.sparta.core.local;

import io.sparta.core.model.ServiceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One local invocation.
 *
 * @param classpath the user's runtime classpath, compiled classes first
 * @param runtimeJars Sparta's local runtime and the Lambda libraries it needs, placed after the user's
 * @param java the {@code java} executable to start
 * @param layerModules the jars of each layer module a function may list, by artifactId, which the functions that
 *     list it have after their own classpath, as Lambda puts layers after the function's code
 * @param timeoutScale what every local timeout is multiplied by ({@link io.sparta.core.local.LocalLimits#timeoutScale})
 * @param passThroughEnvironment variables of the developer's shell the function may need (AWS credentials, HOME)
 * @param workDirectory where the event and result files go
 */
public record InvokeRequest(
        Path classesDirectory,
        List<Path> classpath,
        List<Path> runtimeJars,
        Path java,
        ServiceSettings settings,
        String functionName,
        byte[] event,
        String region,
        Map<String, String> passThroughEnvironment,
        Path workDirectory,
        io.sparta.core.archive.LayerModules layerModules,
        double timeoutScale) {

    public InvokeRequest {
        classpath = List.copyOf(classpath);
        runtimeJars = List.copyOf(runtimeJars);
        passThroughEnvironment = Map.copyOf(passThroughEnvironment);
        if (!(timeoutScale > 0)) {
            throw new IllegalArgumentException("timeoutScale must be positive: " + timeoutScale);
        }
    }
}
