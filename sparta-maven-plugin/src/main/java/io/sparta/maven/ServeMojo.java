package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.serve.LocalApiServer;
import io.sparta.core.serve.ServeRequest;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Serves the service's HTTP and REST API routes on this machine until stopped with Ctrl-C: each request becomes
 * the API Gateway proxy event the deployed API would send, run in a warm JVM per function with its environment.
 * Recompile in another terminal or the IDE and the next request runs the new classes. No AWS, no Docker:
 * {@code mvn compile sparta:serve}.
 */
@Mojo(
        name = "serve",
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true,
        configurator = SpartaConfigurator.HINT)
public class ServeMojo extends AbstractLocalMojo {

    /** The port to listen on; 0 picks a free one. */
    @Parameter(property = "sparta.port", defaultValue = "8080")
    int port;

    /** The address to listen on; the loopback address keeps the functions off the network. */
    @Parameter(property = "sparta.host", defaultValue = "127.0.0.1")
    String host;

    /**
     * A JSON Web Key Set file (the shape of an issuer's {@code jwks_uri} document) whose public keys verify the tokens
     * of every JWT and Cognito authorizer, instead of the keys each issuer publishes: for tokens signed by a test key,
     * or working offline. Unset, serve reads {@code <issuer>/.well-known/openid-configuration}.
     */
    @Parameter(property = "sparta.serve.jwks")
    java.io.File jwks;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        ServeRequest request = new ServeRequest(
                classesDirectory.toPath(),
                runtimeClasspath(),
                runtimeJars(),
                java(),
                localSettings(),
                localRegion(),
                passThroughEnvironment(console),
                host,
                port,
                layerModules(),
                localTimeoutScale(),
                jwks == null ? null : jwks.toPath());
        LocalApiServer.serveUntilStopped(
                request, console, resourcesFromStack ? Optional.of(awsTarget()) : Optional.empty());
    }
}
