package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.archive.LayerModules;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Layer modules in the template: each module a function names in {@code layers} (by artifactId, not ARN) becomes an
 * {@code AWS::Lambda::LayerVersion} {@code Layer<Name>} made from the zip whose S3 key provision passes as
 * {@code Layer<Name>Key}, named {@code <stack>-<artifactId>}; the functions that name it reference it where they
 * wrote its name. An unchanged key changes nothing; a new one publishes one new version (every property of a
 * {@code LayerVersion} requires replacement, see
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-layerversion.html">
 * AWS::Lambda::LayerVersion</a>).
 */
public final class LayerModuleTemplate {

    /** Lambda's longest layer name. */
    static final int LAYER_NAME_MAX = 140;

    private LayerModuleTemplate() {}

    /** The layer modules the functions name, by artifactId, each with the functions that name it. */
    public static SortedMap<String, List<LambdaFunction>> named(ServiceModel service) {
        SortedMap<String, List<LambdaFunction>> named = new TreeMap<>();
        for (LambdaFunction function : service.functions()) {
            function.options().layers().stream()
                    .filter(FunctionRules::isLayerModule)
                    .forEach(name -> named.computeIfAbsent(name, any -> new ArrayList<>())
                            .add(function));
        }
        return named;
    }

    /** The layer's logical id: {@code Layer} and the artifactId in Pascal case, {@code shared-lib} → {@code LayerSharedLib}. */
    public static String logicalId(String name) {
        StringBuilder id = new StringBuilder("Layer");
        for (String part : name.split("[-_]")) {
            if (!part.isEmpty()) {
                id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /** The template parameter holding the layer zip's S3 key in the artifact bucket. */
    public static String keyParameter(String name) {
        return logicalId(name) + "Key";
    }

    /**
     * Adds every layer module the functions name to a template {@link ServiceTemplate} wrote for the service.
     *
     * @param modules the layer modules the build offers: the module's {@code provided} dependencies
     * @param stackNames every stack the template is deployed as (the service's, each environment's), whose names
     *     prefix the layers'
     * @throws SpartaUserException naming each function whose layer module the build does not offer, two names that
     *     make one logical id, and a layer name longer than Lambda allows; all at once
     */
    public static void add(
            ObjectNode template, ServiceModel service, LayerModules modules, Collection<String> stackNames)
            throws SpartaUserException {
        SortedMap<String, List<LambdaFunction>> named = named(service);
        Set<String> available = modules.names();
        List<String> problems = new ArrayList<>();
        Map<String, String> byLogicalId = new TreeMap<>();
        for (Map.Entry<String, List<LambdaFunction>> layer : named.entrySet()) {
            String name = layer.getKey();
            if (!available.contains(name)) {
                for (LambdaFunction function : layer.getValue()) {
                    problems.add(unknown(function, name, available, modules.declaredOtherwise(name)));
                }
            }
            String other = byLogicalId.put(logicalId(name), name);
            if (other != null) {
                problems.add("layers \"" + other + "\" and \"" + name + "\" both make the logical id " + logicalId(name)
                        + "; rename one of the modules");
            }
            if (template.path("Parameters").has(keyParameter(name))
                    || template.path("Resources").has(logicalId(name))) {
                problems.add("layer \"" + name + "\" makes " + logicalId(name) + " and " + keyParameter(name)
                        + ", which the template already declares; rename the parameter or the module");
            }
            for (String stackName : new TreeSet<>(stackNames)) {
                int length = stackName.length() + 1 + name.length();
                if (length > LAYER_NAME_MAX) {
                    problems.add("layer \"" + name + "\" would be named " + stackName + "-" + name + ", " + length
                            + " characters; Lambda allows " + LAYER_NAME_MAX + ". Shorten the stack name or the"
                            + " module's artifactId");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SpartaUserException(
                    problems.size() + " problem(s) with layer modules:\n  - " + String.join("\n  - ", problems));
        }
        ObjectNode parameters = (ObjectNode) template.path("Parameters");
        ObjectNode resources = (ObjectNode) template.path("Resources");
        for (Map.Entry<String, List<LambdaFunction>> layer : named.entrySet()) {
            String name = layer.getKey();
            parameters
                    .putObject(keyParameter(name))
                    .put("Type", "String")
                    .put("Description", "S3 key of the layer module " + name);
            ObjectNode properties = Cfn.resource(resources, logicalId(name), "AWS::Lambda::LayerVersion")
                    .putObject("Properties");
            properties.set("LayerName", Cfn.sub("${AWS::StackName}-" + name));
            properties.put("Description", "Layer module " + name + " of " + service.serviceName());
            ObjectNode content = properties.putObject("Content");
            content.set("S3Bucket", Cfn.ref(ServiceTemplate.ARTIFACT_BUCKET));
            content.set("S3Key", Cfn.ref(keyParameter(name)));
            ArrayNode runtimes = properties.putArray("CompatibleRuntimes");
            new TreeSet<>(layer.getValue().stream()
                            .map(function -> function.runtime().identifier())
                            .toList())
                    .forEach(runtimes::add);
        }
        for (LambdaFunction function : service.functions()) {
            List<String> own = function.options().layers().stream()
                    .filter(FunctionRules::isLayerModule)
                    .toList();
            if (own.isEmpty()) {
                continue;
            }
            ObjectNode lambda =
                    (ObjectNode) resources.path(function.functionLogicalId()).path("Properties");
            ArrayNode layers = lambda.arrayNode();
            for (JsonNode entry : lambda.path("Layers")) {
                layers.add(
                        entry.isTextual() && FunctionRules.isLayerModule(entry.asText())
                                ? Cfn.ref(logicalId(entry.asText()))
                                : entry);
            }
            lambda.set("Layers", layers);
            ServiceTemplate.publishOnLayerChange(
                    resources.path(function.logicalIdPrefix() + "Version"),
                    own.stream().map(LayerModuleTemplate::keyParameter).toList());
        }
    }

    private static String unknown(
            LambdaFunction function, String name, Set<String> available, java.util.Optional<String> declared) {
        String start = "function \"" + function.name() + "\" (" + function.source() + ") lists layer \"" + name + "\"";
        if (declared.isPresent()) {
            return start + ", and this module depends on " + declared.get() + "; a layer module must be"
                    + " <scope>provided</scope>, since the layer brings it at run time: set that scope on the"
                    + " dependency";
        }
        String nearest = io.sparta.core.common.Typos.nearest(name, available)
                .map(candidate -> " Did you mean \"" + candidate + "\"?")
                .orElse("");
        return start + ", which is not a layer version ARN and not a provided dependency of this module"
                + (available.isEmpty() ? "" : " (those are " + new TreeSet<>(available) + ")") + "." + nearest
                + " To build that layer from a module, add <dependency><groupId>…</groupId><artifactId>" + name
                + "</artifactId><version>…</version><scope>provided</scope></dependency> to the pom (provided: the"
                + " layer brings it at run time); or write its layer version ARN";
    }
}
