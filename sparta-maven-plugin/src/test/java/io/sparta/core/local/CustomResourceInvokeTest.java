package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.JavaSources;
import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.ServiceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparta:invoke -Dsparta.requestType=...}: a custom resource's function run in a fresh JVM on the events
 * CloudFormation sends, answering through sparta-runtime's API to the URL served here, each call following the
 * one before as CloudFormation would.
 */
class CustomResourceInvokeTest {

    @TempDir
    static Path work;

    static Path classes;

    private final RecordingConsole console = new RecordingConsole();

    @BeforeAll
    static void compile() {
        classes = JavaSources.compile(
                work,
                Map.of(
                        "acme/Shop.java", """
                package acme;
                import io.sparta.annotations.*;
                @DynamoTable(name = "products", partitionKey = "id")
                @CustomResource(name = "seed", type = "Custom::Seed", function = "Seeder",
                    properties = {@ResourceProperty(name = "TableName", ref = "products"),
                                  @ResourceProperty(name = "Ids", value = "apple,pear")})
                @CustomResource(name = "broken", type = "Custom::Broken", function = "Breaker")
                @CustomResource(name = "slow", type = "Custom::Slow", function = "Sleeper")
                @CustomResource(name = "counted", type = "Custom::Counted", function = "Counter", outputs = {"RowCount", "Rows"})
                public class Shop {}
                """,
                        "acme/Seeder.java", """
                package acme;
                import io.sparta.runtime.customresource.*;
                import java.nio.file.*;
                @io.sparta.annotations.SpartaLambda(name = "Seeder")
                public class Seeder extends CustomResourceFunction {
                    private static void log(String line) throws Exception {
                        Files.writeString(Path.of(System.getProperty("user.dir")).resolve("seed.log"), line + "\\n",
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    protected CustomResourceResult create(CustomResourceRequest r) throws Exception {
                        log("create " + r.property("TableName") + " " + r.property("Ids"));
                        return CustomResourceResult.of("seed-1").withData("RowCount", "2");
                    }
                    protected CustomResourceResult update(CustomResourceRequest r) throws Exception {
                        log("update " + r.physicalResourceId() + " old " + r.oldProperty("Ids"));
                        return CustomResourceResult.of("seed-1");
                    }
                    protected void delete(CustomResourceRequest r) throws Exception {
                        log("delete " + r.physicalResourceId());
                    }
                }
                """,
                        "acme/Sleeper.java", """
                package acme;
                import io.sparta.runtime.customresource.*;
                @io.sparta.annotations.SpartaLambda(name = "Sleeper", timeout = 3)
                public class Sleeper extends CustomResourceFunction {
                    protected CustomResourceResult create(CustomResourceRequest r) throws Exception {
                        Thread.sleep(10_000);
                        return CustomResourceResult.of("late");
                    }
                    protected CustomResourceResult update(CustomResourceRequest r) { return null; }
                    protected void delete(CustomResourceRequest r) {}
                }
                """,
                        "acme/Counter.java", """
                package acme;
                import io.sparta.runtime.customresource.*;
                @io.sparta.annotations.SpartaLambda(name = "Counter")
                public class Counter extends CustomResourceFunction {
                    protected CustomResourceResult create(CustomResourceRequest r) {
                        return CustomResourceResult.of("counted").withData("RowCount", "2");
                    }
                    protected CustomResourceResult update(CustomResourceRequest r) { return create(r); }
                    protected void delete(CustomResourceRequest r) {}
                }
                """,
                        "acme/Breaker.java", """
                package acme;
                import io.sparta.runtime.customresource.*;
                @io.sparta.annotations.SpartaLambda(name = "Breaker")
                public class Breaker extends CustomResourceFunction {
                    protected CustomResourceResult create(CustomResourceRequest r) {
                        throw new CustomResourceException("the seed file is missing");
                    }
                    protected CustomResourceResult update(CustomResourceRequest r) { return null; }
                    protected void delete(CustomResourceRequest r) {}
                }
                """));
    }

