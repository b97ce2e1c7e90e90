package io.sparta.api;

import java.util.List;
import java.util.SortedMap;

/**
 * The whole service as it will be marshalled: the one immutable value between scanning and the template. A
 * {@link PreMarshallHook} may return a changed copy.
 *
 * @param parameters template parameters and the values provision passes for them, by name
 * @param functions ordered by name
 * @param http how the service's HTTP and REST APIs are published, if functions declare routes
 * @param resources what the service declares and its stack creates, ordered by name
 * @param functionOutputs whether the template gives each function's ARN (and its SnapStart alias's) as a stack
 *     output exported as {@code <stack>-<Function>Arn}; off by default, since a large service would pass
 *     CloudFormation's 200 outputs
 */
public record ServiceModel(
        String serviceName,
        String stackName,
        SortedMap<String, String> tags,
        SortedMap<String, String> parameters,
        List<LambdaFunction> functions,
        HttpApiSettings http,
        List<OwnedResource> resources,
        boolean functionOutputs) {

    public ServiceModel {
        resources = List.copyOf(resources);
        tags = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(tags));
        parameters = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(parameters));
        functions = List.copyOf(functions);
    }

    /** A service without per-function outputs. */
    public ServiceModel(
            String serviceName,
            String stackName,
            SortedMap<String, String> tags,
            SortedMap<String, String> parameters,
            List<LambdaFunction> functions,
            HttpApiSettings http,
            List<OwnedResource> resources) {
        this(serviceName, stackName, tags, parameters, functions, http, resources, false);
    }

    /** This service with per-function outputs written or not. */
    public ServiceModel withFunctionOutputs(boolean functionOutputs) {
        return new ServiceModel(serviceName, stackName, tags, parameters, functions, http, resources, functionOutputs);
    }

    /** A service with the default HTTP settings. */
    public ServiceModel(
            String serviceName,
            String stackName,
            SortedMap<String, String> tags,
            SortedMap<String, String> parameters,
            List<LambdaFunction> functions) {
        this(serviceName, stackName, tags, parameters, functions, HttpApiSettings.DEFAULTS, List.of());
    }

    /** The declared resource of that name. */
    public java.util.Optional<OwnedResource> resource(String name) {
        return resources.stream()
                .filter(resource -> resource.name().equals(name))
                .findFirst();
    }

    /** The function of that name. */
    public java.util.Optional<LambdaFunction> function(String name) {
        return functions.stream()
                .filter(function -> function.name().equals(name))
                .findFirst();
    }

    /** The routes of every function on one kind of API, in function order. */
    public List<HttpRouteTrigger> routes(io.sparta.annotations.ApiKind api) {
        return functions.stream()
                .flatMap(function -> function.routes(api).stream())
                .toList();
    }
}
