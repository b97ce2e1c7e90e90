package io.sparta.annotations.processing;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of AWS Lambda's Java runtime for what it can instantiate and call, shared by the processor, which
 * reads a handler's shape from javac's elements, and the plugin, which reads it from class files. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html">Define Lambda function handler in
 * Java</a>.
 */
public final class HandlerRules {

    private HandlerRules() {}

    /**
     * What Lambda needs to know of a handler's class and method.
     *
     * @param className the binary name, such as {@code acme.Orders$Place}
     * @param methodName the annotated method, or {@code null} when the class itself is annotated
     * @param classAbstract abstract or an interface
     * @param implementsHandler whether the class implements RequestHandler or RequestStreamHandler; {@code true}
     *     when that cannot be told (the interfaces are not on the class path)
     * @param publicOverloads how many public methods share the method's name
     */
    public record Shape(
            String className,
            String methodName,
            boolean classPublic,
            boolean classAbstract,
            boolean innerNonStatic,
            boolean publicNoArgConstructor,
            boolean implementsHandler,
            boolean methodPublic,
            boolean methodStatic,
            int publicOverloads) {}

    /** Why Lambda could not load or call the handler, in the order a user fixes them; the signature aside. */
    public static List<String> problems(Shape shape) {
        List<String> problems = new ArrayList<>();
        if (!shape.classPublic()) {
            problems.add("class " + shape.className() + " is not public; Lambda can only load public classes");
        }
        if (shape.methodName() == null) {
            instantiable(shape, problems);
            if (!shape.implementsHandler()) {
                problems.add("class " + shape.className() + " must implement"
                        + " com.amazonaws.services.lambda.runtime.RequestHandler or RequestStreamHandler;"
                        + " otherwise move @SpartaLambda from the class to a public handler method");
            }
            return problems;
        }
        if (!shape.methodPublic()) {
            problems.add("method " + shape.methodName() + " is not public; Lambda can only call public methods");
        }
        if (!shape.methodStatic()) {
            instantiable(shape, problems);
        }
        if (shape.publicOverloads() > 1) {
            problems.add(shape.publicOverloads() + " public methods are named " + shape.methodName()
                    + ", so the handler " + shape.className() + "::" + shape.methodName()
                    + " is ambiguous; rename the annotated one");
        }
        return problems;
    }

    private static void instantiable(Shape shape, List<String> problems) {
        String name = shape.className();
        if (shape.classAbstract()) {
            problems.add("class " + name + " is abstract; Lambda must be able to instantiate it");
        } else if (shape.innerNonStatic()) {
            problems.add("class " + name + " is an inner class; declare it static so Lambda can instantiate it");
        } else if (!shape.publicNoArgConstructor()) {
            problems.add(
                    "class " + name + " has no public no-argument constructor; Lambda instantiates handlers with one");
        }
    }
}
