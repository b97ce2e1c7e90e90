package io.sparta.core.scan;

import java.util.List;
import java.util.Map;

/**
 * What a module's class files declare.
 *
 * @param functions each {@code @SpartaLambda}, by class name, then method name
 * @param resources each resource declaration, in class order
 * @param orphans annotations that only mean something beside {@code @SpartaLambda}, found without it
 */
public record ScannedClasses(List<HandlerSite> functions, List<DeclaredResource> resources, List<Orphan> orphans) {

    public ScannedClasses {
        functions = List.copyOf(functions);
        resources = List.copyOf(resources);
        orphans = List.copyOf(orphans);
    }

    public ScannedClasses(List<HandlerSite> functions, List<DeclaredResource> resources) {
        this(functions, resources, List.of());
    }

    /**
     * A trigger, route, grant or statement on a class or method that has no {@code @SpartaLambda}.
     *
     * @param location {@code com.acme.Jobs} or {@code com.acme.Jobs#nightly}
     * @param type the annotation's simple name
     */
    public record Orphan(String location, String type) {}

    /**
     * One resource annotation, such as {@code @DynamoTable}.
     *
     * @param type the annotation's simple name
     * @param values its explicit values
     * @param className the class carrying it, for messages
     */
    public record DeclaredResource(String type, Map<String, Object> values, String className) {}
}
