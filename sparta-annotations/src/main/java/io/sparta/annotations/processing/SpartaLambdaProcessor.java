package io.sparta.annotations.processing;

import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.processing.AnnotationKinds.Kind;
import io.sparta.annotations.processing.AnnotationKinds.Placement;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Checks every Sparta annotation as javac compiles it, so a bad value is an error at its source position in the
 * IDE and the build, long before {@code package}. It walks {@link AnnotationKinds}, the rules {@code package}
 * walks too. Registered as a service, so javac runs it without configuration (on JDK 23 and newer, set the
 * compiler's {@code <proc>full</proc>}).
 */
@SupportedAnnotationTypes("io.sparta.annotations.*")
public final class SpartaLambdaProcessor extends AbstractProcessor {

    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String REQUEST_STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private final Map<String, String> functionsByName = new HashMap<>();
    private final RouteTable routes = new RouteTable();
    private final ResourceTable<Site> resources = new ResourceTable<>();
    private final ServiceTable<Site> service = new ServiceTable<>();

    /** An annotation on an element: where a reference's error belongs. */
    private record Site(Element element, AnnotationMirror mirror) {}

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Kind kind : AnnotationKinds.ALL) {
            for (Element element : annotated(round, kind)) {
                AnnotationMirror mirror = mirror(element, kind.annotation());
                if (kind.placement() == Placement.COMPANION && element.getAnnotation(SpartaLambda.class) == null) {
                    printError(AnnotationKinds.needsFunction(kind.label()), element, mirror, null);
                }
                for (Annotation annotation : element.getAnnotationsByType(kind.annotation())) {
                    AttributeValues values = AttributeValues.of(annotation);
                    kind.check().check(values, new ElementUse(kind, label(kind, values), element, mirror));
                }
                if (kind.placement() == Placement.FUNCTION) {
                    checkHandler(element, mirror);
                }
            }
        }
        // Reported while the sources' positions are at hand: javac has none left for them in the final round.
        // The rules between declarations see what this compilation declares; package sees the whole module.
        if (!round.getRootElements().isEmpty()) {
            java.util.stream.Stream.concat(resources.unresolved().stream(), service.problems().stream())
                    .forEach(problem -> printError(
                            problem.message(),
                            problem.where().element(),
                            problem.where().mirror(),
                            null));
        }
        return false;
    }

    /** One annotation on one element, as {@link AnnotationKinds}' checks see it. */
    private final class ElementUse implements AnnotationKinds.Use {

        private final Kind kind;
        private final String label;
        private final Element element;
        private final AnnotationMirror mirror;

        ElementUse(Kind kind, String label, Element element, AnnotationMirror mirror) {
            this.kind = kind;
            this.label = label;
            this.element = element;
            this.mirror = mirror;
        }

        @Override
        public void problem(String attribute, String message) {
            error(element, mirror, attribute, label + ": " + message);
        }

        @Override
        public void refer(String name, List<ResourceKind> kinds, boolean needsStream, String what, boolean used) {
            resources.refer(name, kinds, needsStream, what, new Site(element, mirror));
        }

        @Override
        public void declare(ResourceKind resourceKind, String name, boolean hasStream) {
            resources
                    .declare(resourceKind, name, hasStream, new Site(element, mirror), location())
                    .ifPresent(message -> problem(null, message));
        }

        @Override
        public RouteTable routes() {
            return routes;
        }

        @Override
        public void note(ServiceTable.Fact fact) {
            service.note(fact, new Site(element, mirror));
        }

        @Override
        public String location() {
            return SpartaLambdaProcessor.this.location(element);
        }
    }

    /**
     * How messages name one annotation: a declared resource with its name, as {@code package} names it, since
     * javac reports every repeated annotation at the class.
     */
    private static String label(Kind kind, AttributeValues values) {
        return kind.placement() == Placement.RESOURCE
                ? kind.label() + "(name = \"" + values.string("name") + "\")"
                : kind.label();
    }

    /** What only javac's view of the handler can tell: its shape, its signature and its name among the others. */
    private void checkHandler(Element element, AnnotationMirror mirror) {
        TypeElement type = element instanceof TypeElement t ? t : (TypeElement) element.getEnclosingElement();
        ExecutableElement method = element instanceof ExecutableElement m ? m : null;
        String className = binaryName(type);
        String methodName = method == null ? null : method.getSimpleName().toString();
        String name = element.getAnnotation(SpartaLambda.class).name();
        String functionName = name.isEmpty() ? FunctionRules.defaultName(className, methodName) : name;
        String where = location(element);
        String earlier = functionsByName.putIfAbsent(functionName, where);
        if (earlier != null) {
            error(
                    element,
                    mirror,
                    "name",
                    FunctionRules.labelled(FunctionRules.duplicateName(functionName, earlier, where)));
        }
        TypeElement customResourceHandler =
                processingEnv.getElementUtils().getTypeElement(CustomResourceRules.HANDLER_CLASS);
        service.note(
                new ServiceTable.NamedFunction(
                        functionName,
                        method == null && customResourceHandler != null && implementsType(type, customResourceHandler)),
                new Site(element, mirror));
        HandlerRules.problems(shape(type, method))
                .forEach(problem -> error(element, mirror, null, FunctionRules.labelled(problem)));
        if (method != null) {
            List<String> parameters = method.getParameters().stream()
                    .map(p -> typeName(p.asType()))
                    .toList();
            // At the parameters, the part to change; a declaration's own position is where its annotations start.
            Element at = method.getParameters().isEmpty()
                    ? method
                    : method.getParameters().get(0);
            FunctionRules.signature(parameters)
                    .ifPresent(problem -> error(at, mirror, null, FunctionRules.labelled(problem)));
        }
    }

    private HandlerRules.Shape shape(TypeElement type, ExecutableElement method) {
        TypeElement requestHandler = processingEnv.getElementUtils().getTypeElement(REQUEST_HANDLER);
        TypeElement streamHandler = processingEnv.getElementUtils().getTypeElement(REQUEST_STREAM_HANDLER);
        boolean implementsHandler = requestHandler == null
                || streamHandler == null
                || implementsType(type, requestHandler)
                || implementsType(type, streamHandler);
        long overloads = method == null
                ? 0
                : ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                        .filter(m -> m.getSimpleName().equals(method.getSimpleName())
                                && m.getModifiers().contains(Modifier.PUBLIC))
                        .count();
        return new HandlerRules.Shape(
                binaryName(type),
                method == null ? null : method.getSimpleName().toString(),
                type.getModifiers().contains(Modifier.PUBLIC),
                type.getKind() == ElementKind.INTERFACE || type.getModifiers().contains(Modifier.ABSTRACT),
                type.getNestingKind() == NestingKind.MEMBER
                        && !type.getModifiers().contains(Modifier.STATIC),
                ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                        .anyMatch(c ->
                                c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)),
                implementsHandler,
                method != null && method.getModifiers().contains(Modifier.PUBLIC),
                method != null && method.getModifiers().contains(Modifier.STATIC),
                (int) overloads);
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

    private String location(Element element) {
        return element.getKind() == ElementKind.METHOD
                ? binaryName((TypeElement) element.getEnclosingElement()) + "#" + element.getSimpleName()
                : binaryName((TypeElement) element);
    }

    /** The elements carrying the kind's annotation, or its container when it was repeated. */
    private static List<? extends Element> annotated(RoundEnvironment round, Kind kind) {
        return List.copyOf(
                kind.container() == null
                        ? round.getElementsAnnotatedWith(kind.annotation())
                        : round.getElementsAnnotatedWithAny(Set.of(kind.annotation(), kind.container())));
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
        printError(message, element, mirror, value);
    }

    private void printError(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }

    /** The annotation on the element, or the container javac wrote when it was repeated; where errors point. */
    private static AnnotationMirror mirror(Element element, Class<? extends Annotation> type) {
        Class<? extends Annotation> container =
                AnnotationKinds.named(type.getSimpleName()).map(Kind::container).orElse(null);
        return element.getAnnotationMirrors().stream()
                .filter(m -> {
                    String name = ((TypeElement) m.getAnnotationType().asElement())
                            .getQualifiedName()
                            .toString();
                    return name.equals(type.getCanonicalName())
                            || (container != null && name.equals(container.getCanonicalName()));
                })
                .findFirst()
                .orElse(null);
    }
}
