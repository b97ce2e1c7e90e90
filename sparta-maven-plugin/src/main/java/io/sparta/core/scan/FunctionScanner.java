package io.sparta.core.scan;

import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.processing.AnnotationKinds;
import io.sparta.annotations.processing.AnnotationKinds.Placement;
import io.sparta.annotations.processing.CustomResourceRules;
import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Finds every {@code @SpartaLambda} declaration in a module's compiled classes by reading class files with ASM. */
public final class FunctionScanner {

    static final String SPARTA_LAMBDA = SpartaLambda.class.descriptorString();
    /** The annotations that go beside @SpartaLambda, each also repeatable through a container. */
    private static final List<Class<? extends Annotation>> FUNCTION_ANNOTATIONS = annotations(Placement.COMPANION);

    /** The annotations that declare a resource, on any class of the module. */
    private static final List<Class<? extends Annotation>> RESOURCE_ANNOTATIONS = annotations(Placement.RESOURCE);

    private static final Map<String, Class<?>> FUNCTION_DESCRIPTORS = descriptors(FUNCTION_ANNOTATIONS, false);
    private static final Map<String, Class<?>> FUNCTION_CONTAINERS = descriptors(FUNCTION_ANNOTATIONS, true);
    private static final Map<String, Class<?>> RESOURCE_DESCRIPTORS = descriptors(RESOURCE_ANNOTATIONS, false);
    private static final Map<String, Class<?>> RESOURCE_CONTAINERS = descriptors(RESOURCE_ANNOTATIONS, true);

    static final String REQUEST_HANDLER = "com/amazonaws/services/lambda/runtime/RequestHandler";
    static final String REQUEST_STREAM_HANDLER = "com/amazonaws/services/lambda/runtime/RequestStreamHandler";

    /**
     * @param classesDirectory the module's compiled classes, such as {@code target/classes}
     * @param classpath the module's runtime classpath, used only to read supertypes' headers
     * @return the functions in a stable order (by class name, then method name) and the declared resources
     * @throws SpartaUserException when a {@code .class} file under the directory, or a supertype's on the classpath,
     *     is not a class file this ASM reads, naming it
     */
    public ScannedClasses scan(Path classesDirectory, List<Path> classpath) throws IOException, SpartaUserException {
        if (!Files.isDirectory(classesDirectory)) {
            return new ScannedClasses(List.of(), List.of());
        }
        List<Path> lookup = new ArrayList<>();
        lookup.add(classesDirectory);
        lookup.addAll(classpath);
        List<HandlerSite> sites = new ArrayList<>();
        List<ScannedClasses.DeclaredResource> resources = new ArrayList<>();
        List<ScannedClasses.Orphan> orphans = new ArrayList<>();
        try (TypeHierarchy hierarchy = new TypeHierarchy(lookup);
                Stream<Path> files = Files.walk(classesDirectory)) {
            for (Path classFile :
                    files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                ClassFacts facts = new ClassFacts();
                try {
                    new ClassReader(Files.readAllBytes(classFile)).accept(facts, ClassReader.SKIP_CODE);
                    sites.addAll(facts.sites(hierarchy));
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    // The message says all ASM did; a cause would only add its class name to the build's output.
                    throw new SpartaUserException(UnreadableClassFile.message(classFile.toString(), e));
                } catch (UnreadableClassFile e) {
                    throw new SpartaUserException(e.getMessage());
                }
                orphans.addAll(facts.orphans());
                facts.resources.forEach(resource -> resources.add(new ScannedClasses.DeclaredResource(
                        resource.type(),
                        resource.values(),
                        Type.getObjectType(facts.internalName).getClassName())));
            }
        }
        sites.sort((a, b) -> a.location().compareTo(b.location()));
        return new ScannedClasses(sites, resources, orphans);
    }

    private static List<Class<? extends Annotation>> annotations(Placement placement) {
        return AnnotationKinds.placed(placement).stream()
                .<Class<? extends Annotation>>map(AnnotationKinds.Kind::annotation)
                .toList();
    }

    /** Each annotation's descriptor, or its container's, mapped to the annotation. */
    private static Map<String, Class<?>> descriptors(
            List<Class<? extends Annotation>> annotations, boolean containers) {
        Map<String, Class<?>> byDescriptor = new HashMap<>();
        for (Class<? extends Annotation> annotation : annotations) {
            Repeatable repeatable = annotation.getAnnotation(Repeatable.class);
            if (!containers) {
                byDescriptor.put(annotation.descriptorString(), annotation);
            } else if (repeatable != null) {
                byDescriptor.put(repeatable.value().descriptorString(), annotation);
            }
        }
        return Map.copyOf(byDescriptor);
    }

    /**
     * Collects an annotation of the given kinds, or each one a container holds when the annotation was repeated.
     *
     * @return null for any other annotation, which ASM then skips
     */
    @SuppressWarnings("unchecked")
    private static AnnotationVisitor collect(
            String descriptor,
            Map<String, Class<?>> annotations,
            Map<String, Class<?>> containers,
            List<HandlerSite.SiteAnnotation> into) {
        if (annotations.containsKey(descriptor)) {
            String type = annotations.get(descriptor).getSimpleName();
            return new AnnotationValues(values -> into.add(new HandlerSite.SiteAnnotation(type, values)));
        }
        if (containers.containsKey(descriptor)) {
            String type = containers.get(descriptor).getSimpleName();
            return new AnnotationValues(values -> ((List<Map<String, Object>>) values.get("value"))
                    .forEach(each -> into.add(new HandlerSite.SiteAnnotation(type, each))));
        }
        return null;
    }

