package io.sparta.annotations.processing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of a service as they are declared, to catch the ones API Gateway would refuse: the same method on
 * the same path twice, and, on a REST API, one position named by two different path parameters.
 */
public final class RouteTable {

    private final Map<String, String> declaredAt = new HashMap<>();
    private final Map<String, String> parameterAt = new HashMap<>();

    /**
     * @param api the API's kind, such as {@code HTTP} or {@code REST}
     * @param where the declaring class or method, for the message
     * @return why the route clashes with one added earlier, or nothing
     */
    public Optional<String> add(String api, String method, String path, String where) {
        String key = api + " " + method + " " + RouteRules.shape(path);
        String earlier = declaredAt.putIfAbsent(key, where + " (" + method + " " + path + ")");
        if (earlier != null) {
            return Optional.of("route " + method + " " + path + " on the " + api + " API is already declared by "
                    + earlier + "; each method and path may be routed once");
        }
        if (api.equals("REST")) {
            StringBuilder parent = new StringBuilder();
            for (String segment : RouteRules.segments(path)) {
                Optional<String> parameter = RouteRules.parameterName(segment);
                if (parameter.isPresent()) {
                    String position = parent + "/{}";
                    String other = parameterAt.putIfAbsent(position, parameter.get());
                    if (other != null && !other.equals(parameter.get())) {
                        return Optional.of("route " + method + " " + path + " calls the parameter after "
                                + (parent.isEmpty() ? "/" : parent) + " {" + parameter.get()
                                + "}, but another REST route calls it {" + other + "}; a REST API takes one name"
                                + " per position");
                    }
                }
                parent.append('/').append(RouteRules.shape(segment));
            }
        }
        return Optional.empty();
    }
}
