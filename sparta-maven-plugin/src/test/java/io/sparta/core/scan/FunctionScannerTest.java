package io.sparta.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.JavaSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionScannerTest {

    @TempDir
    Path work;

    private List<HandlerSite> scan(Map<String, String> sources) throws Exception {
        Path classes = JavaSources.compile(work, sources);
        return new FunctionScanner().scan(classes, JavaSources.testClasspath()).functions();
    }

    @Test
    void readsAnAnnotatedRequestHandlerClassWithOnlyItsExplicitValues() throws Exception {
        List<HandlerSite> sites = scan(Map.of("acme/Hello.java", """
                package acme;
                import com.amazonaws.services.lambda.runtime.*;
                import io.sparta.annotations.*;
                @SpartaLambda(memory = 1024, architecture = Architecture.ARM64,
                        environment = {@Env(name = "A", value = "1"), @Env(name = "B", value = "2")})
                public class Hello implements RequestHandler<String, String> {
                    public String handleRequest(String in, Context c) { return in; }
                }
                """));

        assertEquals(1, sites.size());
        HandlerSite site = sites.get(0);
        assertEquals("acme.Hello", site.className());
        assertNull(site.methodName());
        assertNull(site.methodShape());
        assertEquals(1024, site.attributes().get("memory"));
        assertEquals("ARM64", site.attributes().get("architecture"));
        assertEquals(
                List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")),
                site.attributes().get("environment"));
        assertFalse(site.attributes().containsKey("timeout"), "defaults are not in the class file");
        assertTrue(site.classShape().implementsRequestHandler());
        assertTrue(site.classShape().isPublic());
        assertTrue(site.classShape().hasPublicNoArgConstructor());
    }

    private static final String UPLOAD = """
            package acme;
            @io.sparta.annotations.SpartaLambda
            public class Upload extends Base {
                public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                        com.amazonaws.services.lambda.runtime.Context c) {}
            }
            """;

    /** A file that is not a class, and a class of a Java newer than ASM knows, each named with what to do. */
    @Test
    void aClassFileAsmCannotReadIsNamedWithTheNewestJavaItReadsAndWhatToDo() throws Exception {
        Path classes = JavaSources.compile(
                work,
                Map.of(
                        "acme/Base.java",
                        "package acme; public abstract class Base {}",
                        "acme/Upload.java",
                        UPLOAD.replace(" extends Base", "")));
        java.nio.file.Files.write(classes.resolve("acme/Data.class"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

        io.sparta.core.common.SpartaUserException notAClass = org.junit.jupiter.api.Assertions.assertThrows(
                io.sparta.core.common.SpartaUserException.class,
                () -> new FunctionScanner().scan(classes, JavaSources.testClasspath()));
        assertTrue(
                notAClass
                        .getMessage()
                        .startsWith("Cannot read " + classes.resolve("acme/Data.class") + " as a class file"),
                notAClass.getMessage());
        assertTrue(
                notAClass
                        .getMessage()
                        .contains("Sparta reads class files of Java 1.1 to " + UnreadableClassFile.NEWEST_JAVA
                                + ". If it is not a compiled class, give it another extension"),
                notAClass.getMessage());
        java.nio.file.Files.delete(classes.resolve("acme/Data.class"));

        // Major version 99 in bytes 6 and 7 of the header, as a JDK far newer than this ASM would write.
        Path base = classes.resolve("acme/Base.class");
        byte[] bytes = java.nio.file.Files.readAllBytes(base);
        bytes[6] = 0;
        bytes[7] = 99;
        java.nio.file.Files.write(base, bytes);
        io.sparta.core.common.SpartaUserException tooNew = org.junit.jupiter.api.Assertions.assertThrows(
                io.sparta.core.common.SpartaUserException.class,
                () -> new FunctionScanner().scan(classes, JavaSources.testClasspath()));
        assertEquals(
                "Cannot read " + base + " as a class file (Unsupported class file version 99.0): Sparta reads"
                        + " class files of Java 1.1 to " + UnreadableClassFile.NEWEST_JAVA + ". If it is not a"
                        + " compiled class, give it another extension or move it out of src/main/resources; if a"
                        + " newer JDK compiled it, set <maven.compiler.release>" + UnreadableClassFile.NEWEST_JAVA
                        + "</maven.compiler.release> or lower in the pom's <properties>; then run mvn clean package, as"
                        + " target/classes keeps a copy until cleaned",
                tooNew.getMessage());
        assertTrue(UnreadableClassFile.NEWEST_JAVA >= 25, "ASM " + UnreadableClassFile.NEWEST_JAVA);
    }

    /** The same for a supertype read from the classpath, named by where the class loader found it. */
    @Test
    void aSupertypeAsmCannotReadIsNamedByItsLocation() throws Exception {
        Path library = JavaSources.compile(
                work.resolve("library"), Map.of("acme/Base.java", "package acme; public abstract class Base {}"));
        Path base = library.resolve("acme/Base.class");
        byte[] bytes = java.nio.file.Files.readAllBytes(base);
        bytes[7] = 99;
        Path classes = JavaSources.compile(
                work,
                Map.of("acme/Base.java", "package acme; public abstract class Base {}", "acme/Upload.java", UPLOAD));
        java.nio.file.Files.delete(classes.resolve("acme/Base.class"));
        java.nio.file.Files.write(base, bytes);
        List<Path> classpath = new java.util.ArrayList<>(JavaSources.testClasspath());
        classpath.add(library);

        io.sparta.core.common.SpartaUserException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.sparta.core.common.SpartaUserException.class, () -> new FunctionScanner().scan(classes, classpath));
        assertTrue(e.getMessage().startsWith("Cannot read file:"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(library
                                + "/acme/Base.class as a class file (Unsupported class file version"
                                + " 99.0): Sparta reads class files of Java 1.1 to "),
                e.getMessage());
    }

    @Test
    void findsTheHandlerInterfaceThroughSuperclassesAndInterfaces() throws Exception {
        List<HandlerSite> sites = scan(Map.of(
                "acme/Base.java", """
                package acme;
                public abstract class Base implements Streams {}
                """,
                "acme/Streams.java", """
                package acme;
                public interface Streams extends com.amazonaws.services.lambda.runtime.RequestStreamHandler {}
                """,
                "acme/Upload.java", """
                package acme;
                @io.sparta.annotations.SpartaLambda
                public class Upload extends Base {
                    public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                            com.amazonaws.services.lambda.runtime.Context c) {}
                }
                """));

        assertEquals(1, sites.size());
        assertTrue(sites.get(0).classShape().implementsRequestStreamHandler());
        assertFalse(sites.get(0).classShape().implementsRequestHandler());
    }

    @Test
    void describesAnnotatedMethodsWithParameterTypesAndOverloads() throws Exception {
        List<HandlerSite> sites = scan(Map.of("acme/Greeter.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Greeter {
                    @SpartaLambda(name = "greet")
                    public static String greet(java.util.Map<String, String> event,
                            com.amazonaws.services.lambda.runtime.Context context) { return ""; }
                    public String greet(String other) { return other; }
                    @SpartaLambda
                    String hidden() { return ""; }
                    public String notAHandler() { return ""; }
                }
                """));

        assertEquals(
                List.of("acme.Greeter#greet", "acme.Greeter#hidden"),
                sites.stream().map(HandlerSite::location).toList());
        HandlerSite.MethodShape greet = sites.get(0).methodShape();
        assertTrue(greet.isStatic());
        assertTrue(greet.isPublic());
        assertEquals(List.of("java.util.Map", "com.amazonaws.services.lambda.runtime.Context"), greet.parameterTypes());
        assertEquals(2, greet.publicOverloads());
        assertEquals("greet", sites.get(0).attributes().get("name"));
        assertFalse(sites.get(1).methodShape().isPublic());
    }

    @Test
    void seesNestedClassesByBinaryNameAndTellsInnerFromStatic() throws Exception {
        List<HandlerSite> sites = scan(Map.of("acme/Outer.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Outer {
                    @SpartaLambda public static class Nested {
                        public String handle(String in) { return in; }
                    }
                    @SpartaLambda public class Inner {
                        public String handle(String in) { return in; }
                    }
                    @SpartaLambda private static class Hidden {
                        public String handle(String in) { return in; }
                    }
                }
                """));

        assertEquals(
                List.of("acme.Outer$Hidden", "acme.Outer$Inner", "acme.Outer$Nested"),
                sites.stream().map(HandlerSite::className).toList());
        assertFalse(sites.get(0).classShape().isPublic());
        assertTrue(sites.get(1).classShape().isInnerNonStatic());
        assertFalse(sites.get(2).classShape().isInnerNonStatic());
        assertTrue(sites.get(2).classShape().isPublic());
    }

    @Test
    void ignoresUnannotatedClassesAndAMissingClassesFolder() throws Exception {
        assertEquals(List.of(), scan(Map.of("acme/Plain.java", "package acme; public class Plain {}")));
        assertEquals(
                new ScannedClasses(List.of(), List.of()),
                new FunctionScanner().scan(work.resolve("absent"), List.of()));
    }

    @Test
    void readsSingleAndRepeatedTriggersOfEachKind() throws Exception {
        List<HandlerSite> sites = scan(Map.of("acme/Jobs.java", """
                package acme;
                import io.sparta.annotations.*;
                public class Jobs {
                    @SpartaLambda @Schedule(value = "rate(1 day)", enabled = false)
                    public void once() {}
                    @SpartaLambda @Schedule("rate(1 hour)") @Schedule(value = "cron(0 12 * * ? *)", description = "noon")
                    @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:a") @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:b", batchSize = 5)
                    public void many() {}
                }
                """));

        assertEquals(
                List.of(new HandlerSite.SiteAnnotation("Schedule", Map.of("value", "rate(1 day)", "enabled", false))),
                sites.get(1).triggers());
        assertEquals(
                List.of(
                        new HandlerSite.SiteAnnotation("Schedule", Map.of("value", "rate(1 hour)")),
                        new HandlerSite.SiteAnnotation(
                                "Schedule", Map.of("value", "cron(0 12 * * ? *)", "description", "noon")),
                        new HandlerSite.SiteAnnotation(
                                "SqsTrigger", Map.of("queue", "arn:aws:sqs:us-east-1:123456789012:a")),
                        new HandlerSite.SiteAnnotation(
                                "SqsTrigger", Map.of("queue", "arn:aws:sqs:us-east-1:123456789012:b", "batchSize", 5))),
                sites.get(0).triggers());
    }

    @Test
    void readsResourceDeclarationsOnAnyClassAndGrantsBesideFunctions() throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Shop.java", """
                package acme;
                import io.sparta.annotations.*;
                @DynamoTable(name = "orders", partitionKey = "id") @SqsQueue(name = "work") @SqsQueue(name = "retry")
                public class Shop {
                    @SpartaLambda @Grant(resource = "orders", access = Access.WRITE)
                    @Allow(actions = "ses:SendEmail", resources = "arn:aws:ses:us-east-1:123456789012:identity/x")
                    public void place() {}
                }
                """));
        ScannedClasses scanned = new FunctionScanner().scan(classes, JavaSources.testClasspath());
        assertEquals(
                List.of(
                        new ScannedClasses.DeclaredResource(
                                "DynamoTable", Map.of("name", "orders", "partitionKey", "id"), "acme.Shop"),
                        new ScannedClasses.DeclaredResource("SqsQueue", Map.of("name", "work"), "acme.Shop"),
                        new ScannedClasses.DeclaredResource("SqsQueue", Map.of("name", "retry"), "acme.Shop")),
                scanned.resources());
        assertEquals(
                List.of(
                        new HandlerSite.SiteAnnotation("Grant", Map.of("resource", "orders", "access", "WRITE")),
                        new HandlerSite.SiteAnnotation(
                                "Allow",
                                Map.of(
                                        "actions",
                                        List.of("ses:SendEmail"),
                                        "resources",
                                        List.of("arn:aws:ses:us-east-1:123456789012:identity/x")))),
                scanned.functions().get(0).triggers());
    }
}
