package io.sparta.api;

import java.util.List;

/**
 * How the service's APIs are published, set once for the service.
 *
 * @param stage the stage name; {@code $default} serves the HTTP API at its root, and a REST API, which needs a
 *     named stage, then uses {@code api}
 * @param cors the cross-origin rules; none when no origin is allowed
 * @param accessLogs access logging of each API's stage; {@link AccessLogs#NONE} for none
 * @param throttling the stage-wide request rate and burst limits; {@link Throttling#NONE} for the account's
 * @param domain the custom domain name the APIs are served at; {@link Domain#NONE} for their own URLs only
 * @param defaultAuthorizer the authorizer of every route that names none: {@code AWS_IAM}, a declared one's name,
 *     or empty (or {@code NONE}) for open routes
 * @param authorizers the authorizers the service declares, ordered by name
 */
public record HttpApiSettings(
        String stage,
        Cors cors,
        AccessLogs accessLogs,
        Throttling throttling,
        Domain domain,
        String defaultAuthorizer,
        List<ApiAuthorizer> authorizers) {

    /** The authorizer that lets anyone call a route. */
    public static final String NO_AUTHORIZER = "NONE";

    public static final String DEFAULT_STAGE = "$default";
    public static final String REST_DEFAULT_STAGE = "api";
    public static final HttpApiSettings DEFAULTS = new HttpApiSettings(DEFAULT_STAGE, Cors.NONE);

    public HttpApiSettings {
        accessLogs = accessLogs == null ? AccessLogs.NONE : accessLogs;
        throttling = throttling == null ? Throttling.NONE : throttling;
        domain = domain == null ? Domain.NONE : domain;
        defaultAuthorizer = defaultAuthorizer == null ? "" : defaultAuthorizer;
        authorizers = authorizers == null ? List.of() : List.copyOf(authorizers);
    }

    /** Settings without declared authorizers. */
    public HttpApiSettings(
            String stage,
            Cors cors,
            AccessLogs accessLogs,
            Throttling throttling,
            Domain domain,
            String defaultAuthorizer) {
        this(stage, cors, accessLogs, throttling, domain, defaultAuthorizer, List.of());
    }

    /** These settings with the service's declared authorizers. */
    public HttpApiSettings withAuthorizers(List<ApiAuthorizer> declared) {
        return new HttpApiSettings(stage, cors, accessLogs, throttling, domain, defaultAuthorizer, declared);
    }

    /** The declared authorizer a route takes, if it takes one rather than {@code AWS_IAM} or none. */
    public java.util.Optional<ApiAuthorizer> declaredAuthorizer(HttpRouteTrigger route) {
        String name = authorizer(route);
        return authorizers.stream().filter(each -> each.name().equals(name)).findFirst();
    }

    /** Settings whose routes are open unless they name an authorizer. */
    public HttpApiSettings(String stage, Cors cors, AccessLogs accessLogs, Throttling throttling, Domain domain) {
        this(stage, cors, accessLogs, throttling, domain, "");
    }

    /**
     * The authorizer API Gateway applies to a route: its own, else the default, else {@link #NO_AUTHORIZER}:
     * {@code AWS_IAM}, {@code NONE} or a declared authorizer's name.
     */
    public String authorizer(HttpRouteTrigger route) {
        String chosen = route.authorizer().isEmpty() ? defaultAuthorizer : route.authorizer();
        return chosen.isEmpty() ? NO_AUTHORIZER : chosen;
    }

    /** Settings without a custom domain. */
    public HttpApiSettings(String stage, Cors cors, AccessLogs accessLogs, Throttling throttling) {
        this(stage, cors, accessLogs, throttling, Domain.NONE);
    }

    /** Settings without access logs or stage throttling. */
    public HttpApiSettings(String stage, Cors cors) {
        this(stage, cors, AccessLogs.NONE, Throttling.NONE, Domain.NONE);
    }

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

    /**
     * Access logging of the stage of each API the service has, one line a request, to a log group the stack owns
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html,
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
     *
     * @param enabled whether requests are logged
     * @param logRetentionDays how long CloudWatch Logs keeps the lines, in days; one of the periods it accepts, or
     *     0 for lines kept until deleted
     * @param format the line, with {@code $context} variables; empty for Sparta's JSON line, which differs between
     *     the HTTP API (its route key) and the REST API (its resource path)
     */
    public record AccessLogs(boolean enabled, int logRetentionDays, String format) {

        public static final AccessLogs NONE = new AccessLogs(false, 30, "");

        public AccessLogs {
            format = format == null ? "" : format;
        }
    }

    /**
     * The stage's default throttling, for every route or method of each API
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html).
     *
     * @param rateLimit steady requests a second; -1 when not set
     * @param burstLimit requests API Gateway accepts at once above the steady rate; -1 when not set
     */
    public record Throttling(double rateLimit, int burstLimit) {

        public static final Throttling NONE = new Throttling(-1, -1);

        /** Whether either limit is set. */
        public boolean enabled() {
            return rateLimit != -1 || burstLimit != -1;
        }
    }

    /**
     * A custom domain name for the service's APIs: a regional API Gateway domain with an ACM certificate of the same
     * Region, each API mapped at a base path of it
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html). Each value may
     * name template parameters as {@code ${Name}}, so that each environment gets a domain of its own.
     *
     * @param name the domain name, such as {@code api.example.com}; empty for no custom domain
     * @param certificateArn the ARN of an ACM certificate covering {@code name}, in the stack's Region
     * @param basePath the HTTP API's path under the domain, such as {@code orders}; empty for the domain's root
     * @param restBasePath the REST API's path under the domain; empty for the domain's root
     * @param hostedZoneId a Route 53 hosted zone in which to point {@code name} at the API's domain (an alias A
     *     record); empty to leave DNS to the team
     */
    public record Domain(
            String name, String certificateArn, String basePath, String restBasePath, String hostedZoneId) {

        public static final Domain NONE = new Domain("", "", "", "", "");

        public Domain {
            name = name == null ? "" : name;
            certificateArn = certificateArn == null ? "" : certificateArn;
            basePath = basePath == null ? "" : basePath;
            restBasePath = restBasePath == null ? "" : restBasePath;
            hostedZoneId = hostedZoneId == null ? "" : hostedZoneId;
        }

        public boolean enabled() {
            return !name.isEmpty();
        }
    }
}
