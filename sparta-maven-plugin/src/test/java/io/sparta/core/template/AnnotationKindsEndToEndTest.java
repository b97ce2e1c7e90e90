package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.processing.AnnotationKinds;
import io.sparta.annotations.processing.AnnotationKinds.Placement;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.api.Trigger;
import io.sparta.core.JavaSources;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import java.io.IOException;
import java.lang.annotation.Repeatable;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every annotation kind Sparta ships is handled end to end: the registry has it, {@code package} finds and models
 * it, and the template writes something for it. A kind added without one of those pieces fails here, in Sparta's
 * own build, instead of doing nothing in a user's deploy.
 */
class AnnotationKindsEndToEndTest {

    /** One function per companion kind, named after it, beside a plain one to compare with. */
    private static final String SOURCE = """
            package acme;
            import io.sparta.annotations.*;
            @SqsQueue(name = "jobs") @S3Bucket(name = "photos") @SnsTopic(name = "news")
            @DynamoTable(name = "orders", partitionKey = "id", stream = StreamView.NEW_IMAGE)
            @KinesisStream(name = "clicks")
            @CustomResource(name = "seed", type = "Custom::Seed", function = "Seeder",
                properties = @ResourceProperty(name = "Table", ref = "orders"))
            public class Kinds {
                @SpartaLambda(name = "Plain") public void plain() {}
                @SpartaLambda(name = "Schedule") @Schedule("rate(1 day)") public void a() {}
                @SpartaLambda(name = "SchedulerSchedule") @SchedulerSchedule("at(2027-01-01T09:30:00)") public void m() {}
                @SpartaLambda(name = "SqsTrigger") @SqsTrigger(queue = "jobs") public void b() {}
                @SpartaLambda(name = "HttpRoute") @HttpRoute(method = "GET", path = "/a") public void c() {}
                @SpartaLambda(name = "FunctionUrl") @FunctionUrl public void d() {}
                @SpartaLambda(name = "S3Trigger") @S3Trigger(bucket = "photos") public void e() {}
                @SpartaLambda(name = "SnsTrigger") @SnsTrigger(topic = "news") public void f() {}
                @SpartaLambda(name = "DynamoDbTrigger") @DynamoDbTrigger(table = "orders") public void g() {}
                @SpartaLambda(name = "KinesisTrigger") @KinesisTrigger(stream = "clicks") public void h() {}
                @SpartaLambda(name = "EventRule") @EventRule(pattern = "{\\"source\\": [\\"shop\\"]}") public void i() {}
                @SpartaLambda(name = "LogSubscription") @LogSubscription(logGroup = "/app/x") public void j() {}
                @SpartaLambda(name = "Grant") @Grant(resource = "orders") public void k() {}
                @SpartaLambda(name = "Allow") @Allow(actions = "ses:SendEmail", resources = "*") public void l() {}
            }
            """;

    /** A custom resource's handler, which is a function of its own. */
    static final String SEEDER =
            JavaSources.customResourceHandler("@io.sparta.annotations.SpartaLambda(name = \"Seeder\")");

    @TempDir
    static Path work;

    private static ServiceModel service;
    private static JsonNode template;

