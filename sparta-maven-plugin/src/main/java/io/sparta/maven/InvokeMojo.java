package io.sparta.maven;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import io.sparta.core.Console;
import io.sparta.core.SpartaUserException;
import io.sparta.core.local.InvokeRequest;
import io.sparta.core.local.LocalInvoker;
import io.sparta.core.local.SampleEvents;
import io.sparta.local.LocalRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs one function on this machine, in a fresh JVM with the project's runtime classpath, the function's
 * environment and a Lambda-like Context, and prints its response. No AWS, no Docker. Run after compile:
 * {@code mvn compile sparta:invoke -Dsparta.function=NAME -Dsparta.event=event.json}.
 */
@Mojo(name = "invoke", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class InvokeMojo extends AbstractSpartaMojo {

    /** The function to run, by its name in the service. */
    @Parameter(property = "sparta.function", required = true)
    String function;

    /** A file holding the event, or {@code -} to read it from standard input. */
    @Parameter(property = "sparta.event")
    String event;

    /**
     * A generated sample event instead of a file: apigw-v1, apigw-v2, cloudwatch-logs, dynamodb, eventbridge,
     * kinesis, s3, schedule, sns or sqs.
     */
    @Parameter(property = "sparta.sampleEvent")
    String sampleEvent;

    /** The region the function believes it runs in. */
    @Parameter(property = "sparta.region", defaultValue = "us-east-1")
    String region;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        new LocalInvoker(console)
                .invoke(new InvokeRequest(
                        classesDirectory.toPath(),
                        runtimeClasspath(),
                        List.of(jarOf(LocalRunner.class), jarOf(Context.class), jarOf(PojoSerializer.class)),
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        serviceSettings(),
                        function,
                        eventBytes(),
                        region,
                        passThroughEnvironment(),
                        outputDirectory.toPath().resolve("invoke")));
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
            Path file = Path.of(event);
            if (!Files.isRegularFile(file)) {
                throw new SpartaUserException("-Dsparta.event=" + event + ": no such file");
            }
            return Files.readAllBytes(file);
        }
        return "{}".getBytes();
    }

    private List<Path> runtimeClasspath() throws SpartaUserException {
        try {
            return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new SpartaUserException("The project's runtime dependencies are not resolved: " + e.getMessage(), e);
        }
    }

    /** Credentials and home, so a function that calls AWS locally acts as the developer. */
    private static Map<String, String> passThroughEnvironment() {
        Map<String, String> passed = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("AWS_") || name.equals("HOME") || name.equals("TMPDIR")) {
                passed.put(name, value);
            }
        });
        return passed;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + type, e);
        }
    }
}
