package io.sparta.core.archive;

import io.sparta.core.archive.ArchiveCandidates.DependencyPackaging;
import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Picks the jar Maven built as the Lambda archive, and whether the runtime dependencies go in a layer beside it.
 * Sparta never zips classes itself.
 */
public final class ArchiveSelector {

    static final String SHADE_SNIPPET = """
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-shade-plugin</artifactId>
                <version>3.6.2</version>
                <configuration>
                  <createDependencyReducedPom>false</createDependencyReducedPom>
                </configuration>
                <executions>
                  <execution>
                    <phase>package</phase>
                    <goals><goal>shade</goal></goals>
                  </execution>
                </executions>
              </plugin>""";

    /**
     * The archive and the dependencies of the layer beside it.
     *
     * @param layer the dependencies to put in the service's layer; empty for none
     */
    public record Selection(Path archive, List<DependencyLayer.Dependency> layer) {

        public Selection {
            layer = List.copyOf(layer);
        }
    }

    private ArchiveSelector() {}

    /** @throws SpartaUserException when the build cannot give Lambda what it needs, saying what to change */
    public static Selection select(ArchiveCandidates candidates) throws SpartaUserException {
        if (candidates.shade() == ArchiveCandidates.ShadeOrder.AFTER_SPARTA
                && candidates.packaging() != DependencyPackaging.LAYER) {
            throw new SpartaUserException(
                    "maven-shade-plugin runs after sparta-maven-plugin in the package phase, so the archive would"
                            + " miss its dependencies; declare maven-shade-plugin before sparta-maven-plugin in"
                            + " <build><plugins>");
        }
        return switch (candidates.packaging()) {
            case SHADE -> {
                if (candidates.shade() == ArchiveCandidates.ShadeOrder.NOT_CONFIGURED) {
                    throw new SpartaUserException("<dependencyPackaging> is shade, but maven-shade-plugin is not"
                            + " configured. Add it before sparta-maven-plugin in <build><plugins>:\n" + SHADE_SNIPPET
                            + "\nor drop <dependencyPackaging> to put the dependencies in a layer");
                }
                yield new Selection(shaded(candidates), List.of());
            }
            case LAYER -> {
                if (candidates.shade() != ArchiveCandidates.ShadeOrder.NOT_CONFIGURED) {
                    throw new SpartaUserException("<dependencyPackaging> is layer, but maven-shade-plugin also puts the"
                            + " dependencies into the jar, so Lambda would load them twice; remove maven-shade-plugin,"
                            + " or set <dependencyPackaging>shade</dependencyPackaging>");
                }
                yield new Selection(mainJar(candidates), candidates.runtimeDependencies());
            }
            case AUTO ->
                candidates.shade() == ArchiveCandidates.ShadeOrder.BEFORE_SPARTA
                        ? new Selection(shaded(candidates), List.of())
                        : new Selection(mainJar(candidates), candidates.runtimeDependencies());
        };
    }

    private static Path shaded(ArchiveCandidates candidates) throws SpartaUserException {
        if (candidates.shadedClassifier() != null) {
            Path shaded = candidates.attachedJars().get(candidates.shadedClassifier());
            if (shaded == null || !Files.isRegularFile(shaded)) {
                throw new SpartaUserException("maven-shade-plugin is configured to attach its jar with"
                        + " classifier '" + candidates.shadedClassifier() + "', but no such jar was"
                        + " attached; run 'mvn package'");
            }
            return shaded;
        }
        return mainJar(candidates);
    }

    private static Path mainJar(ArchiveCandidates candidates) throws SpartaUserException {
        Path main = candidates.mainArtifact();
        if (main == null
                || !Files.isRegularFile(main)
                || !main.getFileName().toString().endsWith(".jar")) {
            throw new SpartaUserException("No jar was built for this project (" + main + "). sparta:package must run"
                    + " in the package phase of a project with <packaging>jar</packaging>: run 'mvn package'");
        }
        return main;
    }
}
