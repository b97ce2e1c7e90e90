package io.sparta.core.model;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.annotations.processing.ResourceKind;
import io.sparta.annotations.processing.ResourceRules;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.annotations.processing.RouteTable;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.core.scan.HandlerSite;
import io.sparta.core.scan.ScannedClasses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Validates the scanned declarations and the service settings and builds the {@link ServiceModel}. */
public final class ServiceModelBuilder {

    /** @throws InvalidServiceException listing every problem found, not only the first */
    public ServiceModel build(ServiceSettings settings, ScannedClasses scanned) throws InvalidServiceException {
        List<String> problems = new ArrayList<>();
        checkSettings(settings, problems);
        ResourceTable<String> declared = new ResourceTable<>();
        List<OwnedResource> resources =
                DeclaredResources.read(scanned.resources(), settings.stackName(), declared, problems);
        List<LambdaFunction> functions = new ArrayList<>();
        RouteTable routes = new RouteTable();
        for (HandlerSite site : scanned.functions()) {
            problems.addAll(HandlerRules.problems(site));
            functions.add(function(site, settings, routes, declared, resources, problems));
        }
        declared.unresolved().forEach(problem -> problems.add(problem.where() + ": " + problem.message()));
        checkUnique(functions, settings, problems);
        checkRestCors(functions, settings, problems);
        if (!problems.isEmpty()) {
            throw new InvalidServiceException(problems);
        }
        functions.sort((a, b) -> a.name().compareTo(b.name()));
        return new ServiceModel(
                settings.serviceName(),
                settings.stackName(),
                new TreeMap<>(settings.tags()),
                new TreeMap<>(settings.parameters()),
                functions,
                settings.http(),
                resources);
    }

    private static LambdaFunction function(
            HandlerSite site,
            ServiceSettings settings,
            RouteTable routes,
            ResourceTable<String> declared,
            List<OwnedResource> resources,
            List<String> problems) {
        SiteAnnotations annotations = new SiteAnnotations(site, routes, declared, problems);
        Attributes attributes = new Attributes(SpartaLambda.class, site.attributes());
        String name = attributes.string("name");
        if (name.isEmpty()) {
            name = defaultName(site);
        }
        checkName(site, name, settings.stackName(), problems);
        String description = attributes.string("description");
        int memory = attributes.integer("memory");
        int timeout = attributes.integer("timeout");
        int retention = attributes.integer("logRetentionDays");
        FunctionOptions options = new FunctionOptions(
                attributes.integer("reservedConcurrency"),
                attributes.bool("tracing"),
                attributes.integer("ephemeralStorage"),
                attributes.strings("layers"),
                attributes.string("role"),
                attributes.bool("snapStart"),
                attributes.strings("subnetIds"),
                attributes.strings("securityGroupIds"),
                tags(attributes),
                attributes.string("onFailure"));
        List<Map<String, Object>> tagEntries = attributes.annotations("tags");
        Stream.of(
                        FunctionRules.vpc(options.subnetIds(), options.securityGroupIds()),
                        FunctionRules.tags(
                                tagEntries.stream()
                                        .map(tag -> String.valueOf(tag.get("key")))
                                        .toList(),
                                tagEntries.stream()
                                        .map(tag -> String.valueOf(tag.get("value")))
                                        .toList()),
                        onFailure(options.onFailure(), site, declared))
                .flatMap(Optional::stream)
                .forEach(problem -> problems.add(site.location() + ": " + problem));
        Stream.of(
                        FunctionRules.description(description),
                        FunctionRules.memory(memory),
                        FunctionRules.timeout(timeout),
                        FunctionRules.logRetentionDays(retention),
                        FunctionRules.reservedConcurrency(options.reservedConcurrency()),
                        FunctionRules.ephemeralStorage(options.ephemeralStorage()),
                        FunctionRules.layers(options.layers()),
                        FunctionRules.role(options.role()),
                        FunctionRules.snapStart(options.snapStart(), options.ephemeralStorage()))
                .flatMap(Optional::stream)
                .forEach(problem -> problems.add(site.location() + ": " + problem));
        String handler = site.methodName() == null ? site.className() : site.className() + "::" + site.methodName();
        return new LambdaFunction(
                name,
                logicalIdPrefix(name),
                handler,
                site.location(),
                description,
                memory,
                timeout,
                attributes.enumeration("runtime", LambdaRuntime.class),
                attributes.enumeration("architecture", Architecture.class),
                environment(
                        site,
                        attributes,
                        settings,
                        discoverable(annotations, resources, settings.stackName()),
                        problems),
                retention,
                options,
                annotations.triggers,
                annotations.access());
    }

    private static String defaultName(HandlerSite site) {
        String simple = site.className()
                .substring(site.className().lastIndexOf('.') + 1)
                .replace('$', '-');
        return site.methodName() == null ? simple : simple + "-" + site.methodName();
    }

