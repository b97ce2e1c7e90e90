package io.sparta.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of the CloudFormation template one decorator adds: resources, outputs, parameters, or properties of
 * resources Sparta generates. Sparta merges every fragment into the template; a key two sources set to
 * different values fails the build, naming both.
 *
 * <pre>{@code
 * ObjectNode alarm = fragment.resource(function.logicalIdPrefix() + "Errors", "AWS::CloudWatch::Alarm");
 * alarm.put("Threshold", 5);
 * fragment.properties(function.functionLogicalId()).putObject("TracingConfig").put("Mode", "Active");
 * }</pre>
 */
public final class TemplateFragment {

    private final ObjectNode tree = JsonNodeFactory.instance.objectNode();

    /** Adds a resource of this type; returns its {@code Properties} object to fill in. */
    public ObjectNode resource(String logicalId, String type) {
        ObjectNode resource = section("Resources").putObject(logicalId);
        resource.put("Type", type);
        return resource.putObject("Properties");
    }

    /** The whole entry of a resource, for attributes beside its properties such as {@code DependsOn}. */
    public ObjectNode resourceEntry(String logicalId) {
        return child(section("Resources"), logicalId);
    }

    /** Properties to add to a resource declared elsewhere, such as a function Sparta generates. */
    public ObjectNode properties(String logicalId) {
        return child(resourceEntry(logicalId), "Properties");
    }

    /** Adds an output; fill in {@code Value} and, if wanted, {@code Description} and {@code Export}. */
    public ObjectNode output(String name) {
        return child(section("Outputs"), name);
    }

    /** Adds a template parameter; fill in {@code Type} and, if wanted, {@code Default}. */
    public ObjectNode parameter(String name) {
        return child(section("Parameters"), name);
    }

    /** Everything this fragment sets, shaped as a partial template. */
    public ObjectNode tree() {
        return tree;
    }

    private ObjectNode section(String name) {
        return child(tree, name);
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }
}
