package io.sparta.api;

import io.sparta.annotations.ApiKind;
import java.util.List;

/**
 * A route of the service's HTTP or REST API that invokes the function.
 *
 * @param method GET, POST, ... or ANY, already checked
 * @param path such as {@code /orders/{id}}, already checked
 * @param authorizer {@code AWS_IAM}, {@code NONE} or a declared {@link ApiAuthorizer}'s name; empty for the API's
 *     default ({@link HttpApiSettings#authorizer(HttpRouteTrigger)})
 * @param scopes the OAuth scopes a caller's token must hold one of; empty for none
 */
public record HttpRouteTrigger(ApiKind api, String method, String path, String authorizer, List<String> scopes)
        implements Trigger {

    public HttpRouteTrigger {
        authorizer = authorizer == null ? "" : authorizer;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** A route without scopes. */
    public HttpRouteTrigger(ApiKind api, String method, String path, String authorizer) {
        this(api, method, path, authorizer, List.of());
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
