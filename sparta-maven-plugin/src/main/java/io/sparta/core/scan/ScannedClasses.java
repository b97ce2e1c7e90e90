package io.sparta.core.scan;

import java.util.List;
import java.util.Map;

/**
 * What a module's class files declare.
 *
 * @param functions each {@code @SpartaLambda}, by class name, then method name
 * @param resources each resource declaration, in class order
 */
public record ScannedClasses(List<HandlerSite> functions, List<DeclaredResource> resources) {

    public ScannedClasses {
        functions = List.copyOf(functions);
        resources = List.copyOf(resources);
    }

    /**
     * One resource annotation, such as {@code @DynamoTable}.
     *
     * @param type the annotation's simple name
     * @param values its explicit values
     * @param className the class carrying it, for messages
     */
    public record DeclaredResource(String type, Map<String, Object> values, String className) {}
}
