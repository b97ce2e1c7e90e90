package io.sparta.core.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the build produced that could be the Lambda archive, and how the build is set up to produce it.
 *
 * @param mainArtifact the project's main jar, or {@code null} when none was built
 * @param attachedJars attached jar artifacts by classifier
 * @param shade whether and where maven-shade-plugin runs in the package phase
 * @param shadedClassifier the classifier shade attaches its jar under, or {@code null} when it replaces the
 *     main jar
 * @param runtimeDependencies {@code groupId:artifactId} of every dependency Lambda needs at run time
 */
public record ArchiveCandidates(
        Path mainArtifact,
        Map<String, Path> attachedJars,
        ShadeOrder shade,
        String shadedClassifier,
        List<String> runtimeDependencies) {

    public ArchiveCandidates {
        attachedJars = Map.copyOf(attachedJars);
        runtimeDependencies = List.copyOf(runtimeDependencies);
    }

    /** Where maven-shade-plugin runs relative to Sparta's package goal. */
    public enum ShadeOrder {
        NOT_CONFIGURED,
        BEFORE_SPARTA,
        AFTER_SPARTA
    }
}
