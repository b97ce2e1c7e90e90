package io.sparta.core.scan;

import java.util.List;
import java.util.Map;

/**
 * What the class files say about one {@code @SpartaLambda} declaration: enough to decide whether Lambda can
 * call it, without ever loading the user's classes.
 *
 * @param className binary name, such as {@code com.acme.Outer$Inner}
 * @param methodName the annotated method, or {@code null} when the annotation is on the class
 * @param attributes the annotation's explicit values: numbers and strings as such, enum constants by name,
 *     nested annotations as maps and arrays as lists
 * @param triggers each Sparta annotation beside it on the same class or method, such as {@code @Schedule} or
 *     {@code @Grant}, in order
 */
public record HandlerSite(
        String className,
        String methodName,
        Map<String, Object> attributes,
        List<SiteAnnotation> triggers,
        ClassShape classShape,
        MethodShape methodShape) {

    /** How the declaring class looks to Lambda's Java runtime. */
    public record ClassShape(
            boolean isPublic,
            boolean isAbstract,
            boolean isInterface,
            boolean isInnerNonStatic,
            boolean hasPublicNoArgConstructor,
            boolean implementsRequestHandler,
            boolean implementsRequestStreamHandler,
            boolean extendsCustomResourceFunction) {}

    /**
     * How the annotated method looks to Lambda's Java runtime.
     *
     * @param parameterTypes the parameters' binary class names ({@code int} for primitives)
     * @param publicOverloads how many public methods of the class share the name, this one included
     */
    public record MethodShape(boolean isPublic, boolean isStatic, List<String> parameterTypes, int publicOverloads) {}

    public HandlerSite {
        triggers = List.copyOf(triggers);
    }

    /**
     * One annotation as the class file holds it.
     *
     * @param type the annotation's simple name, such as {@code Schedule} or {@code Grant}
     * @param values its explicit values
     */
    public record SiteAnnotation(String type, Map<String, Object> values) {}

    /** Where the declaration is, for messages: {@code com.acme.Hello} or {@code com.acme.Greeter#greet}. */
    public String location() {
        return methodName == null ? className : className + "#" + methodName;
    }
}
