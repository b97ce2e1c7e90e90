package io.sparta.core.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the build produced that could be the Lambda archive, and how the build is set up to produce it.
 *
 * @param mainArtifact the project's main jar, or {@code null} when none was built
 * @param attachedJars attached jar artifacts by classifier
 * @param shade whether and where maven-shade-plugin runs in the package phase
 * @param shadedClassifier the classifier shade attaches its jar under, or {@code null} when it replaces the
 *     main jar
 * @param runtimeDependencies every dependency Lambda needs at run time (compile and runtime scope), in class path
 *     order
 * @param packaging how the user asked for the dependencies to reach Lambda
 * @param outputTimestamp {@code project.build.outputTimestamp}, Maven's reproducible-build time, when set
 * @param layerModules the layer modules a function may name: the module's {@code provided} dependencies
 */
public record ArchiveCandidates(
        Path mainArtifact,
        Map<String, Path> attachedJars,
        ShadeOrder shade,
        String shadedClassifier,
        List<DependencyLayer.Dependency> runtimeDependencies,
        DependencyPackaging packaging,
        Optional<java.time.Instant> outputTimestamp,
        LayerModules layerModules) {

    public ArchiveCandidates {
        attachedJars = Map.copyOf(attachedJars);
        runtimeDependencies = List.copyOf(runtimeDependencies);
    }

    /** The time of the layer's entries: {@code project.build.outputTimestamp}, or a fixed one. */
    public java.time.Instant entryTime() {
        return outputTimestamp.orElse(DependencyLayer.DEFAULT_TIME);
    }

    /** Where maven-shade-plugin runs relative to Sparta's package goal. */
    public enum ShadeOrder {
        NOT_CONFIGURED,
        BEFORE_SPARTA,
        AFTER_SPARTA
    }

    /** The pom's {@code <dependencyPackaging>}. */
    public enum DependencyPackaging {
        /** Shade's jar when maven-shade-plugin runs before Sparta, else a dependency layer when there are any. */
        AUTO,
        /** The module's own jar, and the runtime dependencies in a layer. */
        LAYER,
        /** maven-shade-plugin's jar, dependencies inside. */
        SHADE;

        /**
         * The value of {@code <dependencyPackaging>}, any case.
         *
         * @return empty when it is none of auto, layer, shade
         */
        public static Optional<DependencyPackaging> of(String value) {
            String name = value == null ? "AUTO" : value.trim().toUpperCase(Locale.ROOT);
            for (DependencyPackaging packaging : values()) {
                if (packaging.name().equals(name.isEmpty() ? "AUTO" : name)) {
                    return Optional.of(packaging);
                }
            }
            return Optional.empty();
        }
    }
}
