package io.sparta.runtime.customresource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudFormation custom resource request, as the event CloudFormation sends the function describes it. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html">Custom resource
 * request objects</a>.
 *
 * <p>CloudFormation turns every scalar of the template's properties into a string (a number {@code 3} arrives as
 * {@code "3"}, {@code true} as {@code "true"}); lists and objects keep their shape. The properties include
 * {@code ServiceToken}, the function's ARN, as CloudFormation sends it.
 *
 * @param requestType what CloudFormation asks
 * @param stackId the stack's ARN
 * @param requestId this request's id, unique per request
 * @param logicalResourceId the resource's logical id in the template
 * @param physicalResourceId the id the function answered for this resource before; {@code null} on Create
 * @param resourceType the template's type for it, such as {@code Custom::TableSeed}
 * @param properties the template's {@code Properties} ({@code ResourceProperties}), an unmodifiable copy keeping
 *     their order
 * @param oldProperties the properties before this update ({@code OldResourceProperties}); empty unless Update
 */
public record CustomResourceRequest(
        RequestType requestType,
        String stackId,
        String requestId,
        String logicalResourceId,
        String physicalResourceId,
        String resourceType,
        Map<String, Object> properties,
        Map<String, Object> oldProperties) {

    public CustomResourceRequest {
        Objects.requireNonNull(requestType, "requestType");
        properties = unmodifiableCopy(properties);
        oldProperties = unmodifiableCopy(oldProperties);
    }

    /**
     * A required string property.
     *
     * @throws CustomResourceException naming the property, the resource's logical id and type, when it is missing,
     *     empty or not a string (the reason the stack events show)
     */
    public String property(String name) {
        return optionalProperty(name)
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> properties.containsKey(name)
                        ? problem(name, "a string", "it is empty")
                        : missing(name, properties, ""));
    }

    /**
     * A string property the template may leave out: empty when absent.
     *
     * @throws CustomResourceException naming the property, the resource's logical id and type, when it is there but
     *     not a string
     */
    public Optional<String> optionalProperty(String name) {
        return stringOf(properties, name, "it is ");
    }

    /**
     * A property that is a list of strings: empty when absent.
     *
     * @throws CustomResourceException naming the property, the resource's logical id and type, when it is not a list
     *     of strings
     */
    public List<String> listProperty(String name) {
        Object value = properties.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(name, "a list of strings", "it is " + describe(value));
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof String string)) {
                throw problem(name, "a list of strings", "one of its elements is " + describe(element));
            }
            strings.add(string);
        }
        return List.copyOf(strings);
    }

    /**
     * A required string property as it was before this update.
     *
     * @throws CustomResourceException naming the property, the resource's logical id and type, when it is missing,
     *     empty or not a string (always, unless the request is an Update)
     */
    public String oldProperty(String name) {
        return optionalOldProperty(name)
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> oldProperties.containsKey(name)
                        ? problem(name, "a string", "before this update it was empty")
                        : missing(name, oldProperties, " before this update"));
    }

    /**
     * A string property as it was before this update: empty when absent, and always on Create and Delete.
     *
     * @throws CustomResourceException naming the property, the resource's logical id and type, when it was there but
     *     not a string
     */
    public Optional<String> optionalOldProperty(String name) {
        return stringOf(oldProperties, name, "before this update it was ");
    }

    private Optional<String> stringOf(Map<String, Object> source, String name, String was) {
        Object value = source.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String string)) {
            throw problem(name, "a string", was + describe(value));
        }
        return Optional.of(string);
    }

    /** The reason the stack events show: {@code Seed (Custom::TableSeed): property Ids must be a string; it is a list}. */
    private CustomResourceException problem(String name, String expected, String found) {
        return new CustomResourceException(logicalResourceId + " (" + resourceType + "): property " + name + " must be "
                + expected + "; " + found);
    }

    /** A property the resource does not have, with the ones it has, which a typo is then easy to find among. */
    private CustomResourceException missing(String name, Map<String, Object> given, String when) {
        List<String> names = given.keySet().stream()
                .filter(key -> !key.equals("ServiceToken"))
                .sorted()
                .toList();
        String had = when.isEmpty() ? "it has" : "it had";
        return new CustomResourceException(logicalResourceId + " (" + resourceType + "): no property " + name + when
                + (names.isEmpty() ? "; " + had + " none" : "; " + had + " " + String.join(", ", names)));
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static Map<String, Object> unmodifiableCopy(Map<String, Object> map) {
        // LinkedHashMap, not Map.copyOf: keeps the template's order and tolerates JSON nulls.
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
