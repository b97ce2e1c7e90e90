package io.sparta.annotations.processing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What CloudFormation accepts for a custom resource, and what its handler must be. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-customresource.html">AWS::CloudFormation::CustomResource</a>.
 */
public final class CustomResourceRules {

    /** The class a custom resource's function extends, in {@code sparta-runtime}. */
    public static final String HANDLER_CLASS = "io.sparta.runtime.customresource.CustomResourceFunction";

    /** The type prefix of Sparta's own custom resources, which a service cannot declare. */
    public static final String SPARTA_TYPE_PREFIX = "Custom::Sparta";

    public static final int PROPERTY_NAME_MAX = 255;

    private static final Pattern TYPE = Pattern.compile("Custom::[A-Za-z0-9_@-]{1,60}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern OUTPUT_KEY = Pattern.compile("[A-Za-z0-9]{1,255}");

    private CustomResourceRules() {}

    public static Optional<String> type(String type) {
        if (type.equals("AWS::CloudFormation::CustomResource")) {
            return Optional.of("type = \"" + type + "\": Sparta writes custom resources as Custom::Name, the form"
                    + " that names what the resource is in the stack's events; name yours, such as Custom::Seed");
        }
        if (!TYPE.matcher(type).matches()) {
            return Optional.of("type = \"" + type + "\" must be Custom:: followed by 1 to 60 letters, digits or _@-,"
                    + " such as Custom::TableSeed");
        }
        return type.startsWith(SPARTA_TYPE_PREFIX)
                ? Optional.of("type = \"" + type + "\": types starting with " + SPARTA_TYPE_PREFIX + " are Sparta's"
                        + " own; choose another name, such as Custom::" + type.substring(SPARTA_TYPE_PREFIX.length()))
                : Optional.empty();
    }

    public static Optional<String> function(String function) {
        return function.isBlank()
                ? Optional.of("function is empty; name the @SpartaLambda function that handles the resource")
                : Optional.empty();
    }

    public static Optional<String> propertyNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty() || name.length() > PROPERTY_NAME_MAX) {
                return Optional.of("property name \"" + name + "\" must be 1 to " + PROPERTY_NAME_MAX + " characters");
            }
            if (name.equals("ServiceToken")) {
                return Optional.of("property ServiceToken is CloudFormation's own (the handler's ARN, which Sparta"
                        + " writes); give the property another name");
            }
            if (!seen.add(name)) {
                return Optional.of("property " + name + " is given twice; each property once");
            }
        }
        return Optional.empty();
    }

    /** @param resource the custom resource's name, which a property cannot refer to */
    public static Optional<String> property(String resource, String name, String value, String ref, String attribute) {
        if (!ref.isEmpty() && !value.isEmpty()) {
            return Optional.of("property " + name + " has both value and ref; give one");
        }
        if (ref.equals(resource)) {
            return Optional.of("property " + name + " refers to the resource itself (ref = \"" + ref + "\"), which"
                    + " CloudFormation refuses as a circular dependency");
        }
        if (!attribute.isEmpty() && ref.isEmpty()) {
            return Optional.of("property " + name + " has attribute = \"" + attribute + "\" without ref; name the"
                    + " declared resource whose attribute it is");
        }
        if (ref.isEmpty() && value.isEmpty()) {
            return Optional.of("property " + name + " has neither value nor ref; give one, or leave the property out");
        }
        if (!attribute.isEmpty() && !ATTRIBUTE.matcher(attribute).matches()) {
            return Optional.of("property " + name + ": attribute = \"" + attribute + "\" is not an attribute name"
                    + " (letters, digits and ._-, such as Arn)");
        }
        return Optional.empty();
    }

    public static Optional<String> outputs(List<String> keys) {
        return keys.stream()
                .filter(key -> !OUTPUT_KEY.matcher(key).matches())
                .findFirst()
                .map(key -> "outputs: \"" + key + "\" is not a data key a stack output can be named after (1 to 255"
                        + " letters or digits)");
    }

    /** A custom resource whose function is not in the service, or is not a custom resource handler. */
    public static String handler(String resource, String function, boolean exists, List<String> handlers) {
        String known = handlers.isEmpty()
                ? "; the service has no function extending " + HANDLER_CLASS
                : "; the functions extending CustomResourceFunction: " + handlers;
        return "@CustomResource(name = \"" + resource + "\"): function = \"" + function + "\" "
                + (exists
                        ? "does not extend " + HANDLER_CLASS + ", so it cannot answer CloudFormation"
                        : "is not a @SpartaLambda function of the service")
                + known;
    }
}
