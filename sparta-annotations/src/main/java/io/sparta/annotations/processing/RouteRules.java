package io.sparta.annotations.processing;

import io.sparta.annotations.HttpRoute;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What API Gateway accepts as a route's method and path. */
public final class RouteRules {

    public static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
    public static final int PATH_MAX = 512;

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(\\+?)}");

    private RouteRules() {}

    /** The authorizers every service has, beside the ones it declares with {@code @Authorizer}. */
    public static final List<String> AUTHORIZERS = List.of(HttpRoute.AWS_IAM, HttpRoute.NONE);

    /** A route's authorizer: empty for the API's default, one of {@link #AUTHORIZERS}, or a declared one's name. */
    public static Optional<String> authorizer(String authorizer) {
        return authorizer("authorizer = ", authorizer);
    }

    /**
     * An authorizer's name where {@code label} names it: {@code authorizer = } on a route, {@code <defaultAuthorizer> }
     * in the pom. Whether a declared authorizer of that name exists is known once every declaration is read.
     */
    public static Optional<String> authorizer(String label, String authorizer) {
        if (authorizer.isEmpty()
                || AUTHORIZERS.contains(authorizer)
                || ResourceRules.name(authorizer).isEmpty()) {
            return Optional.empty();
        }
        String upper = authorizer.toUpperCase(java.util.Locale.ROOT);
        return Optional.of(label + "\"" + authorizer + "\" is neither one of " + AUTHORIZERS
                + (AUTHORIZERS.contains(upper) ? " (write " + upper + ", upper case)" : "")
                + " nor an @Authorizer's name (1 to " + ResourceRules.NAME_MAX + " lower-case letters, digits or '-',"
                + " starting with a letter); "
                + (label.startsWith("<defaultAuthorizer>")
                        ? "leave <defaultAuthorizer> out for open routes"
                        : "leave it out to take the pom's <defaultAuthorizer>"));
    }

    public static Optional<String> method(String method) {
        if (METHODS.contains(method)) {
            return Optional.empty();
        }
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        String fix = method.equals("*")
                ? "; API Gateway reads the method literally: write ANY for every method"
                : METHODS.contains(upper) ? "; API Gateway reads the method literally: write " + upper : "";
        return Optional.of("method = \"" + method + "\" is not one of " + METHODS + fix);
    }

    public static Optional<String> path(String path) {
        String prefix = "path = \"" + path + "\" ";
        if (!path.startsWith("/")) {
            return Optional.of(prefix + "must start with /");
        }
        if (path.length() > PATH_MAX) {
            return Optional.of(prefix + "is " + path.length() + " characters long; at most " + PATH_MAX);
        }
        if (path.equals("/")) {
            return Optional.empty();
        }
        List<String> segments = segments(path);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            var variable = VARIABLE.matcher(segment);
            if (variable.matches()) {
                if (!names.add(variable.group(1))) {
                    return Optional.of(prefix + "names the path parameter " + variable.group(1) + " twice");
                }
                if (!variable.group(2).isEmpty() && i != segments.size() - 1) {
                    return Optional.of(prefix + "has the greedy parameter " + segment + " before its end; only the"
                            + " last segment may be greedy");
                }
            } else if (segment.contains("*")) {
                return Optional.of(prefix + "has the segment \"" + segment + "\", but API Gateway matches a path's"
                        + " segments literally; to route the rest of the path, end it with a greedy parameter, such as "
                        + String.join(
                                "/",
                                segments.subList(0, i).stream()
                                        .map(each -> "/" + each)
                                        .toList())
                        + "/{proxy+}");
            } else if (segment.matches(":[A-Za-z_][A-Za-z0-9_]*")) {
                return Optional.of(prefix + "has the segment \"" + segment + "\", but API Gateway names a path"
                        + " parameter in braces; write {" + segment.substring(1) + "}");
            } else if (!LITERAL.matcher(segment).matches()) {
                return Optional.of(prefix + "has the segment \"" + segment + "\"; a segment is letters, digits and"
                        + " -._~, or a parameter such as {id} or {proxy+}");
            }
        }
        return Optional.empty();
    }

    /** The path's segments, without the empty one before the leading slash. */
    public static List<String> segments(String path) {
        return path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
    }

    /** The path parameter a segment declares, such as {@code id} for {@code {id}}; empty for a literal. */
    public static Optional<String> parameterName(String segment) {
        var variable = VARIABLE.matcher(segment);
        return variable.matches() ? Optional.of(variable.group(1)) : Optional.empty();
    }

    /** Whether a segment is a greedy parameter such as {@code {proxy+}}. */
    public static boolean isGreedy(String segment) {
        var variable = VARIABLE.matcher(segment);
        return variable.matches() && !variable.group(2).isEmpty();
    }

    /**
     * The path with its parameters' names left out, such as {@code /orders/{}}: two routes of one method whose
     * paths share a shape are the same route to API Gateway.
     */
    public static String shape(String path) {
        return VARIABLE.matcher(path).replaceAll(match -> match.group(2).isEmpty() ? "{}" : "{+}");
    }
}
