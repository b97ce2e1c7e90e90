package io.sparta.core.model;

import io.sparta.annotations.processing.FunctionRules;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.template.ServiceTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Environments and secrets: one template for every environment, the differences carried by template parameters
 * whose values each environment's CloudFormation template configuration file gives (see
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-cfn-artifacts.html">CloudFormation
 * artifacts in CodePipeline</a>). A function variable that environments set becomes the parameter
 * {@code Var<NAME>}; a secret becomes the NoEcho parameter {@code Secret<NAME>}, whose value is only the reference
 * CloudFormation resolves at deploy time (a dynamic reference), never the secret.
 */
public final class Environments {

    /** Prefix of the parameters that carry a function variable environments set. */
    public static final String VARIABLE_PARAMETER_PREFIX = "Var";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern SECRETS_MANAGER =
            Pattern.compile("secretsmanager:[A-Za-z0-9/_+=.@:-]+?(?::SecretString(?::[^:{}\\s]*){0,3})?");
    private static final Pattern SSM = Pattern.compile("ssm:[A-Za-z0-9_./-]{1,2048}(?::\\d+)?");

    private Environments() {}

    /** The parameter that carries a function variable environments set: {@code GREETING} → {@code VarGREETING}. */
    public static String variableParameter(String variable) {
        return VARIABLE_PARAMETER_PREFIX + variable.replaceAll("[^A-Za-z0-9]", "");
    }

    /** The NoEcho parameter that carries a secret's reference: {@code DB_PASSWORD} → {@code SecretDBPASSWORD}. */
    public static String secretParameter(String variable) {
        return ServiceTemplate.SECRET_PARAMETER_PREFIX + variable.replaceAll("[^A-Za-z0-9]", "");
    }

    /**
     * The environment a goal is pointed at with {@code -Dsparta.environment}.
     *
     * @throws SpartaUserException naming the declared environments, or saying there are none
     */
    public static EnvironmentSettings named(ServiceSettings settings, String name) throws SpartaUserException {
        return named(settings.environments(), name);
    }

    /**
     * The environment a goal is pointed at with {@code -Dsparta.environment}, among those declared: for the goals
     * that know the service only by its stacks (status, logs, delete).
     *
     * @throws SpartaUserException naming the declared environments, or saying there are none
     */
    public static EnvironmentSettings named(List<EnvironmentSettings> environments, String name)
            throws SpartaUserException {
        return environments.stream()
                .filter(environment -> environment.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new SpartaUserException(
                        environments.isEmpty()
                                ? "-Dsparta.environment=" + name + " names an environment, but the pom declares no"
                                        + " <environments>; drop the property, or declare them (see the site page"
                                        + " \"Environments and pipelines\")"
                                : "-Dsparta.environment=" + name + " names no environment; declared in"
                                        + " <environments>: "
                                        + environments.stream()
                                                .map(EnvironmentSettings::name)
                                                .toList()
                                        + ". Run again with "
                                        + environments.stream()
                                                .map(environment -> "-Dsparta.environment=" + environment.name())
                                                .collect(Collectors.joining(" or "))));
    }

    /** The pipeline's stack when {@code <pipeline>} names none: reserved, so no environment replaces it. */
    public static String defaultPipelineStack(ServiceSettings settings) {
        return settings.serviceName() + "-pipeline";
    }

    /** The service's own stack and values, for a goal given no environment: no environment templated in. */
    public static ServiceSettings own(ServiceSettings settings) {
        return settings.environments().isEmpty()
                ? settings
                : new ServiceSettings(
                        settings.serviceName(),
                        settings.stackName(),
                        settings.tags(),
                        settings.parameters(),
                        settings.environment(),
                        settings.http(),
                        settings.secrets(),
                        List.of(),
                        settings.secretParameters(),
                        settings.functionDefaults(),
                        settings.functionOutputs());
    }

    /** The environment's stack: its own name, or the service's stack name and the environment's. */
    public static String stackName(ServiceSettings settings, EnvironmentSettings environment) {
        return stackName(settings.stackName(), environment);
    }

    /** The environment's stack: its own name, or the service's stack name and the environment's. */
    public static String stackName(String serviceStackName, EnvironmentSettings environment) {
        return environment.stackName().isEmpty()
                ? serviceStackName + "-" + environment.name()
                : environment.stackName();
    }