    @BeforeAll
    static void build() throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Kinds.java", SOURCE, "acme/Seeder.java", SEEDER));
        service = new ServiceModelBuilder()
                .build(
                        new ServiceSettings("kinds", "kinds", Map.of(), Map.of()),
                        new FunctionScanner().scan(classes, JavaSources.testClasspath()));
        template = ServiceTemplate.marshal(service);
    }

    /** Every annotation type of {@code io.sparta.annotations}, from the jar or folder that holds them. */
    private static Set<Class<?>> shippedAnnotations() throws IOException {
        URI location;
        try {
            location = SpartaLambda.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path root = Path.of(location);
        FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root);
        try (Stream<Path> files =
                Files.list((jar == null ? root : jar.getPath("/")).resolve("io/sparta/annotations"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> load("io.sparta.annotations." + name.replace(".class", "")))
                    .filter(Class::isAnnotation)
                    .collect(Collectors.toSet());
        } finally {
            if (jar != null) {
                jar.close();
            }
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyShippedAnnotationIsAKindOrAContainerOrNestedInOne() throws IOException {
        Set<Class<?>> kinds = AnnotationKinds.ALL.stream()
                .map(AnnotationKinds.Kind::annotation)
                .collect(Collectors.toSet());
        Set<Class<?>> containers = AnnotationKinds.ALL.stream()
                .map(AnnotationKinds.Kind::container)
                .filter(c -> c != null)
                .collect(Collectors.toSet());
        // Values of other annotations' attributes, never placed on their own.
        Set<Class<?>> nested = Set.of(
                io.sparta.annotations.Env.class,
                io.sparta.annotations.Tag.class,
                io.sparta.annotations.ResourceProperty.class,
                io.sparta.annotations.TableIndex.class,
                io.sparta.annotations.ScheduledConcurrency.class);
        Set<String> unhandled = new TreeSet<>();
        for (Class<?> annotation : shippedAnnotations()) {
            if (!kinds.contains(annotation) && !containers.contains(annotation) && !nested.contains(annotation)) {
                unhandled.add(annotation.getSimpleName());
            }
            Repeatable repeatable = annotation.getAnnotation(Repeatable.class);
            if (repeatable != null && !kinds.contains(annotation)) {
                unhandled.add(annotation.getSimpleName() + " (repeatable)");
            }
        }
        assertEquals(Set.of(), unhandled, "annotations no AnnotationKinds entry handles");
    }

    @Test
    void everyResourceKindIsModelledAndWritten() {
        Set<io.sparta.annotations.ResourceKind> modelled = service.resources().stream()
                .map(io.sparta.api.OwnedResource::kind)
                .collect(Collectors.toSet());
        assertEquals(Set.of(io.sparta.annotations.ResourceKind.values()), modelled, "add a declaration of each");
        service.resources()
                .forEach(resource -> assertTrue(
                        template.path("Resources").has(resource.logicalId()),
                        resource.logicalId() + " is not in the template"));
    }

    @Test
    void everyCompanionKindIsExercisedHere() {
        Set<String> exercised =
                service.functions().stream().map(LambdaFunction::name).collect(Collectors.toSet());
        Set<String> missing = AnnotationKinds.placed(Placement.COMPANION).stream()
                .map(kind -> kind.annotation().getSimpleName())
                .filter(Predicate.not(exercised::contains))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "add a function using each to SOURCE");
    }

    @Test
    void everyTriggerTypeIsModelledFromAnAnnotationAndWrittenByAPiece() {
        Set<Class<?>> permitted = Set.of(Trigger.class.getPermittedSubclasses());
        Set<Class<?>> modelled = service.functions().stream()
                .flatMap(function -> function.triggers().stream())
                .map(Object::getClass)
                .collect(Collectors.toSet());
        assertEquals(permitted, modelled, "every kind of Trigger is what some annotation becomes");
        permitted.forEach(type -> assertTrue(
                TriggerTemplate.handles(type.asSubclass(Trigger.class)), type.getSimpleName() + " has no piece"));
    }

    @Test
    void everyCompanionKindAddsToTheTemplate() {
        Map<String, Integer> resources = new HashMap<>();
        template.path("Resources")
                .fieldNames()
                .forEachRemaining(id -> service.functions().stream()
                        .filter(function -> id.startsWith(function.logicalIdPrefix()))
                        .max((a, b) -> a.logicalIdPrefix().length()
                                - b.logicalIdPrefix().length())
                        .ifPresent(function -> resources.merge(function.name(), 1, Integer::sum)));
        int plain = resources.get("Plain");
        int plainStatements = statements("Plain");
        Set<String> idle = new TreeSet<>();
        for (AnnotationKinds.Kind kind : AnnotationKinds.placed(Placement.COMPANION)) {
            String name = kind.annotation().getSimpleName();
            boolean wrote = resources.getOrDefault(name, 0) > plain
                    || statements(name) > plainStatements
                    || referencedByServiceWideResource(name);
            if (!wrote) {
                idle.add(name);
            }
        }
        assertEquals(Set.of(), idle, "kinds that change nothing in the template");
    }

    /** How many statements the function's role has. */
    private static int statements(String functionName) {
        String prefix = service.functions().stream()
                .filter(function -> function.name().equals(functionName))
                .findFirst()
                .orElseThrow()
                .logicalIdPrefix();
        int count = 0;
        for (JsonNode policy : template.at("/Resources/" + prefix + "Role/Properties/Policies")) {
            count += policy.at("/PolicyDocument/Statement").size();
        }
        return count;
    }

    /** Routes are resources of the service's API; they name the function in an integration or permission. */
    private static boolean referencedByServiceWideResource(String functionName) {
        String prefix = service.functions().stream()
                .filter(function -> function.name().equals(functionName))
                .findFirst()
                .orElseThrow()
                .logicalIdPrefix();
        List<String> ids = new java.util.ArrayList<>();
        template.path("Resources").fieldNames().forEachRemaining(ids::add);
        return ids.stream()
                .filter(id -> !id.startsWith(prefix))
                .map(id -> template.path("Resources").path(id).toString())
                .anyMatch(body -> body.contains("\"" + prefix + "Function\""));
    }
}
