package io.sparta.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.archive.ArchiveCandidates.ShadeOrder;
import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSelectorTest {

    @TempDir
    Path work;

    private Path mainJar;
    private Path shadedJar;

    @BeforeEach
    void jars() throws Exception {
        mainJar = Files.writeString(work.resolve("app-1.0.jar"), "main");
        shadedJar = Files.writeString(work.resolve("app-1.0-lambda.jar"), "shaded");
    }

    @Test
    void usesTheMainJarWhenThereIsNothingToShade() throws Exception {
        assertEquals(
                mainJar,
                ArchiveSelector.select(
                        new ArchiveCandidates(mainJar, Map.of(), ShadeOrder.NOT_CONFIGURED, null, List.of())));
    }

    @Test
    void usesTheMainJarShadeReplacedWhenShadeRanFirst() throws Exception {
        assertEquals(
                mainJar,
                ArchiveSelector.select(new ArchiveCandidates(
                        mainJar, Map.of(), ShadeOrder.BEFORE_SPARTA, null, List.of("com.acme:lib"))));
    }

    @Test
    void usesTheAttachedShadedJarWhenShadeAttachesOne() throws Exception {
        assertEquals(
                shadedJar,
                ArchiveSelector.select(new ArchiveCandidates(
                        mainJar,
                        Map.of("lambda", shadedJar),
                        ShadeOrder.BEFORE_SPARTA,
                        "lambda",
                        List.of("com.acme:lib"))));
    }

    @Test
    void refusesDependenciesWithoutShadeAndShowsTheSnippet() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(new ArchiveCandidates(
                        mainJar, Map.of(), ShadeOrder.NOT_CONFIGURED, null, List.of("com.acme:lib"))));
        assertTrue(
                e.getMessage().startsWith("The project has runtime dependencies [com.acme:lib] that Lambda needs"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<artifactId>maven-shade-plugin</artifactId>"), e.getMessage());
    }

    @Test
    void refusesShadeRunningAfterSparta() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(new ArchiveCandidates(
                        mainJar, Map.of(), ShadeOrder.AFTER_SPARTA, null, List.of("com.acme:lib"))));
        assertTrue(e.getMessage().contains("declare maven-shade-plugin before sparta-maven-plugin"), e.getMessage());
    }

    @Test
    void refusesAMissingJar() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(
                        new ArchiveCandidates(null, Map.of(), ShadeOrder.NOT_CONFIGURED, null, List.of())));
        assertTrue(e.getMessage().contains("run 'mvn package'"), e.getMessage());
        SpartaUserException attached = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(
                        new ArchiveCandidates(mainJar, Map.of(), ShadeOrder.BEFORE_SPARTA, "lambda", List.of())));
        assertTrue(
                attached.getMessage().contains("classifier 'lambda', but no such jar was attached"),
                attached.getMessage());
    }
}