    private static final class ClassFacts extends ClassVisitor {

        private String internalName;
        private int access;
        private boolean innerNonStatic;
        private boolean publicNoArgConstructor;
        private Map<String, Object> classAnnotation;
        private final List<HandlerSite.SiteAnnotation> classTriggers = new ArrayList<>();
        private final List<HandlerSite.SiteAnnotation> resources = new ArrayList<>();
        private final List<MethodFacts> methods = new ArrayList<>();

        ClassFacts() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.internalName = name;
            this.access = access;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int innerAccess) {
            if (name.equals(internalName)) {
                // The InnerClasses attribute holds the nested class's true modifiers.
                access = (access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED))
                        | (innerAccess & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED));
                innerNonStatic = (innerAccess & Opcodes.ACC_STATIC) == 0;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (SPARTA_LAMBDA.equals(descriptor)) {
                return new AnnotationValues(values -> classAnnotation = values);
            }
            AnnotationVisitor resource = collect(descriptor, RESOURCE_DESCRIPTORS, RESOURCE_CONTAINERS, resources);
            return resource != null
                    ? resource
                    : collect(descriptor, FUNCTION_DESCRIPTORS, FUNCTION_CONTAINERS, classTriggers);
        }

        @Override
        public MethodVisitor visitMethod(
                int methodAccess, String name, String descriptor, String signature, String[] exceptions) {
            if (name.equals("<init>") && descriptor.equals("()V") && (methodAccess & Opcodes.ACC_PUBLIC) != 0) {
                publicNoArgConstructor = true;
            }
            MethodFacts method = new MethodFacts(methodAccess, name, descriptor);
            methods.add(method);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                    return SPARTA_LAMBDA.equals(annotationDescriptor)
                            ? new AnnotationValues(values -> method.annotation = values)
                            : collect(annotationDescriptor, FUNCTION_DESCRIPTORS, FUNCTION_CONTAINERS, method.triggers);
                }
            };
        }

        /** Companion annotations where no @SpartaLambda is, which javac's processor reports too. */
        List<ScannedClasses.Orphan> orphans() {
            String className = Type.getObjectType(internalName).getClassName();
            List<ScannedClasses.Orphan> orphans = new ArrayList<>();
            if (classAnnotation == null) {
                classTriggers.forEach(t -> orphans.add(new ScannedClasses.Orphan(className, t.type())));
            }
            for (MethodFacts method : methods) {
                if (method.annotation == null) {
                    method.triggers.forEach(
                            t -> orphans.add(new ScannedClasses.Orphan(className + "#" + method.name, t.type())));
                }
            }
            return orphans;
        }

        List<HandlerSite> sites(TypeHierarchy hierarchy) {
            boolean annotatedMethod = methods.stream().anyMatch(m -> m.annotation != null);
            if (classAnnotation == null && !annotatedMethod) {
                return List.of();
            }
            HandlerSite.ClassShape classShape = new HandlerSite.ClassShape(
                    (access & Opcodes.ACC_PUBLIC) != 0,
                    (access & Opcodes.ACC_ABSTRACT) != 0,
                    (access & Opcodes.ACC_INTERFACE) != 0,
                    innerNonStatic,
                    publicNoArgConstructor,
                    hierarchy.isSubtypeOf(internalName, REQUEST_HANDLER),
                    hierarchy.isSubtypeOf(internalName, REQUEST_STREAM_HANDLER),
                    hierarchy.isSubtypeOf(internalName, CustomResourceRules.HANDLER_CLASS.replace('.', '/')));
            String className = Type.getObjectType(internalName).getClassName();
            List<HandlerSite> result = new ArrayList<>();
            if (classAnnotation != null) {
                result.add(new HandlerSite(className, null, classAnnotation, classTriggers, classShape, null));
            }
            Map<String, Integer> publicOverloads = new HashMap<>();
            methods.stream()
                    .filter(m -> (m.access & Opcodes.ACC_PUBLIC) != 0 && (m.access & Opcodes.ACC_BRIDGE) == 0)
                    .forEach(m -> publicOverloads.merge(m.name, 1, Integer::sum));
            for (MethodFacts method : methods) {
                if (method.annotation != null) {
                    HandlerSite.MethodShape shape = new HandlerSite.MethodShape(
                            (method.access & Opcodes.ACC_PUBLIC) != 0,
                            (method.access & Opcodes.ACC_STATIC) != 0,
                            Arrays.stream(Type.getArgumentTypes(method.descriptor))
                                    .map(Type::getClassName)
                                    .toList(),
                            publicOverloads.getOrDefault(method.name, 0));
                    result.add(new HandlerSite(
                            className, method.name, method.annotation, method.triggers, classShape, shape));
                }
            }
            return result;
        }
    }

    private static final class MethodFacts {
        final int access;
        final String name;
        final String descriptor;
        Map<String, Object> annotation;
        final List<HandlerSite.SiteAnnotation> triggers = new ArrayList<>();

        MethodFacts(int access, String name, String descriptor) {
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
        }
    }
}
