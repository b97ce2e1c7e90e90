package io.sparta.api;

import io.sparta.annotations.ApiKind;

/**
 * A route of the service's HTTP or REST API that invokes the function.
 *
 * @param method GET, POST, ... or ANY, already checked
 * @param path such as {@code /orders/{id}}, already checked
 * @param authorizer {@code AWS_IAM} or {@code NONE}; empty for the API's default ({@link
 *     HttpApiSettings#authorizer(HttpRouteTrigger)})
 */
public record HttpRouteTrigger(ApiKind api, String method, String path, String authorizer) implements Trigger {

    public HttpRouteTrigger {
        authorizer = authorizer == null ? "" : authorizer;
    }

    /** A route that takes the API's default authorizer. */
    public HttpRouteTrigger(ApiKind api, String method, String path) {
        this(api, method, path, "");
    }

    /** How API Gateway v2 writes the route: {@code GET /orders/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