    /**
     * The settings the template is made from: variables that environments set and secrets replaced by parameter
     * references, the parameters added with the service's own values as defaults. Unchanged for a service with
     * neither environments nor secrets, so its template stays what it was.
     */
    public static ServiceSettings templated(ServiceSettings settings) {
        if (settings.environments().isEmpty()
                && settings.secrets().isEmpty()
                && settings.secretParameters().isEmpty()) {
            return settings;
        }
        Map<String, String> parameters = new TreeMap<>(settings.parameters());
        Map<String, String> variables = new TreeMap<>(settings.environment());
        for (String variable : keys(settings, EnvironmentSettings::variables)) {
            String parameter = variableParameter(variable);
            parameters.put(parameter, settings.environment().getOrDefault(variable, ""));
            variables.put(variable, "${" + parameter + "}");
        }
        Set<String> secrets = new TreeSet<>(settings.secrets().keySet());
        secrets.addAll(keys(settings, EnvironmentSettings::secrets));
        for (String secret : secrets) {
            String parameter = secretParameter(secret);
            parameters.put(parameter, settings.secrets().getOrDefault(secret, ""));
            // Fn::Sub puts the reference in place; CloudFormation then resolves it, and no file holds the value.
            variables.put(secret, "{{resolve:${" + parameter + "}}}");
        }
        Set<String> secretParameters = new TreeSet<>(settings.secretParameters().keySet());
        secretParameters.addAll(keys(settings, EnvironmentSettings::secretParameters));
        for (String name : secretParameters) {
            // Declared only: decorators and hooks resolve it where they use it, and no variable is made from it.
            parameters.put(secretParameter(name), settings.secretParameters().getOrDefault(name, ""));
        }
        return new ServiceSettings(
                settings.serviceName(),
                settings.stackName(),
                settings.tags(),
                parameters,
                variables,
                settings.http(),
                settings.secrets(),
                settings.environments(),
                settings.secretParameters(),
                settings.functionDefaults(),
                settings.functionOutputs());
    }

    /**
     * The service as one environment sees it, for running its functions on this machine: that environment's stack
     * name and values in place of the defaults, and no environments left to template.
     */
    public static ServiceSettings select(ServiceSettings settings, EnvironmentSettings environment) {
        Map<String, String> parameters = new TreeMap<>(settings.parameters());
        parameters.putAll(environment.parameters());
        Map<String, String> variables = new TreeMap<>(settings.environment());
        variables.putAll(environment.variables());
        Map<String, String> secrets = new TreeMap<>(settings.secrets());
        secrets.putAll(environment.secrets());
        Map<String, String> secretParameters = new TreeMap<>(settings.secretParameters());
        secretParameters.putAll(environment.secretParameters());
        Map<String, String> tags = new TreeMap<>(settings.tags());
        tags.putAll(environment.tags());
        return new ServiceSettings(
                settings.serviceName(),
                stackName(settings, environment),
                tags,
                parameters,
                variables,
                settings.http(),
                secrets,
                List.of(),
                secretParameters,
                settings.functionDefaults(),
                settings.functionOutputs());
    }

    /**
     * Each environment's template configuration: the value of every parameter the template declares (the
     * archive's location aside, which publishing adds) and the stack's tags.
     *
     * @return by environment name, in declaration order
     */
    public static Map<String, TemplateConfiguration> configurations(ServiceSettings settings) {
        ServiceSettings templated = templated(settings);
        Map<String, TemplateConfiguration> configurations = new LinkedHashMap<>();
        for (EnvironmentSettings environment : settings.environments()) {
            Map<String, String> parameters = new TreeMap<>();
            templated.parameters().forEach((name, fallback) -> parameters.put(name, fallback));
            parameters.putAll(environment.parameters());
            environment.variables().forEach((variable, value) -> parameters.put(variableParameter(variable), value));
            environment.secrets().forEach((secret, reference) -> parameters.put(secretParameter(secret), reference));
            environment
                    .secretParameters()
                    .forEach((name, reference) -> parameters.put(secretParameter(name), reference));
            Map<String, String> tags = new TreeMap<>(settings.tags());
            tags.putAll(environment.tags());
            tags.put(ServiceSettings.OWNER_TAG, settings.serviceName());
            configurations.put(
                    environment.name(),
                    new TemplateConfiguration(
                            stackName(settings, environment),
                            environment.approval(),
                            parameters,
                            tags,
                            environment.stackPolicy()));
        }
        return configurations;
    }

