package io.sparta.core.model;

import io.sparta.api.HttpApiSettings;
import io.sparta.core.common.Digests;
import io.sparta.core.common.TemplateJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user configured for the service as a whole, before validation.
 *
 * @param parameters template parameters and their values; with environments, the defaults (empty: none)
 * @param environment variables every function gets; a function's own {@code @Env} of the same name wins
 * @param http the stage and CORS rules of the service's APIs
 * @param secrets function variables whose values CloudFormation reads from Secrets Manager or Parameter Store at
 *     deploy time: variable name to {@code secretsmanager:SECRET-ID[:SecretString:JSON-KEY]} or {@code ssm:NAME}
 * @param environments where the service is delivered, in promotion order; empty for one stack
 * @param secretParameters template parameters no function variable is made from, for decorators and hooks: name to
 *     the same reference forms as {@code secrets}; each becomes the NoEcho parameter {@code Secret<name>}
 * @param functionDefaults values every function takes for the attributes its annotation does not write
 * @param functionOutputs whether the template gives each function's ARN as a stack output
 */
public record ServiceSettings(
        String serviceName,
        String stackName,
        Map<String, String> tags,
        Map<String, String> parameters,
        Map<String, String> environment,
        HttpApiSettings http,
        Map<String, String> secrets,
        List<EnvironmentSettings> environments,
        Map<String, String> secretParameters,
        FunctionDefaults functionDefaults,
        boolean functionOutputs) {

    /**
     * The stack tag naming the Sparta service a stack belongs to, set on every stack Sparta deploys for a service
     * (its own, each environment's, its pipeline's): Sparta changes and deletes only stacks carrying its service's.
     */
    public static final String OWNER_TAG = "sparta:service";

    public ServiceSettings {
        tags = Map.copyOf(tags);
        parameters = Map.copyOf(parameters);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        environments = List.copyOf(environments);
        secretParameters = Map.copyOf(secretParameters);
        functionDefaults = functionDefaults == null ? FunctionDefaults.NONE : functionDefaults;
    }

    /** Settings without per-function outputs. */
    public ServiceSettings(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            Map<String, String> environment,
            HttpApiSettings http,
            Map<String, String> secrets,
            List<EnvironmentSettings> environments,
            Map<String, String> secretParameters,
            FunctionDefaults functionDefaults) {
        this(
                serviceName,
                stackName,
                tags,
                parameters,
                environment,
                http,
                secrets,
                environments,
                secretParameters,
                functionDefaults,
                false);
    }

    /** Settings without function defaults. */
    public ServiceSettings(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            Map<String, String> environment,
            HttpApiSettings http,
            Map<String, String> secrets,
            List<EnvironmentSettings> environments,
            Map<String, String> secretParameters) {
        this(
                serviceName,
                stackName,
                tags,
                parameters,
                environment,
                http,
                secrets,
                environments,
                secretParameters,
                FunctionDefaults.NONE);
    }

    /** Settings without secret template parameters. */
    public ServiceSettings(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            Map<String, String> environment,
            HttpApiSettings http,
            Map<String, String> secrets,
            List<EnvironmentSettings> environments) {
        this(serviceName, stackName, tags, parameters, environment, http, secrets, environments, Map.of());
    }

    /** Settings of a service without secrets or environments. */
    public ServiceSettings(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            Map<String, String> environment,
            HttpApiSettings http) {
        this(serviceName, stackName, tags, parameters, environment, http, Map.of(), List.of());
    }

    /**
     * Why a name is not a CloudFormation stack name, if it is not one: 1 to 128 letters, digits or '-', starting
     * with a letter.
     *
     * @param source the pom element the name came from, for the message
     */
    public static java.util.Optional<String> stackNameProblem(String source, String name) {
        return Limits.STACK_NAME.matcher(name).matches() && name.length() <= Limits.STACK_NAME_MAX
                ? java.util.Optional.empty()
                : java.util.Optional.of(source + " \"" + name + "\" must be 1 to " + Limits.STACK_NAME_MAX
                        + " letters, digits or '-', starting with a letter");
    }

    /** Settings with the default HTTP settings. */
    public ServiceSettings(
            String serviceName,
            String stackName,
            Map<String, String> tags,
            Map<String, String> parameters,
            Map<String, String> environment) {
        this(serviceName, stackName, tags, parameters, environment, HttpApiSettings.DEFAULTS);
    }

    /** Settings without a service-wide environment. */
    public ServiceSettings(
            String serviceName, String stackName, Map<String, String> tags, Map<String, String> parameters) {
        this(serviceName, stackName, tags, parameters, Map.of());
    }

    /** Equal for equal settings, whatever the maps' order: what package records and provision compares. */
    public String fingerprint() {
        return Digests.sha256(TemplateJson.bytes(canonical()));
    }

    /**
     * A fingerprint of each part of the settings, by the name of the part ({@code stackName}, {@code tags}; the HTTP
     * API's as {@code http.cors} and so on), so a changed configuration can be named part by part, without any value
     * in the manifest.
     */
    public Map<String, String> sectionFingerprints() {
        Map<String, String> sections = new TreeMap<>();
        canonical().forEach((section, value) -> {
            if (value instanceof HttpApiSettings) {
                TemplateJson.tree(value)
                        .properties()
                        .forEach(part -> sections.put(
                                "http." + part.getKey(), Digests.sha256(TemplateJson.bytes(part.getValue()))));
            } else {
                sections.put(section, Digests.sha256(TemplateJson.bytes(value)));
            }
        });
        return sections;
    }

    private Map<String, Object> canonical() {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("serviceName", serviceName);
        canonical.put("stackName", stackName);
        canonical.put("tags", new TreeMap<>(tags));
        canonical.put("parameters", new TreeMap<>(parameters));
        canonical.put("environment", new TreeMap<>(environment));
        canonical.put("http", http);
        if (functionOutputs) {
            canonical.put("functionOutputs", true);
        }
        if (!secrets.isEmpty() || !environments.isEmpty()) {
            // Only when used, so settings packaged by earlier releases keep their fingerprint.
            canonical.put("secrets", new TreeMap<>(secrets));
            canonical.put(
                    "environments",
                    environments.stream()
                            .map(e -> List.of(
                                    e.name(),
                                    e.stackName(),
                                    e.approval(),
                                    new TreeMap<>(e.parameters()),
                                    new TreeMap<>(e.variables()),
                                    new TreeMap<>(e.secrets()),
                                    new TreeMap<>(e.tags()),
                                    e.stackPolicy()))
                            .toList());
        }
        // Empty exactly when the defaults are NONE. Asked this way, not with equals(NONE): a record's first equals
        // call bootstraps its generated method, which cost more than this whole check in a package profile.
        Map<String, Object> defaults = functionDefaults.canonical();
        if (!defaults.isEmpty()) {
            canonical.put("functionDefaults", defaults);
        }
        if (!secretParameters.isEmpty()) {
            canonical.put("secretParameters", new TreeMap<>(secretParameters));
            canonical.put(
                    "environmentSecretParameters",
                    environments.stream()
                            .map(e -> new TreeMap<>(e.secretParameters()))
                            .toList());
        }
        return canonical;
    }
}
