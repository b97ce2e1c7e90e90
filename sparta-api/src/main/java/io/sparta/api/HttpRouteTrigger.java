package io.sparta.api;

import io.sparta.annotations.ApiKind;

/**
 * A route of the service's HTTP or REST API that invokes the function.
 *
 * @param method GET, POST, ... or ANY, already checked
 * @param path such as {@code /orders/{id}}, already checked
 */
public record HttpRouteTrigger(ApiKind api, String method, String path) implements Trigger {

    /** How API Gateway v2 writes the route: {@code GET /orders/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
