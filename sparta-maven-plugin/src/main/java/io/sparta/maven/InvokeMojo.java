package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.local.InvokeRequest;
import io.sparta.core.local.LocalInvoker;
import io.sparta.core.local.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs one function on this machine, in a fresh JVM with the project's runtime classpath, the function's
 * environment and a Lambda-like Context, and prints its response. No AWS, no Docker. Run after compile:
 * {@code mvn compile sparta:invoke -Dsparta.function=NAME -Dsparta.event=event.json}.
 */
@Mojo(
        name = "invoke",
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true,
        configurator = SpartaConfigurator.HINT)
public class InvokeMojo extends AbstractLocalMojo {

    /** The function to run, by its name in the service. */
    @Parameter(property = "sparta.function", required = true)
    String function;

    /**
     * A file holding the event, or {@code -} to read it from standard input. Given neither it nor
     * {@code sampleEvent}, the event is {@code {}}.
     */
    @Parameter(property = "sparta.event")
    String event;

    /**
     * A generated sample event instead of a file: apigw-v1, apigw-v2, cloudwatch-logs, dynamodb, eventbridge,
     * kinesis, s3, schedule, sns or sqs.
     */
    @Parameter(property = "sparta.sampleEvent")
    String sampleEvent;

    /**
     * Send CloudFormation's custom resource event of this type instead: {@code Create}, {@code Update} or
     * {@code Delete}, built from the {@code @CustomResource} the function handles, with a response URL served on
     * this machine; the answer is checked against CloudFormation's protocol. Each call starts from what the one
     * before it answered (kept under {@code target/sparta/invoke/custom-resources/}), as CloudFormation would.
     * With {@code -Dsparta.resourcesFromStack}, references in the properties carry the deployed stack's resources.
     */
    @Parameter(property = "sparta.requestType")
    String requestType;

    /** With {@code requestType}, the custom resource, by name, when the function handles several. */
    @Parameter(property = "sparta.customResource")
    String customResource;

    /**
     * Invoke the deployed function instead, with the same event, and print its response and the tail of its log
     * ({@code -Dsparta.environment} picks an environment's stack).
     */
    @Parameter(property = "sparta.remote", defaultValue = "false")
    boolean remote;

    /** Where package writes the template and manifest and provision reads them. */
    @Parameter(property = "sparta.outputDirectory", defaultValue = "${project.build.directory}/sparta", required = true)
    java.io.File outputDirectory;

    @Parameter(defaultValue = "${session}", readonly = true)
    org.apache.maven.execution.MavenSession session;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        if (session != null && session.getRequest().getStartTime() != null) {
            console.info("Maven reached sparta:invoke in "
                    + (System.currentTimeMillis()
                            - session.getRequest().getStartTime().getTime()) + " ms");
        }
        if (requestType != null) {
            if (event != null || sampleEvent != null || remote) {
                throw new SpartaUserException("-Dsparta.requestType builds CloudFormation's event itself; leave out"
                        + " -Dsparta.event, -Dsparta.sampleEvent and -Dsparta.remote");
            }
            new LocalInvoker(console)
                    .invokeCustomResource(
                            request(console),
                            resourcesFromStack ? Optional.of(awsTarget()) : Optional.empty(),
                            requestType,
                            Optional.ofNullable(customResource));
            return;
        }
        new LocalInvoker(console)
                .invoke(
                        request(console),
                        remote || resourcesFromStack ? Optional.of(awsTarget()) : Optional.empty(),
                        remote);
    }

    private InvokeRequest request(Console console) throws SpartaUserException, IOException {
        return new InvokeRequest(
                classesDirectory.toPath(),
                runtimeClasspath(),
                runtimeJars(),
                java(),
                localSettings(),
                function,
                eventBytes(),
                localRegion(),
                passThroughEnvironment(console),
                outputDirectory.toPath().resolve("invoke"),
                layerModules(),
                localTimeoutScale());
    }

    private byte[] eventBytes() throws SpartaUserException, IOException {
        if (event != null && sampleEvent != null) {
            throw new SpartaUserException("Give either -Dsparta.event or -Dsparta.sampleEvent, not both");
        }
        if (sampleEvent != null) {
            return SampleEvents.named(sampleEvent);
        }
        if ("-".equals(event)) {
            return System.in.readAllBytes();
        }
        if (event != null) {
            Path file;
            try {
                // Relative to the module, as Maven resolves its own paths, so -pl and -f runs find the same file.
                file = project.getBasedir().toPath().resolve(event);
            } catch (java.nio.file.InvalidPathException e) {
                throw new SpartaUserException("-Dsparta.event=" + event + " is not a file path (" + e.getReason()
                        + "); give a JSON file, - for standard input, or -Dsparta.sampleEvent");
            }
            if (!Files.isRegularFile(file)) {
                throw new SpartaUserException("-Dsparta.event=" + event + ": no such file (" + file + "); give a JSON"
                        + " file, - for standard input, or -Dsparta.sampleEvent such as sqs");
            }
            return Files.readAllBytes(file);
        }
        return LocalInvoker.NO_EVENT;
    }
}
