package io.sparta.annotations.processing;

import io.sparta.annotations.Env;
import io.sparta.annotations.SpartaLambda;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks every {@link SpartaLambda} as javac compiles it, so a bad value is an error at its source position in
 * the IDE and the build, long before {@code package}. Registered as a service, so javac runs it without
 * configuration (on JDK 23 and newer, set the compiler's {@code <proc>full</proc>}).
 */
@SupportedAnnotationTypes("io.sparta.annotations.*")
public final class SpartaLambdaProcessor extends AbstractProcessor {

    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String REQUEST_STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private final Map<String, String> functionsByName = new HashMap<>();
    private CompanionChecks companions;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(SpartaLambda.class)) {
            check(
                    element,
                    element.getAnnotation(SpartaLambda.class),
                    CompanionChecks.mirror(element, SpartaLambda.class));
        }
        if (companions == null) {
            companions = new CompanionChecks(processingEnv.getMessager(), this::location);
        }
        companions.round(round);
        return false;
    }

    private void check(Element element, SpartaLambda function, AnnotationMirror mirror) {
        report(element, mirror, "memory", FunctionRules.memory(function.memory()));
        report(element, mirror, "timeout", FunctionRules.timeout(function.timeout()));
        report(element, mirror, "logRetentionDays", FunctionRules.logRetentionDays(function.logRetentionDays()));
        report(element, mirror, "description", FunctionRules.description(function.description()));
        report(
                element,
                mirror,
                "reservedConcurrency",
                FunctionRules.reservedConcurrency(function.reservedConcurrency()));
        report(element, mirror, "ephemeralStorage", FunctionRules.ephemeralStorage(function.ephemeralStorage()));
        report(element, mirror, "layers", FunctionRules.layers(List.of(function.layers())));
        report(element, mirror, "role", FunctionRules.role(function.role()));
        report(
                element,
                mirror,
                "snapStart",
                FunctionRules.snapStart(function.snapStart(), function.ephemeralStorage()));
        if (!function.name().isEmpty()) {
            report(element, mirror, "name", FunctionRules.name(function.name()));
        }
        report(
                element,
                mirror,
                "subnetIds",
                FunctionRules.vpc(List.of(function.subnetIds()), List.of(function.securityGroupIds())));
        report(
                element,
                mirror,
                "tags",
                FunctionRules.tags(
                        java.util.Arrays.stream(function.tags())
                                .map(io.sparta.annotations.Tag::key)
                                .toList(),
                        java.util.Arrays.stream(function.tags())
                                .map(io.sparta.annotations.Tag::value)
                                .toList()));
        Set<String> variables = new HashSet<>();
        for (Env variable : function.environment()) {
            report(element, mirror, "environment", FunctionRules.environmentName(variable.name()));
            if (!variables.add(variable.name())) {
                report(
                        element,
                        mirror,
                        "environment",
                        Optional.of("environment variable " + variable.name() + " is declared twice"));
            }
        }
        String name = function.name().isEmpty() ? defaultName(element) : function.name();
        String where = location(element);
        String earlier = functionsByName.putIfAbsent(name, where);
        if (earlier != null) {
            report(
                    element,
                    mirror,
                    "name",
                    Optional.of("two functions are named \"" + name + "\": " + earlier + " and " + where
                            + "; set a distinct name on one of them"));
        }
        if (element.getKind() == ElementKind.METHOD) {
            checkMethod((ExecutableElement) element, mirror);
        } else {
            checkClass((TypeElement) element, mirror);
        }
    }

    private void checkClass(TypeElement type, AnnotationMirror mirror) {
        instantiable(type, type, mirror);
        TypeElement requestHandler = processingEnv.getElementUtils().getTypeElement(REQUEST_HANDLER);
        TypeElement streamHandler = processingEnv.getElementUtils().getTypeElement(REQUEST_STREAM_HANDLER);
        if (requestHandler != null
                && streamHandler != null
                && !implementsType(type, requestHandler)
                && !implementsType(type, streamHandler)) {
            error(
                    type,
                    mirror,
                    null,
                    "a @SpartaLambda class must implement " + REQUEST_HANDLER
                            + " or RequestStreamHandler; otherwise put @SpartaLambda on a public handler method");
        }
    }

    private void checkMethod(ExecutableElement method, AnnotationMirror mirror) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        if (!method.getModifiers().contains(Modifier.PUBLIC)) {
            error(
                    method,
                    mirror,
                    null,
                    "method " + method.getSimpleName() + " is not public; Lambda can only call public methods");
        }
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            instantiable(type, method, mirror);
        } else if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            error(
                    method,
                    mirror,
                    null,
                    "class " + binaryName(type) + " is not public; Lambda can only load public classes");
        }
        long overloads = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().equals(method.getSimpleName())
                        && m.getModifiers().contains(Modifier.PUBLIC))
                .count();
        if (overloads > 1) {
            error(
                    method,
                    mirror,
                    null,
                    overloads + " public methods are named " + method.getSimpleName()
                            + ", so the handler " + binaryName(type) + "::" + method.getSimpleName()
                            + " is ambiguous; rename the annotated one");
        }
        List<String> parameters =
                method.getParameters().stream().map(p -> typeName(p.asType())).toList();
        // At the parameters, the part to change; a declaration's own position is where its annotations start.
        Element at = method.getParameters().isEmpty()
                ? method
                : method.getParameters().get(0);
        FunctionRules.signature(parameters).ifPresent(problem -> error(at, mirror, null, problem));
    }

    private void instantiable(TypeElement type, Element target, AnnotationMirror mirror) {
        String name = binaryName(type);
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            error(target, mirror, null, "class " + name + " is not public; Lambda can only load public classes");
        }
        if (type.getKind() == ElementKind.INTERFACE || type.getModifiers().contains(Modifier.ABSTRACT)) {
            error(target, mirror, null, "class " + name + " is abstract; Lambda must be able to instantiate it");
        } else if (type.getNestingKind() == NestingKind.MEMBER
                && !type.getModifiers().contains(Modifier.STATIC)) {
            error(
                    target,
                    mirror,
                    null,
                    "class " + name + " is an inner class; declare it static so Lambda can instantiate it");
        } else if (ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .noneMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC))) {
            error(
                    target,
                    mirror,
                    null,
                    "class " + name + " has no public no-argument constructor; Lambda instantiates handlers with one");
        }
    }

    private boolean implementsType(TypeElement type, TypeElement wanted) {
        var types = processingEnv.getTypeUtils();
        return types.isAssignable(types.erasure(type.asType()), types.erasure(wanted.asType()));
    }

    private String typeName(TypeMirror type) {
        TypeMirror erased = processingEnv.getTypeUtils().erasure(type);
        if (erased.getKind() == TypeKind.DECLARED) {
            return binaryName((TypeElement) ((DeclaredType) erased).asElement());
        }
        return erased.toString();
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private String defaultName(Element element) {
        TypeElement type = element instanceof TypeElement t ? t : (TypeElement) element.getEnclosingElement();
        String binary = binaryName(type);
        String simple = binary.substring(binary.lastIndexOf('.') + 1).replace('$', '-');
        return element.getKind() == ElementKind.METHOD ? simple + "-" + element.getSimpleName() : simple;
    }

    private String location(Element element) {
        return element.getKind() == ElementKind.METHOD
                ? binaryName((TypeElement) element.getEnclosingElement()) + "#" + element.getSimpleName()
                : binaryName((TypeElement) element);
    }

    private void report(Element element, AnnotationMirror mirror, String attribute, Optional<String> problem) {
        problem.ifPresent(message -> error(element, mirror, attribute, message));
    }

    /** An error at the attribute's value when it was written out, else at the annotation. */
    private void error(Element element, AnnotationMirror mirror, String attribute, String message) {
        AnnotationValue value = mirror == null || attribute == null
                ? null
                : mirror.getElementValues().entrySet().stream()
                        .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
        processingEnv
                .getMessager()
                .printMessage(Diagnostic.Kind.ERROR, "@SpartaLambda: " + message, element, mirror, value);
    }
}