    /**
     * One environment's stack and what CloudFormation is given for it.
     *
     * @param parameters every template parameter's value, by name
     */
    public record TemplateConfiguration(
            String stackName,
            boolean approval,
            Map<String, String> parameters,
            Map<String, String> tags,
            String stackPolicy) {

        public TemplateConfiguration(
                String stackName, boolean approval, Map<String, String> parameters, Map<String, String> tags) {
            this(stackName, approval, parameters, tags, "");
        }

        /**
         * The file CodePipeline's CloudFormation action reads, {@code {"Parameters": ..., "Tags": ...}} and the
         * {@code StackPolicy} when there is one.
         */
        public Map<String, Object> file(Map<String, String> extraParameters) {
            Map<String, String> all = new TreeMap<>(parameters);
            all.putAll(extraParameters);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("Parameters", all);
            file.put("Tags", new TreeMap<>(tags));
            if (!stackPolicy.isEmpty()) {
                try {
                    file.put("StackPolicy", io.sparta.core.common.TemplateJson.read(stackPolicy));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("The stack policy was checked before", e);
                }
            }
            return file;
        }
    }

    /** Every problem of the environments and secrets, each naming the pom element and what to write instead. */
    static List<String> problems(ServiceSettings settings) {
        List<String> problems = new ArrayList<>();
        settings.secrets().forEach((name, reference) -> secret("<secrets>", name, reference, problems));
        settings.secretParameters()
                .forEach((name, reference) -> secretParameter("<secretParameters>", name, reference, problems));
        literalSecrets("<parameters>", settings.parameters(), problems);
        literalSecrets("<environment>", settings.environment(), problems);
        settings.secrets().keySet().stream()
                .filter(settings.environment()::containsKey)
                .forEach(name -> problems.add("<environment> and <secrets> both set " + name + "; keep it in one"));
        Set<String> names = new TreeSet<>();
        Set<String> stacks = new TreeSet<>();
        for (EnvironmentSettings environment : settings.environments()) {
            String where = "<environments> " + environment.name();
            if (!NAME.matcher(environment.name()).matches()) {
                problems.add("<environments> <name> \"" + environment.name() + "\" must be 1 to 32 lower-case letters,"
                        + " digits or '-', starting with a letter");
            }
            if (!names.add(environment.name())) {
                problems.add(where + " is declared twice; environment names are unique");
            }
            String stack = stackName(settings, environment);
            java.util.Optional<String> badStack = ServiceSettings.stackNameProblem(where + ": stack name", stack);
            if (badStack.isPresent()) {
                problems.add(badStack.get() + "; set <stackName> in the environment");
            } else if (stack.equals(settings.stackName())
                    || stack.equals(io.sparta.core.deploy.ManagedArtifactBucket.STACK_NAME)
                    || stack.equals(defaultPipelineStack(settings))) {
                problems.add(where + ": stack " + stack + " is the "
                        + (stack.equals(settings.stackName())
                                ? "service's own stack"
                                : stack.equals(defaultPipelineStack(settings))
                                        ? "pipeline's stack"
                                        : "artifact bucket's stack")
                        + "; deploying the environment would replace what is there. Set a distinct <stackName>");
            } else if (!stacks.add(stack)) {
                problems.add(where + ": stack " + stack + " is "
                        + settings.environments().stream()
                                .filter(other -> other != environment
                                        && stackName(settings, other).equals(stack))
                                .map(EnvironmentSettings::name)
                                .findFirst()
                                .orElse("another environment")
                        + "'s too; set a distinct <stackName>");
            }
            environment.parameters().keySet().stream()
                    .filter(name -> !settings.parameters().containsKey(name))
                    .forEach(name -> problems.add(where + " sets parameter " + name + ", which <parameters> does not"
                            + " declare; declare it there (with a default value, or empty for none)"));
            settings.parameters().forEach((name, fallback) -> {
                if (fallback.isEmpty() && !environment.parameters().containsKey(name)) {
                    problems.add(where + " gives no value for parameter " + name + ", which has no default in"
                            + " <parameters>");
                }
            });
            environment
                    .variables()
                    .keySet()
                    .forEach(name -> FunctionRules.environmentName(name)
                            .ifPresent(problem -> problems.add(where + " <environment>: " + problem)));
            environment.secrets().forEach((name, reference) -> secret(where + " <secrets>", name, reference, problems));
            environment
                    .secretParameters()
                    .forEach((name, reference) ->
                            secretParameter(where + " <secretParameters>", name, reference, problems));
            environment.secretParameters().keySet().stream()
                    .filter(name -> !settings.secretParameters().containsKey(name))
                    .forEach(name -> problems.add(where + " sets secret parameter " + name + ", which"
                            + " <secretParameters> does not declare; declare it there (with the reference most"
                            + " environments use)"));
            literalSecrets(where + " <parameters>", environment.parameters(), problems);
            literalSecrets(where + " <environment>", environment.variables(), problems);
            environment
                    .tags()
                    .forEach((key, value) -> FunctionRules.tag(key, value)
                            .ifPresent(problem -> problems.add(where + " <tags> " + problem)));
            stackPolicy(where, environment.stackPolicy()).ifPresent(problems::add);
        }
        sameKeys(settings, "parameters", EnvironmentSettings::parameters, problems);
        sameKeys(settings, "<environment> variables", EnvironmentSettings::variables, problems);
        sameKeys(settings, "<secrets>", EnvironmentSettings::secrets, problems);
        settings.secretParameters().forEach((name, reference) -> {
            if (reference.isEmpty()
                    && settings.environments().stream()
                            .anyMatch(e -> !e.secretParameters().containsKey(name))) {
                problems.add("<secretParameters> " + name + " has no reference, and not every environment gives it"
                        + " one; write secretsmanager:SECRET-ID or ssm:PARAMETER-NAME");
            }
        });
        // Sparta's own parameters are known by these prefixes (a Secret one is NoEcho), so none of the user's may
        // start with them, and no two variables may come to the same parameter once their punctuation is dropped.
        settings.parameters().keySet().stream()
                .filter(name -> name.startsWith(VARIABLE_PARAMETER_PREFIX)
                        || name.startsWith(ServiceTemplate.SECRET_PARAMETER_PREFIX))
                .forEach(name -> problems.add("<parameters> name " + name + " starts with "
                        + (name.startsWith(VARIABLE_PARAMETER_PREFIX)
                                ? VARIABLE_PARAMETER_PREFIX
                                : ServiceTemplate.SECRET_PARAMETER_PREFIX)
                        + ", which Sparta keeps for the parameters it makes for variables and secrets; choose"
                        + " another name"));
        Map<String, Set<String>> byParameter = new TreeMap<>();
        keys(settings, EnvironmentSettings::variables)
                .forEach(name -> byParameter
                        .computeIfAbsent(variableParameter(name), k -> new TreeSet<>())
                        .add(name));
        Set<String> secrets = new TreeSet<>(settings.secrets().keySet());
        secrets.addAll(keys(settings, EnvironmentSettings::secrets));
        secrets.forEach(name -> byParameter
                .computeIfAbsent(secretParameter(name), k -> new TreeSet<>())
                .add(name));
        Set<String> secretParameters = new TreeSet<>(settings.secretParameters().keySet());
        secretParameters.addAll(keys(settings, EnvironmentSettings::secretParameters));
        secretParameters.forEach(name -> byParameter
                .computeIfAbsent(secretParameter(name), k -> new TreeSet<>())
                .add("<secretParameters> " + name));
        byParameter.forEach((parameter, sharing) -> {
            if (sharing.size() > 1) {
                problems.add(sharing + " would share the template parameter " + parameter + " (only letters and"
                        + " digits are kept); rename one");
            }
        });
        return problems;
    }

