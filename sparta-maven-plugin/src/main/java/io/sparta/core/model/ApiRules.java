package io.sparta.core.model;

import io.sparta.annotations.processing.FunctionRules;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.AccessLogs;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpApiSettings.Throttling;
import java.util.List;
import java.util.regex.Pattern;

/** What API Gateway accepts as a service's stage, its CORS rules, access logs and throttling. */
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
            problems.add("<throttling><rateLimit> " + throttling.rateLimit() + " is out of range; allowed more than 0"
                    + " to " + (long) RATE_LIMIT_MAX + " requests a second");
        }
        if (throttling.burstLimit() < 1 || throttling.burstLimit() > BURST_LIMIT_MAX) {
            problems.add("<throttling><burstLimit> " + throttling.burstLimit() + " is out of range; allowed 1 to "
                    + BURST_LIMIT_MAX + " requests");
        }
    }
}