    private static void checkName(HandlerSite site, String name, String stackName, List<String> problems) {
        Optional<String> problem = FunctionRules.name(name);
        if (problem.isPresent()) {
            problems.add(site.location() + ": " + problem.get());
            return;
        }
        int deployedLength = stackName.length() + 1 + name.length();
        if (deployedLength > FunctionRules.FUNCTION_NAME_MAX) {
            problems.add(site.location() + ": name = \"" + name + "\" makes the deployed function name \""
                    + stackName + "-" + name + "\" " + deployedLength + " characters long; Lambda allows at most "
                    + FunctionRules.FUNCTION_NAME_MAX + ", so shorten the name (at most "
                    + Math.max(0, FunctionRules.FUNCTION_NAME_MAX - stackName.length() - 1) + " characters here) or the"
                    + " stackName");
        }
    }

    private static TreeMap<String, String> tags(Attributes attributes) {
        TreeMap<String, String> tags = new TreeMap<>();
        attributes
                .annotations("tags")
                .forEach(tag -> tags.put(String.valueOf(tag.get("key")), String.valueOf(tag.get("value"))));
        return tags;
    }

    /** A declared queue or topic, resolved with the other references, or a queue's or topic's ARN. */
    private static Optional<String> onFailure(String onFailure, HandlerSite site, ResourceTable<String> declared) {
        if (ResourceRules.isArn(onFailure)) {
            return ResourceRules.onFailureArn(onFailure);
        }
        if (!onFailure.isEmpty()) {
            declared.refer(
                    onFailure,
                    List.of(ResourceKind.QUEUE, ResourceKind.TOPIC),
                    false,
                    "@SpartaLambda onFailure",
                    site.location());
        }
        return Optional.empty();
    }

    /**
     * Where each declared resource the function uses is, for {@code Discover}: its name (a queue's URL, a topic's
     * ARN), through a reference CloudFormation resolves.
     */
    private static Map<String, String> discoverable(
            SiteAnnotations annotations, List<OwnedResource> resources, String stackName) {
        Map<String, String> variables = new TreeMap<>();
        resources.stream()
                .filter(resource -> annotations.usedResources.contains(resource.name()))
                .forEach(resource -> variables.put(resource.environmentVariable(), physicalName(resource, stackName)));
        return variables;
    }

    /**
     * A reference CloudFormation resolves to the resource's name; a bucket's name spelled out, since its
     * notifications depend on the functions, which must not depend on it in turn.
     */
    private static String physicalName(OwnedResource resource, String stackName) {
        return resource instanceof OwnedResource.Bucket bucket
                ? bucket.physicalName(stackName)
                : "${" + resource.logicalId() + "}";
    }

    /** The service-wide variables, then the function's own, which win over them, then Sparta's own. */
    private static TreeMap<String, String> environment(
            HandlerSite site,
            Attributes attributes,
            ServiceSettings settings,
            Map<String, String> discoverable,
            List<String> problems) {
        TreeMap<String, String> own = new TreeMap<>();
        for (Map<String, Object> entry : attributes.annotations("environment")) {
            String key = String.valueOf(entry.get("name"));
            String value = String.valueOf(entry.get("value"));
            checkVariable(site.location(), key, value, settings, problems);
            if (own.put(key, value) != null) {
                problems.add(site.location() + ": environment variable " + key + " is declared twice");
            }
        }
        TreeMap<String, String> variables = new TreeMap<>(settings.environment());
        variables.putAll(own);
        discoverable.keySet().stream()
                .filter(variables::containsKey)
                .forEach(name -> problems.add(site.location() + ": environment variable " + name
                        + " is Sparta's, for Discover; choose another name"));
        variables.putAll(discoverable);
        int bytes = variables.entrySet().stream()
                .mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        if (bytes > Limits.ENVIRONMENT_BYTES_MAX) {
            problems.add(site.location() + ": environment variables take " + bytes + " bytes; Lambda allows at most "
                    + Limits.ENVIRONMENT_BYTES_MAX);
        }
        return variables;
    }

    /** @param location where the variable is declared: {@code acme.Hello#handle}, or {@code <environment>} */
    private static void checkVariable(
            String location, String key, String value, ServiceSettings settings, List<String> problems) {
        FunctionRules.environmentName(key).ifPresent(problem -> problems.add(location + ": " + problem));
        Matcher reference = Limits.SUBSTITUTION.matcher(value);
        while (reference.find()) {
            String referenced = reference.group(1);
            if (!settings.parameters().containsKey(referenced) && !Limits.PSEUDO_PARAMETERS.contains(referenced)) {
                problems.add(location + ": environment variable " + key + " refers to ${" + referenced
                        + "}, which is neither a <parameters> entry nor one of " + Limits.PSEUDO_PARAMETERS
                        + "; write ${!" + referenced + "} for a literal");
            }
        }
    }