    /** Environments must differ in values only: a key one sets and another does not is named with both. */
    private static void sameKeys(
            ServiceSettings settings,
            String what,
            Function<EnvironmentSettings, Map<String, String>> keys,
            List<String> problems) {
        Set<String> all = keys(settings, keys);
        for (EnvironmentSettings environment : settings.environments()) {
            Set<String> missing = new TreeSet<>(all);
            missing.removeAll(keys.apply(environment).keySet());
            if (!missing.isEmpty()) {
                List<String> setBy = settings.environments().stream()
                        .filter(other -> !other.name().equals(environment.name()))
                        .filter(other -> keys.apply(other).keySet().stream().anyMatch(missing::contains))
                        .map(EnvironmentSettings::name)
                        .toList();
                problems.add("<environments> " + environment.name() + " does not set " + what + " " + missing
                        + " that " + String.join(", ", setBy) + " set" + (setBy.size() == 1 ? "s" : "")
                        + "; every environment sets the same keys, with its own values");
            }
        }
    }

    private static Set<String> keys(ServiceSettings settings, Function<EnvironmentSettings, Map<String, String>> of) {
        Set<String> keys = new TreeSet<>();
        settings.environments()
                .forEach(environment -> keys.addAll(of.apply(environment).keySet()));
        return keys;
    }

