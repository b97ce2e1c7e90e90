package io.sparta.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.archive.ArchiveCandidates.DependencyPackaging;
import io.sparta.core.archive.ArchiveCandidates.ShadeOrder;
import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveSelectorTest {

    @TempDir
    Path work;

    private Path mainJar;
    private Path shadedJar;
    private DependencyLayer.Dependency lib;

    @BeforeEach
    void jars() throws Exception {
        mainJar = Files.writeString(work.resolve("app-1.0.jar"), "main");
        shadedJar = Files.writeString(work.resolve("app-1.0-lambda.jar"), "shaded");
        lib = new DependencyLayer.Dependency(
                "com.acme", "lib", "lib-1.0.jar", Files.writeString(work.resolve("lib-1.0.jar"), "lib"));
    }

    private ArchiveCandidates candidates(
            ShadeOrder shade,
            String classifier,
            List<DependencyLayer.Dependency> dependencies,
            DependencyPackaging mode) {
        return new ArchiveCandidates(
                mainJar,
                classifier == null ? Map.of() : Map.of(classifier, shadedJar),
                shade,
                classifier,
                dependencies,
                mode,
                Optional.empty(),
                LayerModules.NONE);
    }

    @Test
    void usesTheMainJarWhenThereIsNothingToShade() throws Exception {
        assertEquals(
                new ArchiveSelector.Selection(mainJar, List.of()),
                ArchiveSelector.select(
                        candidates(ShadeOrder.NOT_CONFIGURED, null, List.of(), DependencyPackaging.AUTO)));
    }

    @Test
    void byDefaultDependenciesWithoutShadeGoToALayerBesideTheModulesOwnJar() throws Exception {
        assertEquals(
                new ArchiveSelector.Selection(mainJar, List.of(lib)),
                ArchiveSelector.select(
                        candidates(ShadeOrder.NOT_CONFIGURED, null, List.of(lib), DependencyPackaging.AUTO)));
        assertEquals(
                new ArchiveSelector.Selection(mainJar, List.of(lib)),
                ArchiveSelector.select(
                        candidates(ShadeOrder.NOT_CONFIGURED, null, List.of(lib), DependencyPackaging.LAYER)));
    }

    @Test
    void usesTheMainJarShadeReplacedWhenShadeRanFirst() throws Exception {
        for (DependencyPackaging mode : List.of(DependencyPackaging.AUTO, DependencyPackaging.SHADE)) {
            assertEquals(
                    new ArchiveSelector.Selection(mainJar, List.of()),
                    ArchiveSelector.select(candidates(ShadeOrder.BEFORE_SPARTA, null, List.of(lib), mode)));
        }
    }

    @Test
    void usesTheAttachedShadedJarWhenShadeAttachesOne() throws Exception {
        assertEquals(
                new ArchiveSelector.Selection(shadedJar, List.of()),
                ArchiveSelector.select(
                        candidates(ShadeOrder.BEFORE_SPARTA, "lambda", List.of(lib), DependencyPackaging.AUTO)));
    }

    @Test
    void shadeAskedForWithoutShadeConfiguredShowsTheSnippet() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(
                        candidates(ShadeOrder.NOT_CONFIGURED, null, List.of(lib), DependencyPackaging.SHADE)));
        assertTrue(
                e.getMessage().startsWith("<dependencyPackaging> is shade, but maven-shade-plugin is not configured."),
                e.getMessage());
        assertTrue(e.getMessage().contains("<artifactId>maven-shade-plugin</artifactId>"), e.getMessage());
    }

    @Test
    void aLayerAskedForBesideShadeIsRefusedForLambdaWouldLoadTheDependenciesTwice() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(
                        candidates(ShadeOrder.BEFORE_SPARTA, null, List.of(lib), DependencyPackaging.LAYER)));
        assertEquals(
                "<dependencyPackaging> is layer, but maven-shade-plugin also puts the dependencies into the jar, so"
                        + " Lambda would load them twice; remove maven-shade-plugin, or set"
                        + " <dependencyPackaging>shade</dependencyPackaging>",
                e.getMessage());
    }

    @Test
    void refusesShadeRunningAfterSparta() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(
                        candidates(ShadeOrder.AFTER_SPARTA, null, List.of(lib), DependencyPackaging.AUTO)));
        assertTrue(e.getMessage().contains("declare maven-shade-plugin before sparta-maven-plugin"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "Layer, LAYER", " SHADE , SHADE", "'', AUTO"})
    void theSettingIsReadInAnyCase(String value, DependencyPackaging expected) {
        assertEquals(Optional.of(expected), DependencyPackaging.of(value));
    }

    @Test
    void anUnknownSettingIsNone() {
        assertEquals(Optional.empty(), DependencyPackaging.of("fat"));
    }

    @Test
    void refusesAMissingJar() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(new ArchiveCandidates(
                        null,
                        Map.of(),
                        ShadeOrder.NOT_CONFIGURED,
                        null,
                        List.of(),
                        DependencyPackaging.AUTO,
                        Optional.empty(),
                        LayerModules.NONE)));
        assertTrue(e.getMessage().contains("run 'mvn package'"), e.getMessage());
        SpartaUserException attached = assertThrows(
                SpartaUserException.class,
                () -> ArchiveSelector.select(new ArchiveCandidates(
                        mainJar,
                        Map.of(),
                        ShadeOrder.BEFORE_SPARTA,
                        "lambda",
                        List.of(),
                        DependencyPackaging.AUTO,
                        Optional.empty(),
                        LayerModules.NONE)));
        assertTrue(
                attached.getMessage().contains("classifier 'lambda', but no such jar was attached"),
                attached.getMessage());
    }
}
