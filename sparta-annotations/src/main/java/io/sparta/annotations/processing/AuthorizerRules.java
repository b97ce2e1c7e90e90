package io.sparta.annotations.processing;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.Authorizer;
import io.sparta.annotations.AuthorizerType;
import io.sparta.annotations.HttpRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What API Gateway accepts as an {@link Authorizer}, and which routes may use which authorizer: a JWT authorizer on
 * the HTTP API, a Cognito one on the REST API, a Lambda one on both, and scopes only where a token carries them.
 */
public final class AuthorizerRules {

    /** The longest a Lambda authorizer's answer may be cached, in seconds. */
    public static final int RESULT_TTL_MAX = 3600;
    /** The default {@link Authorizer#resultTtlSeconds()}, which only a Lambda authorizer may change. */
    public static final int RESULT_TTL_DEFAULT = 300;
    /** User pools one Cognito authorizer may accept. */
    public static final int USER_POOLS_MAX = 1000;
    /** The longest scope API Gateway takes. */
    public static final int SCOPE_MAX = 255;

    private static final Pattern USER_POOL_ARN =
            Pattern.compile("arn:aws[a-z-]*:cognito-idp:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:userpool/[a-z]{2}(-[a-z]+)+-\\d_"
                    + "[0-9a-zA-Z]+");
    private static final Pattern HEADER = Pattern.compile("\\$request\\.header\\.([A-Za-z0-9!#$%&'*+.^_`|~-]+)");
    private static final Pattern QUERY = Pattern.compile("\\$request\\.querystring\\.([A-Za-z0-9._~-]+)");
    private static final Pattern CONTEXT = Pattern.compile("\\$context\\.([A-Za-z0-9._]+)");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$stageVariables\\.([A-Za-z0-9_]+)");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1," + SCOPE_MAX + "}");

    private AuthorizerRules() {}

    /**
     * One declaration's problems, each with the attribute at fault.
     *
     * @param values an {@link Authorizer}'s attributes
     */
    public static List<Map.Entry<String, String>> problems(AttributeValues values) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        AuthorizerType type = values.enumeration("type", AuthorizerType.class);
        ResourceRules.name(values.string("name")).ifPresent(message -> problems.add(Map.entry("name", message)));
        String issuer = values.string("issuer");
        List<String> audiences = values.strings("audiences");
        List<String> pools = values.strings("userPoolArns");
        String function = values.string("function");
        int ttl = values.integer("resultTtlSeconds");
        List<String> sources = values.strings("identitySources");
        String kind = "a " + type + " authorizer";
        switch (type) {
            case JWT -> {
                if (issuer.isEmpty()) {
                    problems.add(Map.entry(
                            "issuer",
                            kind + " needs issuer, the https URL its tokens' iss claim names, such as"
                                    + " https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"));
                } else {
                    issuer(issuer).ifPresent(message -> problems.add(Map.entry("issuer", message)));
                }
                if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
                    problems.add(Map.entry(
                            "audiences",
                            kind + " needs audiences, at least one, none blank: the aud claim (or a Cognito access"
                                    + " token's client_id) a token must carry, such as the app client's id"));
                }
                sources(kind, sources, false, 1)
                        .ifPresent(message -> problems.add(Map.entry("identitySources", message)));
            }
            case COGNITO_USER_POOLS -> {
                if (pools.isEmpty() || pools.size() > USER_POOLS_MAX) {
                    problems.add(
                            Map.entry(
                                    "userPoolArns",
                                    kind + " takes 1 to " + USER_POOLS_MAX + " userPoolArns, not " + pools.size()
                                            + ", such as arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123"));
                }
                pools.stream()
                        .filter(arn -> !arn.contains("${"))
                        .map(AuthorizerRules::userPoolArn)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .ifPresent(message -> problems.add(Map.entry("userPoolArns", message)));
                if (sources.size() != 1 || !HEADER.matcher(sources.get(0)).matches()) {
                    problems.add(Map.entry(
                            "identitySources",
                            kind + " reads its token from exactly one header, such as "
                                    + Authorizer.AUTHORIZATION_HEADER + "; not " + sources));
                }
            }
            case LAMBDA -> {
                if (function.isEmpty()) {
                    problems.add(Map.entry(
                            "function",
                            kind + " needs function, the name of the @SpartaLambda function of this service that"
                                    + " API Gateway calls"));
                }
                if (ttl < 0 || ttl > RESULT_TTL_MAX) {
                    problems.add(Map.entry(
                            "resultTtlSeconds",
                            "resultTtlSeconds = " + ttl + " is out of range; 0 (no caching) to " + RESULT_TTL_MAX));
                } else if (ttl > 0 && sources.isEmpty()) {
                    problems.add(Map.entry(
                            "identitySources",
                            "resultTtlSeconds = " + ttl + " caches the answer by the identity sources, and there are"
                                    + " none; name at least one, or set resultTtlSeconds = 0"));
                }
                sources(kind, sources, true, Integer.MAX_VALUE)
                        .ifPresent(message -> problems.add(Map.entry("identitySources", message)));
            }
        }
        notFor(type, AuthorizerType.JWT, "issuer", !issuer.isEmpty(), problems);
        notFor(type, AuthorizerType.JWT, "audiences", !audiences.isEmpty(), problems);
        notFor(type, AuthorizerType.COGNITO_USER_POOLS, "userPoolArns", !pools.isEmpty(), problems);
        notFor(type, AuthorizerType.LAMBDA, "function", !function.isEmpty(), problems);
        notFor(type, AuthorizerType.LAMBDA, "resultTtlSeconds", ttl != RESULT_TTL_DEFAULT, problems);
        notFor(type, AuthorizerType.LAMBDA, "simpleResponses", !values.bool("simpleResponses"), problems);
        return problems;
    }

    private static void notFor(
            AuthorizerType type,
            AuthorizerType owner,
            String attribute,
            boolean set,
            List<Map.Entry<String, String>> problems) {
        if (set && type != owner) {
            problems.add(Map.entry(
                    attribute, attribute + " applies to a " + owner + " authorizer only; this one is " + type));
        }
    }

    /** A user pool's ARN, with any parameters it names already put in. */
    public static Optional<String> userPoolArn(String arn) {
        return USER_POOL_ARN.matcher(arn).matches()
                ? Optional.empty()
                : Optional.of("userPoolArns = \"" + arn + "\" is not a user pool's ARN, such as"
                        + " arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123");
    }

    /** A JWT issuer: an https URL; one naming parameters is checked once they are put in. */
    public static Optional<String> issuer(String issuer) {
        if (issuer.contains("${")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(issuer);
            if ("https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        return Optional.of("issuer = \"" + issuer + "\" is not an https URL without query or fragment, such as"
                + " https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123; API Gateway fetches the issuer's"
                + " keys over https");
    }

    private static Optional<String> sources(String kind, List<String> sources, boolean lambda, int max) {
        if (sources.size() > max) {
            return Optional.of(kind + " reads exactly one identity source, not " + sources);
        }
        if (!lambda && sources.isEmpty()) {
            return Optional.of(
                    kind + " reads its token from one identity source, such as " + Authorizer.AUTHORIZATION_HEADER);
        }
        Set<String> seen = new HashSet<>();
        for (String source : sources) {
            boolean known = HEADER.matcher(source).matches()
                    || QUERY.matcher(source).matches()
                    || (lambda
                            && (CONTEXT.matcher(source).matches()
                                    || STAGE_VARIABLE.matcher(source).matches()));
            if (!known) {
                return Optional.of("identitySources = \"" + source + "\" is not one "
                        + kind + " reads; write $request.header.<name> or $request.querystring.<name>"
                        + (lambda ? ", $context.<variable> or $stageVariables.<name>" : ""));
            }
            if (!seen.add(source)) {
                return Optional.of("identitySources names " + source + " twice");
            }
        }
        return Optional.empty();
    }

    /**
     * The REST API's form of an identity source written in the HTTP API's: {@code method.request.header.Name} for
     * {@code $request.header.Name}, {@code context.x} for {@code $context.x}.
     */
    public static String restIdentitySource(String source) {
        if (source.startsWith("$request.")) {
            return "method.request." + source.substring("$request.".length());
        }
        return source.substring(1);
    }

    /** The header or query parameter an identity source reads, as {@code header} or {@code querystring}, and its name. */
    public static Optional<Map.Entry<String, String>> requestPart(String source) {
        var header = HEADER.matcher(source);
        if (header.matches()) {
            return Optional.of(Map.entry("header", header.group(1)));
        }
        var query = QUERY.matcher(source);
        return query.matches() ? Optional.of(Map.entry("querystring", query.group(1))) : Optional.empty();
    }

    /** The API an authorizer type serves: empty for both. */
    public static Optional<ApiKind> onlyApi(AuthorizerType type) {
        return switch (type) {
            case JWT -> Optional.of(ApiKind.HTTP);
            case COGNITO_USER_POOLS -> Optional.of(ApiKind.REST);
            case LAMBDA -> Optional.empty();
        };
    }

    /** Whether a route with this authorizer type may require scopes. */
    public static boolean takesScopes(AuthorizerType type) {
        return type != AuthorizerType.LAMBDA;
    }

    /** A route's scopes, apart from its authorizer: each a scope API Gateway takes, none twice. */
    public static Optional<String> scopes(List<String> scopes) {
        Set<String> seen = new HashSet<>();
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                return Optional.of("scopes = \"" + scope + "\" is not a scope: 1 to " + SCOPE_MAX
                        + " printable characters without spaces, quotes or backslashes, such as orders/read");
            }
            if (!seen.add(scope)) {
                return Optional.of("scopes names " + scope + " twice");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a route may not use the authorizer it takes, or nothing.
     *
     * @param label how the route's choice is named: {@code authorizer = "users"}, or {@code <defaultAuthorizer>
     *     users} where the route takes the pom's
     * @param authorizer the authorizer's name; {@code AWS_IAM} or {@code NONE} have no type
     * @param type the declared authorizer's type; {@code null} for {@code AWS_IAM} and {@code NONE}
     */
    public static Optional<String> route(
            String label, ApiKind api, String authorizer, AuthorizerType type, List<String> scopes) {
        if (type != null) {
            Optional<ApiKind> only = onlyApi(type);
            if (only.isPresent() && only.get() != api) {
                return Optional.of(label + " is a " + type + " authorizer, which only the " + only.get()
                        + " API has, and this route is on the " + api + " API; "
                        + (type == AuthorizerType.JWT
                                ? "declare a COGNITO_USER_POOLS or LAMBDA authorizer for it, or route it with"
                                        + " api = ApiKind.HTTP"
                                : "declare a JWT authorizer with issuer https://cognito-idp.<region>.amazonaws.com/"
                                        + "<pool id> for it, or route it with api = ApiKind.REST"));
            }
        }
        if (!scopes.isEmpty() && (type == null || !takesScopes(type))) {
            String what = type == null
                    ? (authorizer.equals(HttpRoute.NONE) ? "an open route" : authorizer + " authorization")
                    : "a " + type + " authorizer, which decides itself what a caller may do";
            return Optional.of("scopes = " + scopes + " need a JWT or COGNITO_USER_POOLS authorizer, and " + label
                    + " is " + what + "; remove scopes or name such an authorizer");
        }
        return Optional.empty();
    }

    /** The message for a route or {@code <defaultAuthorizer>} naming an authorizer the service does not declare. */
    public static String unknown(String label, Collection<String> declared) {
        return label + " names no @Authorizer of this service; declared: " + new java.util.TreeSet<>(declared)
                + (label.startsWith("<defaultAuthorizer>")
                        ? "; or AWS_IAM, or NONE for open routes"
                        : "; or HttpRoute.AWS_IAM, or HttpRoute.NONE for an open route");
    }
}
