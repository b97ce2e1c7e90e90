package io.sparta.api;

import java.util.List;
import java.util.SortedMap;

/**
 * The whole service as it will be marshalled: the one immutable value between scanning and the template. A
 * {@link PreMarshallHook} may return a changed copy.
 *
 * @param parameters template parameters and the values provision passes for them, by name
 * @param functions ordered by name
 */
public record ServiceModel(
        String serviceName,
        String stackName,
        SortedMap<String, String> tags,
        SortedMap<String, String> parameters,
        List<LambdaFunction> functions) {

    public ServiceModel {
        tags = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(tags));
        parameters = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(parameters));
        functions = List.copyOf(functions);
    }
}
