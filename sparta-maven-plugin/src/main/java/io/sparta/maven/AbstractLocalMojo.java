package io.sparta.maven;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import io.sparta.api.OwnedResource;
import io.sparta.core.archive.LayerModules;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.Environments;
import io.sparta.core.model.ServiceSettings;
import io.sparta.local.LocalRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/** What the goals that run functions on this machine share: the classpath, the runtime and the environment. */
abstract class AbstractLocalMojo extends AbstractModelMojo {

    /**
     * The region the functions believe they run in, and, with {@code -Dsparta.remote} or
     * {@code -Dsparta.resourcesFromStack}, the region of the deployed stack. Defaults to AWS_REGION, then us-east-1.
     */
    @Parameter(property = "sparta.region")
    String region;

    /** With {@code -Dsparta.remote} or {@code -Dsparta.resourcesFromStack}: the named profile, as the AWS goals. */
    @Parameter(property = "sparta.profile")
    String profile;

    /** With {@code -Dsparta.remote} or {@code -Dsparta.resourcesFromStack}: the endpoint, as the AWS goals. */
    @Parameter(property = "sparta.endpoint")
    String endpoint;

    /** With {@code -Dsparta.remote} or {@code -Dsparta.resourcesFromStack}: attempts per AWS call. */
    @Parameter(property = "sparta.maxAttempts", defaultValue = "10")
    int maxAttempts;

    /**
     * Take the {@code SPARTA_*} variables (where the service's tables, queues, buckets, topics and streams are) from
     * each deployed function of the stack ({@code -Dsparta.environment} picks an environment's), so the local run
     * uses the real resources; a variable set in the shell still wins.
     */
    @Parameter(property = "sparta.resourcesFromStack", defaultValue = "false")
    boolean resourcesFromStack;

    /**
     * The environment a goal acts on ({@code provision}, {@code status}, {@code delete}, {@code logs}, and the values
     * {@code invoke} and {@code serve} give functions); without it, the service's own stack and values.
     */
    @Parameter(property = "sparta.environment")
    String targetEnvironment;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Maven's resolver, which resolves each layer module as a graph of its own. */
    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    /** The layer modules a function may name: the module's provided dependencies, resolved when named. */
    LayerModules layerModules() {
        return new LayerModuleResolver(repositorySystem, repositorySession, project);
    }

    /** The deployed stack's region and credentials, as the AWS goals read them. */
    io.sparta.core.deploy.AwsTarget awsTarget() throws SpartaUserException {
        return AwsSettings.target(region, profile, endpoint, maxAttempts);
    }

    /**
     * What every local timeout is multiplied by, 0.1 to 100: the function's timeout, init's 10-second budget and the
     * API's integration timeout, so a slow or busy machine gives a function the time Lambda would.
     */
    @Parameter(property = "sparta.timeoutScale", defaultValue = "1")
    String timeoutScale;

    /** The timeout scale, checked. */
    double localTimeoutScale() throws SpartaUserException {
        return io.sparta.core.local.LocalLimits.timeoutScale(timeoutScale);
    }

    /** The region, checked like the AWS goals' own. */
    String localRegion() throws SpartaUserException {
        if (present(region).isPresent()) {
            return io.sparta.core.deploy.AwsTarget.region("<region> (-Dsparta.region)", region);
        }
        if (present(System.getenv("AWS_REGION")).isPresent()) {
            return io.sparta.core.deploy.AwsTarget.region("AWS_REGION", System.getenv("AWS_REGION"));
        }
        return "us-east-1";
    }

    List<Path> runtimeClasspath() throws SpartaUserException {
        try {
            return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new SpartaUserException("The project's runtime dependencies are not resolved: " + e.getMessage(), e);
        }
    }

    /** Sparta's local runtime and the Lambda libraries it needs, placed after the user's classpath. */
    static List<Path> runtimeJars() {
        return List.of(jarOf(LocalRunner.class), jarOf(Context.class), jarOf(PojoSerializer.class));
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The developer's variables a local function may see: AWS credentials and region, where declared resources are
     * ({@code SPARTA_*}), HOME, TMPDIR, and the service's secrets, which are never fetched to this machine.
     */
    Map<String, String> passThroughEnvironment(Console console) {
        Set<String> secrets = new TreeSet<>(serviceSettings().secrets().keySet());
        serviceSettings()
                .environments()
                .forEach(environment -> secrets.addAll(environment.secrets().keySet()));
        Map<String, String> passed = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("AWS_")
                    || name.startsWith(OwnedResource.ENVIRONMENT_PREFIX)
                    || name.equals("HOME")
                    || name.equals("TMPDIR")
                    || secrets.contains(name)) {
                passed.put(name, value);
            }
        });
        secrets.stream()
                .filter(name -> !passed.containsKey(name))
                .forEach(name -> console.warn(name + " is a secret CloudFormation reads at deploy time and is not"
                        + " fetched here; set " + name + " in your shell to give the function a value locally"));
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

    /** The service as the target environment's functions see it, or with its own values. */
    ServiceSettings localSettings() throws SpartaUserException {
        ServiceSettings settings = serviceSettings();
        return targetEnvironment(targetEnvironment)
                .map(environment -> Environments.select(settings, environment))
                .orElseGet(() -> Environments.own(settings));
    }
}
