package io.sparta.api;

import java.util.List;

/**
 * How the service's APIs are published, set once for the service.
 *
 * @param stage the stage name; {@code $default} serves the HTTP API at its root, and a REST API, which needs a
 *     named stage, then uses {@code api}
 * @param cors the cross-origin rules; none when no origin is allowed
 */
public record HttpApiSettings(String stage, Cors cors) {

    public static final String DEFAULT_STAGE = "$default";
    public static final String REST_DEFAULT_STAGE = "api";
    public static final HttpApiSettings DEFAULTS = new HttpApiSettings(DEFAULT_STAGE, Cors.NONE);

    /** The REST API's stage: the configured one, or {@code api} where the HTTP API uses its default stage. */
    public String restStage() {
        return stage.equals(DEFAULT_STAGE) ? REST_DEFAULT_STAGE : stage;
    }

    /**
     * Cross-origin resource sharing, answered by API Gateway (HTTP API) or by a mock OPTIONS method (REST API).
     *
     * @param maxAgeSeconds how long browsers may cache a preflight answer; -1 leaves it to them
     */
    public record Cors(
            List<String> allowOrigins,
            List<String> allowMethods,
            List<String> allowHeaders,
            List<String> exposeHeaders,
            int maxAgeSeconds,
            boolean allowCredentials) {

        public static final Cors NONE = new Cors(List.of(), List.of(), List.of(), List.of(), -1, false);

        public Cors {
            allowOrigins = List.copyOf(allowOrigins);
            allowMethods = List.copyOf(allowMethods);
            allowHeaders = List.copyOf(allowHeaders);
            exposeHeaders = List.copyOf(exposeHeaders);
        }

        public boolean enabled() {
            return !allowOrigins.isEmpty();
        }
    }
}
