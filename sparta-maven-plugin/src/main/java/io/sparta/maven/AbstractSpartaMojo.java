package io.sparta.maven;

import io.sparta.api.HttpApiSettings;
import io.sparta.api.SpartaDecorator;
import io.sparta.api.WorkflowHook;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.model.EnvironmentSettings;
import io.sparta.core.model.Environments;
import io.sparta.core.model.FunctionDefaults;
import io.sparta.core.model.ServiceSettings;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The settings every Sparta goal shares, and the one place core exceptions become Maven's. */
abstract class AbstractSpartaMojo extends AbstractMojo {

    /** The service's name: the prefix of its S3 keys and the default stack name. */
    @Parameter(property = "sparta.serviceName", defaultValue = "${project.artifactId}", required = true)
    String serviceName;

    /**
     * The CloudFormation stack's name, 1 to 128 letters, digits or hyphens starting with a letter. Functions are
     * deployed as {@code <stackName>-<function name>}. Defaults to the serviceName.
     */
    @Parameter(property = "sparta.stackName")
    String stackName;

    /** Tags set on the stack, and through it on every resource that supports tags. */
    @Parameter
    Map<String, String> tags = Map.of();

    /**
     * Template parameters and the values provision passes for them. Declared as String parameters; a function's
     * environment value can use one as {@code ${Name}}.
     */
    @Parameter
    Map<String, String> parameters = Map.of();

    /** Environment variables every function gets; a function's own {@code @Env} of the same name wins. */
    @Parameter
    Map<String, String> environment = Map.of();

    /**
     * Function variables whose values CloudFormation reads at deploy time from AWS Secrets Manager or Systems
     * Manager Parameter Store, so no file Sparta writes holds them: variable name to
     * {@code secretsmanager:SECRET-ID[:SecretString:JSON-KEY]} or {@code ssm:PARAMETER-NAME}.
     */
    @Parameter
    Map<String, String> secrets = Map.of();

    /**
     * Template parameters that hold a secret's reference and make no function variable, for decorators and hooks:
     * name to {@code secretsmanager:SECRET-ID[:SecretString:JSON-KEY]} or {@code ssm:PARAMETER-NAME}. Each is
     * declared as a NoEcho parameter named {@code Secret} and the name's letters and digits ({@code AdminPassword}
     * becomes {@code SecretAdminPassword}); a decorator puts the secret in a resource property with
     * {@code {"Fn::Sub": "{{resolve:${SecretAdminPassword}}}"}}, so only CloudFormation reads the value.
     */
    @Parameter
    Map<String, String> secretParameters = Map.of();

    /**
     * Values every function takes for the {@code @SpartaLambda} attributes it does not write: {@code memory},
     * {@code timeout}, {@code runtime}, {@code architecture}, {@code snapStart}, {@code tracing},
     * {@code logRetentionDays} (0: never expire) and {@code javaToolOptions}. A value on the annotation wins.
     */
    @Parameter
    FunctionDefaultsConfiguration functionDefaults;

    /**
     * The environments the service is delivered to, in promotion order; each a stack of its own made from the same
     * template and archive. See the site page "Environments and pipelines".
     */
    @Parameter
    List<EnvironmentConfiguration> environments;

    /**
     * The environment a goal acts on ({@code provision}, {@code status}, {@code delete}, {@code logs}, and the values
     * {@code invoke} and {@code serve} give functions); without it, the service's own stack and values.
     */
    @Parameter(property = "sparta.environment")
    String targetEnvironment;

    /**
     * The stage of the service's APIs: {@code $default} serves the HTTP API at its root; a REST API, which needs a
     * name, then uses {@code api}.
     */
    @Parameter(property = "sparta.httpStage", defaultValue = HttpApiSettings.DEFAULT_STAGE)
    String httpStage = HttpApiSettings.DEFAULT_STAGE;

    /** Cross-origin rules for the HTTP API, the REST API's preflight and function URLs; none by default. */
    @Parameter
    CorsConfiguration cors;

    /** Where package writes the template and manifest and provision reads them. */
    @Parameter(property = "sparta.outputDirectory", defaultValue = "${project.build.directory}/sparta", required = true)
    File outputDirectory;

    /**
     * Decorators that add CloudFormation at package time: {@code TemplateDecorator}s per function,
     * {@code ServiceDecorator}s once. Each is {@code <decorator implementation="class">} with nested elements set on
     * its fields; classes come from the plugin's {@code <dependencies>} or the reactor.
     */
    @Parameter
    List<SpartaDecorator> decorators;

    /**
     * Workflow hooks: {@code PreMarshallHook}, {@code PostMarshallHook}, {@code TemplateValidator} and
     * {@code RollbackHook} classes, each {@code <hook implementation="class">} with nested configuration.
     */
    @Parameter
    List<WorkflowHook> hooks;

    /** Skips the goal. */
    @Parameter(property = "sparta.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Maven's resolver, which resolves each layer module as a graph of its own. */
    @org.apache.maven.plugins.annotations.Component
    org.eclipse.aether.RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    org.eclipse.aether.RepositorySystemSession repositorySession;

    /** The layer modules a function may name: the module's provided dependencies, resolved when named. */
    io.sparta.core.archive.LayerModules layerModules() {
        return new LayerModuleResolver(repositorySystem, repositorySession, project);
    }

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    @Parameter(defaultValue = "${plugin.groupId}:${plugin.artifactId}", readonly = true, required = true)
    String pluginKey;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: sparta.skip is true");
            return;
        }
        try {
            run(new MavenConsole(getLog()));
        } catch (SpartaUserException | IOException | RuntimeException e) {
            MojoErrors.raise(e);
        }
    }

    abstract void run(Console console) throws SpartaUserException, IOException;

    Extensions extensions() {
        return new Extensions(decorators == null ? List.of() : decorators, hooks == null ? List.of() : hooks);
    }

    ServiceSettings serviceSettings() {
        String stack = stackName == null || stackName.isBlank() ? serviceName : stackName;
        return new ServiceSettings(
                serviceName,
                stack,
                orEmpty(tags),
                orEmpty(parameters),
                orEmpty(environment),
                new HttpApiSettings(httpStage, cors == null ? HttpApiSettings.Cors.NONE : cors.toCors()),
                orEmpty(secrets),
                environments == null
                        ? List.of()
                        : environments.stream()
                                .map(EnvironmentConfiguration::toSettings)
                                .toList(),
                orEmpty(secretParameters),
                functionDefaults == null ? FunctionDefaults.NONE : functionDefaults.toDefaults());
    }

    /** The environment {@code -Dsparta.environment} names, if any. */
    Optional<EnvironmentSettings> targetEnvironment() throws SpartaUserException {
        if (targetEnvironment == null || targetEnvironment.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Environments.named(serviceSettings(), targetEnvironment.trim()));
    }

    /** The stack the goal acts on: the target environment's, else the service's. */
    String targetStackName() throws SpartaUserException {
        ServiceSettings settings = serviceSettings();
        return targetEnvironment()
                .map(environment -> Environments.stackName(settings, environment))
                .orElse(settings.stackName());
    }

    /** A configured string, empty when unset or blank, trimmed. */
    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Maven leaves a map unset when the pom has an empty element for it, and an entry's value null when its
     * element is empty ({@code <Stage></Stage>}): both read as empty here.
     */
    static Map<String, String> orEmpty(Map<String, String> configured) {
        if (configured == null) {
            return Map.of();
        }
        Map<String, String> values = new java.util.TreeMap<>();
        configured.forEach((key, value) -> values.put(key, value == null ? "" : value));
        return values;
    }
}
