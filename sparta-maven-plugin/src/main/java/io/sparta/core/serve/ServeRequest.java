package io.sparta.core.serve;

import io.sparta.core.model.ServiceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What sparta:serve serves and where.
 *
 * @param classesDirectory the module's compiled classes, watched for changes
 * @param classpath the user's runtime classpath, compiled classes first
 * @param runtimeJars Sparta's local runtime and the Lambda libraries it needs
 * @param layerModules the jars of each layer module a function may list, by artifactId, which the functions that
 *     list it have after their own classpath, as Lambda puts layers after the function's code
 * @param timeoutScale what every local timeout is multiplied by ({@link io.sparta.core.local.LocalLimits#timeoutScale})
 * @param passThroughEnvironment variables of the developer's shell the functions may need (AWS credentials, HOME)
 * @param port the port to listen on; 0 picks a free one
 * @param jwks a JSON Web Key Set file whose keys verify every JWT and Cognito authorizer's tokens instead of the
 *     issuers' own; null to read each issuer's keys
 */
public record ServeRequest(
        Path classesDirectory,
        List<Path> classpath,
        List<Path> runtimeJars,
        Path java,
        ServiceSettings settings,
        String region,
        Map<String, String> passThroughEnvironment,
        String host,
        int port,
        io.sparta.core.archive.LayerModules layerModules,
        double timeoutScale,
        Path jwks) {

    /** A request that reads each issuer's own keys. */
    public ServeRequest(
            Path classesDirectory,
            List<Path> classpath,
            List<Path> runtimeJars,
            Path java,
            ServiceSettings settings,
            String region,
            Map<String, String> passThroughEnvironment,
            String host,
            int port,
            io.sparta.core.archive.LayerModules layerModules,
            double timeoutScale) {
        this(
                classesDirectory,
                classpath,
                runtimeJars,
                java,
                settings,
                region,
                passThroughEnvironment,
                host,
                port,
                layerModules,
                timeoutScale,
                null);
    }

    public ServeRequest {
        classpath = List.copyOf(classpath);
        runtimeJars = List.copyOf(runtimeJars);
        passThroughEnvironment = Map.copyOf(passThroughEnvironment);
        if (!(timeoutScale > 0)) {
            throw new IllegalArgumentException("timeoutScale must be positive: " + timeoutScale);
        }
    }
}
