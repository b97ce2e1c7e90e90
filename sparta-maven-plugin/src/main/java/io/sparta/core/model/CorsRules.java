package io.sparta.core.model;

import io.sparta.annotations.processing.RouteRules;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.Cors;
import java.util.List;
import java.util.regex.Pattern;

/** What API Gateway accepts as a service's stage and CORS configuration. */
final class CorsRules {

    static final int MAX_AGE_MAX = 86_400;

    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.*-]+(:\\d{1,5})?");
    private static final Pattern HEADER = Pattern.compile("\\*|[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private CorsRules() {}

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
    }
}
