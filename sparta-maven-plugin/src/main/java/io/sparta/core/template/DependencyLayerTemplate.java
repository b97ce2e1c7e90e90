package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The service's dependency layer in the template: an {@code AWS::Lambda::LayerVersion} made from the zip whose S3
 * key provision passes as {@value #LAYER_KEY}, listed first in every function's {@code Layers}. An unchanged key
 * changes nothing; a new one publishes one new layer version and points every function at it.
 */
public final class DependencyLayerTemplate {

    /** The layer's logical id. */
    public static final String LAYER = "DependenciesLayer";

    /** The template parameter holding the layer zip's S3 key in the artifact bucket. */
    public static final String LAYER_KEY = "DependenciesLayerKey";

    private DependencyLayerTemplate() {}

    /**
     * Adds the layer to a template {@link ServiceTemplate} wrote for the service.
     *
     * @throws SpartaUserException when a function would have more layers than Lambda allows, naming it
     */
    public static void add(ObjectNode template, ServiceModel service) throws SpartaUserException {
        List<String> problems = new ArrayList<>();
        for (LambdaFunction function : service.functions()) {
            if (function.options().layers().size() + 1 > FunctionRules.LAYERS_MAX) {
                problems.add("function \"" + function.name() + "\" (" + function.source() + ") lists "
                        + function.options().layers().size() + " layers, and the service's dependency layer would"
                        + " make " + (function.options().layers().size() + 1) + "; Lambda allows "
                        + FunctionRules.LAYERS_MAX + ". Drop one, or put the dependencies in the jar: declare"
                        + " maven-shade-plugin before sparta-maven-plugin");
            }
        }
        if (!problems.isEmpty()) {
            throw new SpartaUserException(String.join("\n", problems));
        }
        ((ObjectNode) template.path("Parameters"))
                .putObject(LAYER_KEY)
                .put("Type", "String")
                .put("Description", "S3 key of the service's dependency layer");
        ObjectNode properties = Cfn.resource(
                        (ObjectNode) template.path("Resources"), LAYER, "AWS::Lambda::LayerVersion")
                .putObject("Properties");
        // Named after the stack (at most 128 characters, so within Lambda's 140) for roles scoped to its resources.
        properties.set("LayerName", Cfn.sub("${AWS::StackName}-deps"));
        properties.put("Description", "Runtime dependencies of " + service.serviceName());
        ObjectNode content = properties.putObject("Content");
        content.set("S3Bucket", Cfn.ref(ServiceTemplate.ARTIFACT_BUCKET));
        content.set("S3Key", Cfn.ref(LAYER_KEY));
        ArrayNode runtimes = properties.putArray("CompatibleRuntimes");
        new TreeSet<>(service.functions().stream()
                        .map(function -> function.runtime().identifier())
                        .toList())
                .forEach(runtimes::add);
        for (LambdaFunction function : service.functions()) {
            ObjectNode lambda = (ObjectNode) template.path("Resources")
                    .path(function.functionLogicalId())
                    .path("Properties");
            JsonNode own = lambda.path("Layers");
            ArrayNode layers = lambda.arrayNode();
            // First: Lambda extracts layers in order, so one the function lists itself may replace its files.
            layers.add(Cfn.ref(LAYER));
            if (own.isArray()) {
                own.forEach(layers::add);
            }
            lambda.set("Layers", layers);
        }
        for (LambdaFunction function : service.functions()) {
            // New dependencies reach the alias live too, not only $LATEST.
            ServiceTemplate.publishOnLayerChange(
                    template.path("Resources").path(function.logicalIdPrefix() + "Version"), List.of(LAYER_KEY));
        }
    }
}
