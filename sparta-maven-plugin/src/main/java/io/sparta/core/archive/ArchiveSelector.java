package io.sparta.core.archive;

import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the jar Maven built as the Lambda archive. Sparta never zips classes itself. */
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

    private ArchiveSelector() {}

    public static Path select(ArchiveCandidates candidates) throws SpartaUserException {
        switch (candidates.shade()) {
            case AFTER_SPARTA ->
                throw new SpartaUserException(
                        "maven-shade-plugin runs after sparta-maven-plugin in the package phase, so the archive would"
                                + " miss its dependencies; declare maven-shade-plugin before sparta-maven-plugin in"
                                + " <build><plugins>");
            case BEFORE_SPARTA -> {
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
            case NOT_CONFIGURED -> {
                if (!candidates.runtimeDependencies().isEmpty()) {
                    throw new SpartaUserException("The project has runtime dependencies "
                            + candidates.runtimeDependencies() + " that Lambda needs inside the archive, but"
                            + " maven-shade-plugin is not configured. Add it before sparta-maven-plugin in"
                            + " <build><plugins>:\n" + SHADE_SNIPPET
                            + "\nor give dependencies Lambda already provides the 'provided' scope.");
                }
                return mainJar(candidates);
            }
            default -> throw new IllegalStateException(candidates.shade().toString());
        }
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