    private static void checkSettings(ServiceSettings settings, List<String> problems) {
        CorsRules.check(settings.http(), problems);
        settings.environment().forEach((key, value) -> checkVariable("<environment>", key, value, settings, problems));
        if (!Limits.SERVICE_NAME.matcher(settings.serviceName()).matches()) {
            problems.add("<serviceName> \"" + settings.serviceName() + "\" must be 1 to 128 letters, digits, '.', '-'"
                    + " or '_', starting with a letter or digit");
        }
        String stackName = settings.stackName();
        if (!Limits.STACK_NAME.matcher(stackName).matches() || stackName.length() > Limits.STACK_NAME_MAX) {
            problems.add("<stackName> \"" + stackName + "\" must be 1 to " + Limits.STACK_NAME_MAX
                    + " letters, digits or '-', starting with a letter (it defaults to the serviceName)");
        }
        if (settings.tags().size() > Limits.TAGS_MAX) {
            problems.add("<tags> holds " + settings.tags().size() + " tags; CloudFormation allows " + Limits.TAGS_MAX);
        }
        settings.tags().forEach((key, value) -> {
            if (key.isEmpty()
                    || key.length() > Limits.TAG_KEY_MAX
                    || key.toLowerCase().startsWith("aws:")) {
                problems.add("<tags> key \"" + key + "\" must be 1 to " + Limits.TAG_KEY_MAX
                        + " characters and not start with aws:");
            }
            if (value.length() > Limits.TAG_VALUE_MAX) {
                problems.add("<tags> value of " + key + " is " + value.length() + " characters; at most "
                        + Limits.TAG_VALUE_MAX);
            }
        });
        if (settings.parameters().size() > Limits.PARAMETERS_MAX - Limits.RESERVED_PARAMETERS.size()) {
            problems.add("<parameters> holds " + settings.parameters().size() + " entries; at most "
                    + (Limits.PARAMETERS_MAX - Limits.RESERVED_PARAMETERS.size()) + " fit beside Sparta's own");
        }
        settings.parameters().keySet().forEach(name -> {
            if (!Limits.PARAMETER_NAME.matcher(name).matches() || name.length() > Limits.LOGICAL_ID_MAX) {
                problems.add("<parameters> name \"" + name + "\" must be 1 to 255 letters or digits");
            } else if (Limits.RESERVED_PARAMETERS.contains(name)) {
                problems.add("<parameters> name " + name + " is reserved by Sparta; choose another");
            }
        });
    }

    /** A REST API answers preflight from a mock method, which can name one origin only. */
    private static void checkRestCors(List<LambdaFunction> functions, ServiceSettings settings, List<String> problems) {
        List<HttpRouteTrigger> restRoutes = functions.stream()
                .flatMap(function -> function.routes(ApiKind.REST).stream())
                .toList();
        if (restRoutes.isEmpty() || !settings.http().cors().enabled()) {
            return;
        }
        if (settings.http().cors().allowOrigins().size() > 1) {
            problems.add("<cors><allowOrigins> lists "
                    + settings.http().cors().allowOrigins().size() + " origins,"
                    + " but a REST API answers preflight with one; list one origin, or move the routes to the HTTP"
                    + " API (api = HTTP), which checks each origin");
        }
        restRoutes.stream()
                .filter(route -> route.method().equals("OPTIONS"))
                .forEach(route -> problems.add("REST route OPTIONS " + route.path() + " would replace the CORS"
                        + " preflight Sparta answers from <cors>; remove the route or the <cors> section"));
    }

    private static void checkUnique(List<LambdaFunction> functions, ServiceSettings settings, List<String> problems) {
        Map<String, LambdaFunction> byName = new HashMap<>();
        Map<String, LambdaFunction> byLogicalId = new HashMap<>();
        for (LambdaFunction function : functions) {
            LambdaFunction sameName = byName.putIfAbsent(function.name(), function);
            if (sameName != null) {
                problems.add("two functions are named \"" + function.name() + "\": " + sameName.source() + " and "
                        + function.source() + "; set a distinct name on one of them");
                continue;
            }
            LambdaFunction sameId = byLogicalId.putIfAbsent(function.logicalIdPrefix(), function);
            if (sameId != null) {
                problems.add("functions \"" + sameId.name() + "\" (" + sameId.source() + ") and \"" + function.name()
                        + "\" (" + function.source() + ") both map to the CloudFormation logical id "
                        + function.logicalIdPrefix() + "; rename one of them");
            }
            for (String parameter : settings.parameters().keySet()) {
                if (parameter.startsWith(function.logicalIdPrefix())) {
                    problems.add("<parameters> name " + parameter + " may clash with the resources of function \""
                            + function.name() + "\"; choose another");
                }
            }
        }
    }

    /** {@code order-api_v2} becomes {@code OrderApiV2}: CloudFormation logical ids are alphanumeric. */
    static String logicalIdPrefix(String name) {
        return Arrays.stream(name.split("[-_]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
