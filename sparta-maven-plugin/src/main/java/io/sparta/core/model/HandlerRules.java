package io.sparta.core.model;

import io.sparta.annotations.processing.FunctionRules;
import io.sparta.core.scan.HandlerSite;
import io.sparta.core.scan.HandlerSite.ClassShape;
import io.sparta.core.scan.HandlerSite.MethodShape;
import java.util.ArrayList;
import java.util.List;

/** The rules of AWS Lambda's Java runtime for what it can instantiate and call. */
final class HandlerRules {

    private HandlerRules() {}

    /** Why Lambda could not call this handler; empty when it can. */
    static List<String> problems(HandlerSite site) {
        List<String> problems = new ArrayList<>();
        ClassShape type = site.classShape();
        MethodShape method = site.methodShape();
        String where = site.location();
        if (!type.isPublic()) {
            problems.add(where + ": class " + site.className() + " is not public; Lambda can only load public classes");
        }
        if (method == null) {
            instantiable(site, problems);
            if (!type.implementsRequestHandler() && !type.implementsRequestStreamHandler()) {
                problems.add(where + ": a @SpartaLambda class must implement"
                        + " com.amazonaws.services.lambda.runtime.RequestHandler or RequestStreamHandler;"
                        + " otherwise put @SpartaLambda on a public handler method");
            }
            return problems;
        }
        if (!method.isPublic()) {
            problems.add(
                    where + ": method " + site.methodName() + " is not public; Lambda can only call public methods");
        }
        if (!method.isStatic()) {
            instantiable(site, problems);
        }
        if (method.publicOverloads() > 1) {
            problems.add(where + ": " + method.publicOverloads() + " public methods are named " + site.methodName()
                    + ", so the handler " + site.className() + "::" + site.methodName()
                    + " is ambiguous; rename the annotated one");
        }
        FunctionRules.signature(method.parameterTypes()).ifPresent(problem -> problems.add(where + ": " + problem));
        return problems;
    }

    private static void instantiable(HandlerSite site, List<String> problems) {
        ClassShape type = site.classShape();
        String where = site.location();
        if (type.isInterface() || type.isAbstract()) {
            problems.add(where + ": class " + site.className() + " is abstract; Lambda must be able to instantiate it");
        } else if (type.isInnerNonStatic()) {
            problems.add(where + ": class " + site.className()
                    + " is an inner class; declare it static so Lambda can instantiate it");
        } else if (!type.hasPublicNoArgConstructor()) {
            problems.add(where + ": class " + site.className()
                    + " has no public no-argument constructor; Lambda instantiates handlers with one");
        }
    }
}
