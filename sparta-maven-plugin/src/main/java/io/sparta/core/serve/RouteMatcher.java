package io.sparta.core.serve;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route for a request as API Gateway does: among the routes whose method and path match, the most
 * specific wins (a literal segment over a parameter, a parameter over a greedy one, a method over ANY).
 */
final class RouteMatcher {

    /** A route that matched, with its path parameters decoded. */
    record Match(LambdaFunction function, HttpRouteTrigger route, Map<String, String> pathParameters) {}

    private record Candidate(LambdaFunction function, HttpRouteTrigger route, List<String> segments) {}

    private final List<Candidate> candidates = new ArrayList<>();

    RouteMatcher(ServiceModel service, ApiKind api) {
        for (LambdaFunction function : service.functions()) {
            for (HttpRouteTrigger route : function.routes(api)) {
                candidates.add(new Candidate(function, route, RouteRules.segments(route.path())));
            }
        }
    }

    boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** @param path the request's raw path below the API's base path, such as {@code /orders/42} */
    Optional<Match> match(String method, String path) {
        List<String> requested = RouteRules.segments(path.isEmpty() ? "/" : path);
        return candidates.stream()
                .filter(candidate -> candidate.route().method().equals(method)
                        || candidate.route().method().equals("ANY"))
                .map(candidate -> parameters(candidate, requested).map(parameters -> new Scored(candidate, parameters)))
                .flatMap(Optional::stream)
                .max(Comparator.comparing((Scored scored) -> specificity(scored.candidate()))
                        .thenComparing(
                                scored -> !scored.candidate().route().method().equals("ANY")))
                .map(scored -> new Match(
                        scored.candidate().function(), scored.candidate().route(), scored.parameters()));
    }

    /** Whether some route serves this path with any method: API Gateway answers such requests differently. */
    boolean knowsPath(String path) {
        List<String> requested = RouteRules.segments(path.isEmpty() ? "/" : path);
        return candidates.stream()
                .anyMatch(candidate -> parameters(candidate, requested).isPresent());
    }

    private record Scored(Candidate candidate, Map<String, String> parameters) {}

    private static Optional<Map<String, String>> parameters(Candidate candidate, List<String> requested) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> declared = candidate.segments();
        for (int i = 0; i < declared.size(); i++) {
            String segment = declared.get(i);
            Optional<String> name = RouteRules.parameterName(segment);
            if (RouteRules.isGreedy(segment)) {
                if (i >= requested.size()) {
                    return Optional.empty();
                }
                parameters.put(name.orElseThrow(), decode(String.join("/", requested.subList(i, requested.size()))));
                return Optional.of(parameters);
            }
            if (i >= requested.size()) {
                return Optional.empty();
            }
            String actual = requested.get(i);
            if (name.isPresent()) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(name.get(), decode(actual));
            } else if (!segment.equals(actual)) {
                return Optional.empty();
            }
        }
        return declared.size() == requested.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Per segment, 2 for a literal, 1 for a parameter, 0 for a greedy one; compared segment by segment. */
    private static String specificity(Candidate candidate) {
        StringBuilder score = new StringBuilder();
        for (String segment : candidate.segments()) {
            score.append(
                    RouteRules.isGreedy(segment)
                            ? '0'
                            : RouteRules.parameterName(segment).isPresent() ? '1' : '2');
        }
        return score.toString();
    }

    /** Percent-decoding as in a path, where {@code +} is a plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
