package io.sparta.core.model;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.Architecture;
import io.sparta.annotations.DeploymentType;
import io.sparta.annotations.Env;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.Tag;
import io.sparta.annotations.processing.AnnotationKinds;
import io.sparta.annotations.processing.AttributeValues;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.annotations.processing.HandlerRules;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.annotations.processing.RouteTable;
import io.sparta.annotations.processing.ServiceTable;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.api.Trigger;
import io.sparta.core.scan.HandlerSite;
import io.sparta.core.scan.ScannedClasses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** Validates the scanned declarations and the service settings and builds the {@link ServiceModel}. */
public final class ServiceModelBuilder {

    /** @throws InvalidServiceException listing every problem found, not only the first */
    public ServiceModel build(ServiceSettings configured, ScannedClasses scanned) throws InvalidServiceException {
        List<String> problems = new ArrayList<>(Environments.problems(configured));
        ServiceSettings settings = Environments.templated(configured);
        checkSettings(configured, settings, problems);
        problems.addAll(settings.functionDefaults().problems());
        ResourceTable<String> declared = new ResourceTable<>();
        RouteTable routes = new RouteTable();
        ServiceTable<String> service = new ServiceTable<>();
        List<ApiAuthorizer> authorizers = new ArrayList<>();
        List<OwnedResource> resources = DeclaredResources.read(
                scanned.resources(), settings.stackName(), declared, routes, service, authorizers, problems);
        HttpApiSettings http = settings.http().withAuthorizers(authorizers);
        List<LambdaFunction> functions = new ArrayList<>();
        for (HandlerSite site : scanned.functions()) {
            handlerProblems(site).forEach(problem -> problems.add(at(site) + problem));
            functions.add(function(site, settings, routes, declared, service, resources, problems));
        }
        scanned.orphans()
                .forEach(orphan ->
                        problems.add(orphan.location() + ": " + AnnotationKinds.needsFunction("@" + orphan.type())));
        declared.unresolved().forEach(problem -> problems.add(problem.where() + ": " + problem.message()));
        service.problems().forEach(problem -> problems.add(problem.where() + ": " + problem.message()));
        // The user's own <parameters>: the ones Sparta makes for variables and secrets are named so as not to clash.
        checkUnique(functions, configured.parameters(), problems, FunctionRules::labelled);
        checkRestCors(functions, settings, problems);
        checkHooks(functions, problems);
        ApiRules.checkAuthorization(http, functions, configured, problems);
        ApiRules.checkUsed(
                http,
                functions.stream()
                        .anyMatch(function -> !function.routes(ApiKind.HTTP).isEmpty()),
                functions.stream()
                        .anyMatch(function -> !function.routes(ApiKind.REST).isEmpty()),
                problems);
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
                http,
                resources,
                settings.functionOutputs());
    }

    private static LambdaFunction function(
            HandlerSite site,
            ServiceSettings settings,
            RouteTable routes,
            ResourceTable<String> declared,
            ServiceTable<String> service,
            List<OwnedResource> resources,
            List<String> problems) {
        Set<String> used = new TreeSet<>();
        List<Trigger> triggers = new ArrayList<>();
        List<FunctionAccess.ResourceGrant> grants = new ArrayList<>();
        List<FunctionAccess.RawStatement> statements = new ArrayList<>();
        for (HandlerSite.SiteAnnotation annotation : site.triggers()) {
            AnnotationKinds.Kind kind = AnnotationKinds.named(annotation.type()).orElseThrow();
            AttributeValues values = AttributeValues.scanned(kind.annotation(), annotation.values());
            kind.check()
                    .check(
                            values,
                            new KindUse(
                                    site.location(),
                                    site.location() + ": " + kind.label() + ": ",
                                    problems,
                                    declared,
                                    routes,
                                    service,
                                    used));
            ModelReaders.Companion companion =
                    ModelReaders.reader(ModelReaders.COMPANIONS, kind).apply(values);
            Optional.ofNullable(companion.trigger()).ifPresent(triggers::add);
            Optional.ofNullable(companion.grant()).ifPresent(grants::add);
            Optional.ofNullable(companion.statement()).ifPresent(statements::add);
        }
        // Defaults with a problem are reported once, for the pom, and not repeated at every function.
        FunctionDefaults defaults =
                settings.functionDefaults().problems().isEmpty() ? settings.functionDefaults() : FunctionDefaults.NONE;
        AttributeValues attributes = AttributeValues.scanned(SpartaLambda.class, defaults.under(site.attributes()));
        FunctionRules.check(
                attributes, new KindUse(site.location(), at(site), problems, declared, routes, service, used));
        String name = attributes.string("name");
        if (name.isEmpty()) {
            name = FunctionRules.defaultName(site.className(), site.methodName());
        }
        checkDeployedName(site, name, settings.stackName(), problems);
        service.note(
                new ServiceTable.NamedFunction(
                        name, site.methodName() == null && site.classShape().extendsCustomResourceFunction()),
                site.location());
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
                attributes.string("onFailure"),
                attributes.strings("managedPolicies"),
                attributes.integer("provisionedConcurrency"),
                FunctionRules.concurrencyChanges(attributes).stream()
                        .map(change -> new FunctionOptions.ConcurrencyChange(
                                change.schedule(), change.concurrency(), change.timezone()))
                        .toList(),
                new FunctionOptions.Deployment(
                        attributes.enumeration("deployment", DeploymentType.class),
                        attributes.strings("deploymentAlarms"),
                        attributes.string("preTrafficHook"),
                        attributes.string("postTrafficHook")));
        for (String alarm : options.deployment().alarms()) {
            Limits.unknownReferences(alarm, settings.parameters().keySet())
                    .forEach(referenced -> problems.add(
                            at(site) + "deploymentAlarms = \"" + alarm + "\" " + Limits.unknownReference(referenced)));
        }
        String handler = site.methodName() == null ? site.className() : site.className() + "::" + site.methodName();
        return new LambdaFunction(
                name,
                logicalIdPrefix(name),
                handler,
                site.location(),
                attributes.string("description"),
                attributes.integer("memory"),
                attributes.integer("timeout"),
                attributes.enumeration("runtime", LambdaRuntime.class),
                attributes.enumeration("architecture", Architecture.class),
                environment(site, attributes, settings, discoverable(used, resources, settings.stackName()), problems),
                attributes.integer("logRetentionDays"),
                options,
                triggers,
                new FunctionAccess(grants, statements));
    }

    /**
     * A hook tests another function's new version and is told it in a variable, so it cannot itself be deployed
     * gradually: two functions hooking each other's deployments would wait for each other.
     */
    static void checkHooks(List<LambdaFunction> functions, List<String> problems) {
        Map<String, LambdaFunction> byName = new HashMap<>();
        functions.forEach(function -> byName.put(function.name(), function));
        for (LambdaFunction function : functions) {
            FunctionOptions.Deployment deployment = function.options().deployment();
            for (String hook : List.of(deployment.preTrafficHook(), deployment.postTrafficHook())) {
                LambdaFunction hookFunction = byName.get(hook);
                if (deployment.enabled()
                        && hookFunction != null
                        && hookFunction.options().deployment().enabled()) {
                    problems.add(function.source() + ": the hook " + hook + " has a deployment of its own ("
                            + hookFunction.options().deployment().type() + "); a hook is deployed at once, so remove"
                            + " its deployment or choose another hook");
                }
            }
        }
    }

    /** Lambda's rules for the handler's shape and signature, read from the class files. */
    private static List<String> handlerProblems(HandlerSite site) {
        HandlerSite.ClassShape type = site.classShape();
        HandlerSite.MethodShape method = site.methodShape();
        List<String> problems = new ArrayList<>(HandlerRules.problems(new HandlerRules.Shape(
                site.className(),
                site.methodName(),
                type.isPublic(),
                type.isAbstract() || type.isInterface(),
                type.isInnerNonStatic(),
                type.hasPublicNoArgConstructor(),
                type.implementsRequestHandler() || type.implementsRequestStreamHandler(),
                method != null && method.isPublic(),
                method != null && method.isStatic(),
                method == null ? 0 : method.publicOverloads())));
        if (method != null) {
            FunctionRules.signature(method.parameterTypes()).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * How each problem of a function's declaration starts: its class and method, where javac gives the source
     * position, then what javac's processor puts first too ({@code acme.Orders#place: @SpartaLambda: }).
     */
    private static String at(HandlerSite site) {
        return site.location() + ": " + FunctionRules.labelled("");
    }

    /** The name's own rules are the annotation's; only the stack's prefix, known here, can make it too long. */
    private static void checkDeployedName(HandlerSite site, String name, String stackName, List<String> problems) {
        if (FunctionRules.name(name).isEmpty()) {
            Limits.deployedName(stackName, name).ifPresent(problem -> problems.add(at(site) + problem));
        }
    }

    private static TreeMap<String, String> tags(AttributeValues attributes) {
        TreeMap<String, String> tags = new TreeMap<>();
        attributes.annotations("tags", Tag.class).forEach(tag -> tags.put(tag.string("key"), tag.string("value")));
        return tags;
    }

    /**
     * Where each declared resource the function uses is, for {@code Discover}: its name (a queue's URL, a topic's
     * ARN), through a reference CloudFormation resolves.
     */
    private static Map<String, String> discoverable(Set<String> used, List<OwnedResource> resources, String stackName) {
        Map<String, String> variables = new TreeMap<>();
        resources.stream()
                .filter(resource -> used.contains(resource.name()))
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
            AttributeValues attributes,
            ServiceSettings settings,
            Map<String, String> discoverable,
            List<String> problems) {
        TreeMap<String, String> own = new TreeMap<>();
        for (AttributeValues entry : attributes.annotations("environment", Env.class)) {
            String key = entry.string("name");
            String value = entry.string("value");
            checkSubstitutions(at(site), key, value, settings, problems);
            if (settings.secrets().containsKey(key)) {
                problems.add(site.location() + ": @Env " + key + " would replace the <secrets> variable of that name"
                        + " for this function; rename one of them");
            }
            own.putIfAbsent(key, value);
        }
        TreeMap<String, String> variables = new TreeMap<>();
        settings.functionDefaults()
                .javaToolOptions()
                .ifPresent(options -> variables.put(FunctionDefaults.JAVA_TOOL_OPTIONS, options));
        variables.putAll(settings.environment());
        variables.putAll(own);
        discoverable.keySet().stream()
                .filter(variables::containsKey)
                .forEach(name -> problems.add(
                        at(site) + "environment variable " + name + " is Sparta's, for Discover; choose another name"));
        variables.putAll(discoverable);
        Limits.environmentSize(variables).ifPresent(problem -> problems.add(at(site) + problem));
        return variables;
    }

    /**
     * Every {@code ${Name}} in a variable's value names a template parameter or a pseudo parameter.
     *
     * @param prefix where the variable is declared, as each problem starts: {@code acme.Hello#handle: @SpartaLambda: },
     *     or {@code <environment>: }
     */
    private static void checkSubstitutions(
            String prefix, String key, String value, ServiceSettings settings, List<String> problems) {
        Matcher reference = Limits.SUBSTITUTION.matcher(value);
        while (reference.find()) {
            String referenced = reference.group(1);
            if (referenced.startsWith(io.sparta.core.template.ServiceTemplate.SECRET_PARAMETER_PREFIX)
                    && settings.parameters().containsKey(referenced)) {
                problems.add(prefix + "environment variable " + key + " refers to ${" + referenced
                        + "}, which holds a secret's reference, not its value; declare the variable in <secrets> with"
                        + " that reference, and CloudFormation puts the value in place");
            } else if (!settings.parameters().containsKey(referenced)
                    && !Limits.PSEUDO_PARAMETERS.contains(referenced)) {
                problems.add(prefix + "environment variable " + key + " " + Limits.unknownReference(referenced));
            }
        }
    }

    /**
     * @param configured the settings as the pom gives them
     * @param settings the same with environments and secrets templated in, whose parameters references may name
     */
    private static void checkSettings(ServiceSettings configured, ServiceSettings settings, List<String> problems) {
        ApiRules.check(settings.http(), problems);
        ApiRules.checkDomain(configured, problems);
        configured.environment().forEach((key, value) -> {
            FunctionRules.environmentName(key).ifPresent(problem -> problems.add("<environment>: " + problem));
            checkSubstitutions("<environment>: ", key, value, settings, problems);
        });
        if (!Limits.SERVICE_NAME.matcher(settings.serviceName()).matches()) {
            problems.add("<serviceName> \"" + settings.serviceName() + "\" must be 1 to 128 letters, digits, '.', '-'"
                    + " or '_', starting with a letter or digit");
        }
        String stackName = settings.stackName();
        ServiceSettings.stackNameProblem("<stackName>", stackName)
                .ifPresent(problem -> problems.add(problem + " (it defaults to the serviceName)"));
        if (settings.tags().size() > Limits.TAGS_MAX) {
            problems.add("<tags> holds " + settings.tags().size() + " tags; CloudFormation allows " + Limits.TAGS_MAX);
        }
        settings.tags()
                .forEach((key, value) ->
                        FunctionRules.tag(key, value).ifPresent(problem -> problems.add("<tags> " + problem)));
        if (settings.parameters().size() > Limits.PARAMETERS_MAX - Limits.RESERVED_PARAMETERS.size()) {
            problems.add("<parameters> holds " + settings.parameters().size() + " entries; at most "
                    + (Limits.PARAMETERS_MAX - Limits.RESERVED_PARAMETERS.size()) + " fit beside Sparta's own");
        }
        settings.parameters().keySet().forEach(name -> {
            if (!Limits.PARAMETER_NAME.matcher(name).matches() || name.length() > Limits.LOGICAL_ID_MAX) {
                problems.add("<parameters> name \"" + name + "\" must be 1 to 255 letters or digits");
            } else if (Limits.RESERVED_PARAMETERS.contains(name)
                    || name.equals(io.sparta.api.OwnedResource.Bucket.STACK_SUFFIX)) {
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

    /**
     * @param sameName how a name given twice is worded: as javac's processor words it when the names come from the
     *     annotations, as is when a hook's model gave them
     */
    static void checkUnique(
            List<LambdaFunction> functions,
            Map<String, String> parameters,
            List<String> problems,
            UnaryOperator<String> sameName) {
        Map<String, LambdaFunction> byName = new HashMap<>();
        Map<String, LambdaFunction> byLogicalId = new HashMap<>();
        for (LambdaFunction function : functions) {
            LambdaFunction earlier = byName.putIfAbsent(function.name(), function);
            if (earlier != null) {
                // At the second, where javac reports it too.
                problems.add(function.source() + ": "
                        + sameName.apply(
                                FunctionRules.duplicateName(function.name(), earlier.source(), function.source())));
                continue;
            }
            LambdaFunction sameId = byLogicalId.putIfAbsent(function.logicalIdPrefix(), function);
            if (sameId != null) {
                problems.add("functions \"" + sameId.name() + "\" (" + sameId.source() + ") and \"" + function.name()
                        + "\" (" + function.source() + ") both map to the CloudFormation logical id "
                        + function.logicalIdPrefix() + "; rename one of them");
            }
            for (String parameter : parameters.keySet()) {
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

    /**
     * A warning for each AWS managed policy a function attaches: AWS's policies grant their actions on every
     * resource, where the statements Sparta writes grant on the function's own resources.
     */
    public static List<String> broadManagedPolicies(ServiceModel service) {
        List<String> warnings = new ArrayList<>();
        for (LambdaFunction function : service.functions()) {
            function.options().managedPolicies().stream()
                    .filter(FunctionRules::awsManaged)
                    .forEach(arn -> warnings.add("Function " + function.name() + " (" + function.source()
                            + ") attaches AWS managed policy " + arn + ", which grants its actions on every resource"
                            + " (\"*\"), where the statements Sparta writes grant on the function's own resources;"
                            + " prefer @Grant on a declared resource, or a policy of your own scoped to what it"
                            + " needs"));
        }
        return warnings;
    }
}