    /** A stack policy: a JSON object whose {@code Statement} is a non-empty array. */
    private static java.util.Optional<String> stackPolicy(String where, String policy) {
        if (policy.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            // One JSON value and nothing after it: a second policy pasted behind the first is an error, not dropped.
            com.fasterxml.jackson.databind.JsonNode node = io.sparta.core.common.TemplateJson.readOne(policy);
            return node != null
                            && node.path("Statement").isArray()
                            && !node.path("Statement").isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(where + " <stackPolicy> must be a JSON object with a non-empty"
                            + " \"Statement\" array, such as {\"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                            + " \"Update:*\", \"Principal\": \"*\", \"Resource\": \"*\"}]}");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return java.util.Optional.of(where + " <stackPolicy> is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void secret(String where, String name, String reference, List<String> problems) {
        FunctionRules.environmentName(name).ifPresent(problem -> problems.add(where + ": " + problem));
        referenceForm(where + " " + name, reference).ifPresent(problems::add);
    }

    /** A secret template parameter: a name CloudFormation takes once prefixed, and a reference, never the value. */
    private static void secretParameter(String where, String name, String reference, List<String> problems) {
        if (!Limits.PARAMETER_NAME.matcher(name).matches()
                || name.length() + ServiceTemplate.SECRET_PARAMETER_PREFIX.length() > Limits.LOGICAL_ID_MAX) {
            problems.add(where + " name \"" + name + "\" must be 1 to "
                    + (Limits.LOGICAL_ID_MAX - ServiceTemplate.SECRET_PARAMETER_PREFIX.length())
                    + " letters or digits; the template declares it as " + ServiceTemplate.SECRET_PARAMETER_PREFIX
                    + "<name>");
        }
        if (!reference.isEmpty()) {
            referenceForm(where + " " + name, reference).ifPresent(problems::add);
        }
    }

    /** Why a secret's reference is not one CloudFormation resolves in a resource property, if it is not. */
    private static java.util.Optional<String> referenceForm(String where, String reference) {
        if (reference.startsWith("ssm-secure:")) {
            return java.util.Optional.of(where + " = \"" + reference + "\": CloudFormation resolves ssm-secure only"
                    + " for some resource properties, not Lambda variables; keep the secret in Secrets Manager and"
                    + " write secretsmanager:SECRET-ID");
        }
        if (SECRETS_MANAGER.matcher(reference).matches()
                || SSM.matcher(reference).matches()) {
            return java.util.Optional.empty();
        }
        // Never echo the value, which may be the secret itself: only an ARN or an unknown source prefix is named.
        if (reference.startsWith("arn:") && reference.contains(":secretsmanager:")) {
            return java.util.Optional.of(where + " is a Secrets Manager ARN; write it as secretsmanager:" + reference
                    + " (optionally :SecretString:JSON-KEY)");
        }
        if (reference.startsWith("arn:") && reference.contains(":ssm:") && reference.contains(":parameter/")) {
            return java.util.Optional.of(where + " is a Parameter Store ARN; write ssm:/"
                    + reference.substring(reference.indexOf(":parameter/") + ":parameter/".length()));
        }
        java.util.regex.Matcher source =
                java.util.regex.Pattern.compile("([a-z-]+):\\S").matcher(reference);
        // Only a prefix that reads as a misspelt source is named; any other text may be part of a secret.
        if (source.lookingAt()
                && (source.group(1).contains("secret")
                        || source.group(1).startsWith("ssm")
                        || source.group(1).contains("param"))) {
            return java.util.Optional.of(where + " starts with " + source.group(1) + ":, which is no source"
                    + " CloudFormation resolves; write secretsmanager:SECRET-ID[:SecretString:JSON-KEY] or"
                    + " ssm:PARAMETER-NAME");
        }
        return java.util.Optional.of(where + " must be a reference, secretsmanager:SECRET-ID[:SecretString:"
                + "JSON-KEY] or ssm:PARAMETER-NAME, not the secret itself; CloudFormation reads the value at deploy"
                + " time and no file Sparta writes holds it");
    }

    private static void literalSecrets(String where, Map<String, String> values, List<String> problems) {
        values.forEach((name, value) -> FunctionRules.literalSecret(name, value)
                .ifPresent(problem -> problems.add(where + " " + problem + "; move it to "
                        + (where.endsWith("<parameters>")
                                ? "<secretParameters> (a NoEcho template parameter " + secretParameter(name) + ")"
                                : "<secrets>")
                        + " as secretsmanager:SECRET-ID or ssm:PARAMETER-NAME, kept in AWS")));
    }
}