    private void call(String function, String requestType, Path directory) throws Exception {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaSources.testClasspath());
        new LocalInvoker(console)
                .invokeCustomResource(
                        new InvokeRequest(
                                classes,
                                classpath,
                                List.of(),
                                Path.of(System.getProperty("java.home"), "bin", "java"),
                                new ServiceSettings("shop", "shop", Map.of(), Map.of()),
                                function,
                                new byte[0],
                                "eu-west-1",
                                Map.of(),
                                directory,
                                io.sparta.core.archive.LayerModules.NONE,
                                1),
                        Optional.empty(),
                        requestType,
                        Optional.empty());
    }

    @Test
    void createUpdateAndDeleteFollowEachOtherAsCloudFormationSendsThem() throws Exception {
        Path directory = work.resolve("lifecycle");
        Path log = Path.of(System.getProperty("user.dir")).resolve("seed.log");
        Files.deleteIfExists(log);
        try {
            assertEquals(
                    "An Update follows a Create: no Create of custom resource seed is recorded in "
                            + directory.resolve("custom-resources") + "; run -Dsparta.requestType=Create first",
                    assertThrows(SpartaUserException.class, () -> call("Seeder", "Update", directory))
                            .getMessage());
            call("Seeder", "create", directory);
            assertTrue(
                    console.lines().contains("Create of SeedResource SUCCESS: physical id seed-1, data {RowCount=2}"),
                    console.lines().toString());
            call("Seeder", "Update", directory);
            call("Seeder", "Delete", directory);
            assertEquals(
                    List.of("create <Ref products> apple,pear", "update seed-1 old apple,pear", "delete seed-1"),
                    Files.readAllLines(log, StandardCharsets.UTF_8));
            assertFalse(Files.exists(directory.resolve("custom-resources/seed.json")), "a Delete forgets it");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void aFailedCreateFailsTheGoalAndOnlyItsRollbacksDeleteFollows() throws Exception {
        Path directory = work.resolve("broken");
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> call("Breaker", "Create", directory));
        assertTrue(
                e.getMessage()
                        .startsWith("Create of BrokenResource FAILED: the seed file is missing. CloudFormation"
                                + " would roll back by sending Delete for physical id sparta-failed-create-"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" (send it with -Dsparta.requestType=Delete)"), e.getMessage());
        assertEquals(
                "The Create of custom resource broken failed, and CloudFormation follows a failed Create with its"
                        + " rollback's Delete only; send -Dsparta.requestType=Delete",
                assertThrows(SpartaUserException.class, () -> call("Breaker", "Update", directory))
                        .getMessage());
        call("Breaker", "Delete", directory);
        assertTrue(
                console.lines().stream()
                        .anyMatch(line -> line.startsWith(
                                "Delete of BrokenResource SUCCESS: physical id" + " sparta-failed-create-")),
                console.lines().toString());
    }

    /** The shortest timeout a handler can have in practice still leaves it the time to answer. */
    @Test
    void aThreeSecondFunctionAnswersFailedBeforeLambdaWouldStopIt() {
        SpartaUserException e =
                assertThrows(SpartaUserException.class, () -> call("Sleeper", "Create", work.resolve("slow")));
        assertTrue(
                e.getMessage().startsWith("Create of SlowResource FAILED: Create did not finish within "),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("give the function more time with @SpartaLambda(timeout = ...)"),
                e.getMessage());
    }

    @Test
    void aSecondCreateIsRefusedAsCloudFormationNeverSendsOne() throws Exception {
        Path directory = work.resolve("twice");
        assertThrows(SpartaUserException.class, () -> call("Counter", "Create", directory));
        assertTrue(assertThrows(SpartaUserException.class, () -> call("Counter", "Create", directory))
                .getMessage()
                .startsWith("Custom resource counted was created already (physical id counted, recorded in "));
    }

    @Test
    void anAnswerWithoutTheDataTheOutputsNameFailsAsTheStackWould() {
        assertEquals(
                "Create of CountedResource answered SUCCESS without the data [Rows] that its"
                        + " @CustomResource(outputs) names: CloudFormation would fail the stack reading those outputs"
                        + " (Fn::GetAtt); return them with CustomResourceResult.withData, or leave them out of outputs",
                assertThrows(SpartaUserException.class, () -> call("Counter", "Create", work.resolve("outputs")))
                        .getMessage());
    }

    @Test
    void anInvokeWithoutAnEventSaysToSendCloudFormationsEvents() {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaSources.testClasspath());
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> new LocalInvoker(console)
                        .invoke(new InvokeRequest(
                                classes,
                                classpath,
                                List.of(),
                                Path.of(System.getProperty("java.home"), "bin", "java"),
                                new ServiceSettings("shop", "shop", Map.of(), Map.of()),
                                "Seeder",
                                LocalInvoker.NO_EVENT,
                                "eu-west-1",
                                Map.of(),
                                work.resolve("plain"),
                                io.sparta.core.archive.LayerModules.NONE,
                                1)));
        assertEquals(
                "Function Seeder handles @CustomResource [seed], which CloudFormation calls with its own events: send"
                        + " one with -Dsparta.requestType=Create (then Update, Delete)",
                e.getMessage());
    }

    @Test
    void aFunctionHandlingNoCustomResourceIsNamed() {
        assertTrue(assertThrows(SpartaUserException.class, () -> call("Missing", "Create", work.resolve("none")))
                .getMessage()
                .startsWith("No function named 'Missing'"));
    }
}
