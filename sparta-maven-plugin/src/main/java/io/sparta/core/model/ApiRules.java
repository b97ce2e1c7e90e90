package io.sparta.core.model;

import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.processing.AuthorizerRules;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.AccessLogs;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpApiSettings.Domain;
import io.sparta.api.HttpApiSettings.Throttling;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What API Gateway accepts as a service's stage, CORS rules, access logs, throttling, custom domain and default
 * authorizer, and which of them the service's routes would leave without effect.
 */
final class ApiRules {

    static final int MAX_AGE_MAX = 86_400;

    /** The variable an access log line must hold, or {@link #EXTENDED_REQUEST_ID}. */
    static final String REQUEST_ID = "$context.requestId";

    static final String EXTENDED_REQUEST_ID = "$context.extendedRequestId";

    /**
     * Highest stage rate and burst: a stage's limits cannot pass the account's, whose raisable quota is counted in
     * requests a second; these are far beyond any account's, so only typing errors are refused.
     */
    static final double RATE_LIMIT_MAX = 1_000_000;

    static final int BURST_LIMIT_MAX = 1_000_000;

    /** Lower-case DNS labels of 1 to 63 characters, at most 253 in all, optionally under a wildcard. */
    static final Pattern DOMAIN_NAME = Pattern.compile(
            "(?=.{4,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    static final String DOMAIN_NAME_HINT = "a domain name API Gateway takes: lower-case labels of letters, digits and"
            + " '-', separated by dots, such as api.example.com (or *.example.com)";

    static final Pattern CERTIFICATE_ARN =
            Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");

    /** One path segment: API Gateway maps a regional domain's REST and HTTP APIs one level deep alike. */
    static final Pattern BASE_PATH = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    static final String BASE_PATH_HINT =
            "one path segment of letters, digits, '.', '_', '-' or '~', such as orders (leave it out for the root)";

    static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

    /** Values each of {@link Limits#PSEUDO_PARAMETERS} stands for while a domain value naming it is checked. */
    private static final Map<String, String> PSEUDO_PARAMETER_EXAMPLES = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "us-east-1",
            "AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/stack/0a1b2c3d",
            "AWS::StackName", "stack",
            "AWS::URLSuffix", "amazonaws.com");

    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.*-]+(:\\d{1,5})?");
    private static final Pattern HEADER = Pattern.compile("\\*|[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private ApiRules() {}

    static void check(HttpApiSettings http, List<String> problems) {
        if (!http.stage().equals(HttpApiSettings.DEFAULT_STAGE)
                && !STAGE.matcher(http.stage()).matches()) {
            problems.add("<httpStage> \"" + http.stage() + "\" must be $default or 1 to 128 letters, digits, '-' or"
                    + " '_'");
        }
        Cors cors = http.cors();
        cors.allowOrigins().stream()
                .filter(origin -> !ORIGIN.matcher(origin).matches())
                .forEach(origin -> problems.add("<cors><allowOrigins> \"" + origin + "\" must be * or"
                        + " scheme://host[:port], such as https://app.example.com"));
        cors.allowMethods().stream()
                .filter(method -> !method.equals("*") && !RouteRules.METHODS.contains(method))
                .forEach(method -> problems.add(
                        "<cors><allowMethods> \"" + method + "\" is not * or one of " + RouteRules.METHODS));
        for (List<String> headers : List.of(cors.allowHeaders(), cors.exposeHeaders())) {
            headers.stream()
                    .filter(header -> !HEADER.matcher(header).matches())
                    .forEach(header -> problems.add("<cors> header \"" + header + "\" is not a header name"));
        }
        if (cors.maxAgeSeconds() < -1 || cors.maxAgeSeconds() > MAX_AGE_MAX) {
            problems.add(
                    "<cors><maxAgeSeconds> " + cors.maxAgeSeconds() + " is out of range; allowed 0 to " + MAX_AGE_MAX);
        }
        if (cors.allowCredentials() && cors.allowOrigins().contains("*")) {
            problems.add("<cors><allowCredentials> true needs explicit origins; browsers refuse credentials with"
                    + " the origin *");
        }
        if (!cors.enabled()
                && (!cors.allowMethods().isEmpty() || !cors.allowHeaders().isEmpty() || cors.allowCredentials())) {
            problems.add("<cors> allows no origin, so its other settings have no effect; add <allowOrigins>");
        }
        checkAccessLogs(http.accessLogs(), problems);
        RouteRules.authorizer("<defaultAuthorizer> ", http.defaultAuthorizer()).ifPresent(problems::add);
        checkThrottling(http.throttling(), problems);
    }

    private static void checkAccessLogs(AccessLogs logs, List<String> problems) {
        if (!logs.enabled()) {
            return;
        }
        FunctionRules.logRetentionDays(logs.logRetentionDays())
                .ifPresent(problem -> problems.add(FunctionDefaults.inPom("accessLogs", problem)));
        String format = logs.format();
        if (format.isEmpty()) {
            return;
        }
        if (!format.contains(REQUEST_ID) && !format.contains(EXTENDED_REQUEST_ID)) {
            problems.add("<accessLogs><format> must contain " + REQUEST_ID + " or " + EXTENDED_REQUEST_ID
                    + ", which API Gateway needs to tell requests apart; leave <format> out for Sparta's JSON line");
        }
        if (format.contains("\n") || format.contains("\r")) {
            problems.add("<accessLogs><format> spans lines; API Gateway writes one line a request, so write the"
                    + " format on one line");
        }
    }

    /**
     * The custom domain, once for the pom's parameter values and again for each environment's when a value names a
     * parameter, so each environment's domain is checked as its stack will get it.
     */
    static void checkDomain(ServiceSettings configured, List<String> problems) {
        Domain domain = configured.http().domain();
        if (!domain.enabled()) {
            if (!(domain.certificateArn() + domain.basePath() + domain.restBasePath() + domain.hostedZoneId())
                    .isEmpty()) {
                problems.add("<domain> has no <name>, so its other settings have no effect; add <name>, such as"
                        + " api.example.com");
            }
            return;
        }
        if (domain.certificateArn().isEmpty()) {
            problems.add("<domain> needs <certificateArn>: API Gateway serves a custom domain only with an ACM"
                    + " certificate covering it, in the stack's Region");
        }
        boolean parameterized = Stream.of(
                        domain.name(),
                        domain.certificateArn(),
                        domain.basePath(),
                        domain.restBasePath(),
                        domain.hostedZoneId())
                .anyMatch(value -> value.contains("${"));
        Map<String, Map<String, String>> scopes = parameterScopes(configured, parameterized);
        Set<String> found = new LinkedHashSet<>();
        scopes.forEach((where, parameters) -> {
            checkDomainValue("name", domain.name(), DOMAIN_NAME, DOMAIN_NAME_HINT, parameters, where, found);
            checkDomainValue(
                    "certificateArn",
                    domain.certificateArn(),
                    CERTIFICATE_ARN,
                    "an ACM certificate's ARN, arn:aws:acm:REGION:ACCOUNT:certificate/ID",
                    parameters,
                    where,
                    found);
            checkDomainValue("basePath", domain.basePath(), BASE_PATH, BASE_PATH_HINT, parameters, where, found);
            checkDomainValue(
                    "restBasePath", domain.restBasePath(), BASE_PATH, BASE_PATH_HINT, parameters, where, found);
            checkDomainValue(
                    "hostedZoneId",
                    domain.hostedZoneId(),
                    HOSTED_ZONE_ID,
                    "a Route 53 hosted zone's id, such as Z0123456789ABCDEFGHIJ",
                    parameters,
                    where,
                    found);
        });
        problems.addAll(found);
    }

    /** One {@code <domain>} value, with the parameters it names put in; an empty value is left out. */
    private static void checkDomainValue(
            String element,
            String value,
            Pattern valid,
            String hint,
            Map<String, String> parameters,
            String where,
            Set<String> problems) {
        if (value.isEmpty()) {
            return;
        }
        String resolved = resolve(value, parameters, "<domain><" + element + "> ", problems);
        if (resolved != null && !valid.matcher(resolved).matches()) {
            problems.add("<domain><" + element + "> \"" + resolved + "\"" + where + " is not " + hint);
        }
    }

    /**
     * The declared authorizers against the pom and the routes: the {@code <defaultAuthorizer>} is declared, the routes
     * that take it may, on their API and with their scopes, and the parameters their values name exist.
     */
    static void checkAuthorization(
            HttpApiSettings http, List<LambdaFunction> functions, ServiceSettings configured, List<String> problems) {
        Map<String, ApiAuthorizer> declared = new TreeMap<>();
        http.authorizers().forEach(authorizer -> declared.putIfAbsent(authorizer.name(), authorizer));
        String fallback = http.defaultAuthorizer();
        String label = "<defaultAuthorizer> \"" + fallback + "\"";
        boolean unknown = !fallback.isEmpty()
                && !RouteRules.AUTHORIZERS.contains(fallback)
                && RouteRules.authorizer(fallback).isEmpty()
                && !declared.containsKey(fallback);
        if (unknown) {
            problems.add(AuthorizerRules.unknown(label, declared.keySet()));
        }
        for (LambdaFunction function : functions) {
            for (HttpRouteTrigger route : function.triggers(HttpRouteTrigger.class)) {
                if (!route.authorizer().isEmpty() || unknown) {
                    continue;
                }
                ApiAuthorizer authorizer = declared.get(fallback);
                AuthorizerRules.route(
                                fallback.isEmpty() ? "the route, without <defaultAuthorizer>," : label,
                                route.api(),
                                fallback.isEmpty() ? HttpRoute.NONE : fallback,
                                authorizer == null ? null : authorizer.type(),
                                route.scopes())
                        .ifPresent(message -> problems.add(function.source() + ": @HttpRoute(method = \""
                                + route.method() + "\", path = \"" + route.path() + "\"): " + message));
            }
        }
        for (ApiAuthorizer authorizer : http.authorizers()) {
            checkAuthorizerValues(authorizer, configured, problems);
        }
    }

    /**
     * An authorizer's issuer, audiences and user pools with the parameters they name put in, for the pom's values and
     * each environment's: each environment's stack trusts the issuer it will get.
     */
    private static void checkAuthorizerValues(
            ApiAuthorizer authorizer, ServiceSettings configured, List<String> problems) {
        String label = "@Authorizer(name = \"" + authorizer.name() + "\"): ";
        List<String> values = new ArrayList<>(authorizer.audiences());
        values.add(authorizer.issuer());
        values.addAll(authorizer.userPoolArns());
        boolean parameterized = values.stream().anyMatch(value -> value.contains("${"));
        if (!parameterized) {
            return;
        }
        Set<String> found = new LinkedHashSet<>();
        parameterScopes(configured, true).forEach((where, parameters) -> {
            if (authorizer.issuer().contains("${")) {
                String issuer = resolve(
                        authorizer.issuer(), parameters, label + "issuer \"" + authorizer.issuer() + "\" ", found);
                if (issuer != null) {
                    AuthorizerRules.issuer(issuer).ifPresent(message -> found.add(label + message + where));
                }
            }
            for (String audience : authorizer.audiences()) {
                String resolved = audience.contains("${")
                        ? resolve(audience, parameters, label + "audiences \"" + audience + "\" ", found)
                        : audience;
                if (resolved != null && resolved.isBlank()) {
                    found.add(label + "audiences = \"" + audience + "\" is blank" + where
                            + "; give the parameter a value");
                }
            }
            for (String pool : authorizer.userPoolArns()) {
                if (pool.contains("${")) {
                    String resolved = resolve(pool, parameters, label + "userPoolArns \"" + pool + "\" ", found);
                    if (resolved != null) {
                        AuthorizerRules.userPoolArn(resolved).ifPresent(message -> found.add(label + message + where));
                    }
                }
            }
        });
        problems.addAll(found);
    }

    /**
     * A value with the parameters it names put in, pseudo parameters as examples of theirs; {@code null} when it names
     * one that does not exist, which is then a problem said after {@code label}.
     */
    private static String resolve(String value, Map<String, String> parameters, String label, Set<String> problems) {
        StringBuilder resolved = new StringBuilder();
        Matcher reference = Limits.SUBSTITUTION.matcher(value);
        while (reference.find()) {
            String name = reference.group(1);
            String replacement = parameters.get(name);
            if (replacement == null) {
                replacement = PSEUDO_PARAMETER_EXAMPLES.get(name);
            }
            if (replacement == null) {
                problems.add(label + Limits.unknownReference(name));
                return null;
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    /** The pom's parameter values, and each environment's where {@code parameterized}, by where they apply. */
    private static Map<String, Map<String, String>> parameterScopes(ServiceSettings configured, boolean parameterized) {
        Map<String, Map<String, String>> scopes = new LinkedHashMap<>();
        scopes.put("", configured.parameters());
        if (parameterized) {
            for (EnvironmentSettings environment : configured.environments()) {
                Map<String, String> parameters = new TreeMap<>(configured.parameters());
                parameters.putAll(environment.parameters());
                scopes.put(" in environment " + environment.name(), parameters);
            }
        }
        return scopes;
    }

    /**
     * Access logs, throttling and a custom domain belong to the APIs, which exist only once a function declares a
     * route; one domain serves two APIs only at two paths.
     *
     * @param http whether a function declares a route on the HTTP API
     * @param rest whether a function declares a route on the REST API
     */
    static void checkUsed(HttpApiSettings settings, boolean http, boolean rest, List<String> problems) {
        Domain domain = settings.domain();
        if (!http && !rest) {
            if (domain.enabled()) {
                problems.add("<domain> has no effect: no function declares an @HttpRoute, so the service has no API"
                        + " to serve at " + domain.name() + "; remove the section or declare a route");
            }
            if (settings.accessLogs().enabled()) {
                problems.add("<accessLogs> has no effect: no function declares an @HttpRoute, so the service has no"
                        + " API stage to log; remove the section or declare a route");
            }
            if (settings.throttling().enabled()) {
                problems.add("<throttling> has no effect: no function declares an @HttpRoute, so the service has no"
                        + " API stage to throttle; remove the section or declare a route");
            }
            return;
        }
        if (!domain.enabled()) {
            return;
        }
        if (http && rest && domain.basePath().equals(domain.restBasePath())) {
            problems.add("<domain> maps the HTTP API and the REST API both at "
                    + (domain.basePath().isEmpty() ? "the root" : "/" + domain.basePath()) + " of " + domain.name()
                    + "; give one of them its own path, such as <restBasePath>rest</restBasePath>");
        }
        if (!http && !domain.basePath().isEmpty()) {
            problems.add("<domain><basePath> has no effect: no function declares a route on the HTTP API; remove it,"
                    + " or set <restBasePath> for the REST API");
        }
        if (!rest && !domain.restBasePath().isEmpty()) {
            problems.add("<domain><restBasePath> has no effect: no function declares a route on the REST API"
                    + " (api = ApiKind.REST); remove it, or set <basePath> for the HTTP API");
        }
    }

    private static void checkThrottling(Throttling throttling, List<String> problems) {
        if (!throttling.enabled()) {
            return;
        }
        if (throttling.rateLimit() == -1 || throttling.burstLimit() == -1) {
            problems.add("<throttling> needs both <rateLimit> (requests a second) and <burstLimit> (requests at"
                    + " once), so that neither is left to a value the pom does not show");
            return;
        }
        if (!(throttling.rateLimit() > 0) || throttling.rateLimit() > RATE_LIMIT_MAX) {
            problems.add("<throttling><rateLimit> "
                    + java.math.BigDecimal.valueOf(throttling.rateLimit())
                            .stripTrailingZeros()
                            .toPlainString()
                    + " is out of range; allowed more than 0"
                    + " to " + (long) RATE_LIMIT_MAX + " requests a second");
        }
        if (throttling.burstLimit() < 1 || throttling.burstLimit() > BURST_LIMIT_MAX) {
            problems.add("<throttling><burstLimit> " + throttling.burstLimit() + " is out of range; allowed 1 to "
                    + BURST_LIMIT_MAX + " requests");
        }
    }
}
