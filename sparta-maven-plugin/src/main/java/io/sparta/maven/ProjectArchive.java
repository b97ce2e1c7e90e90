package io.sparta.maven;

import io.sparta.core.archive.ArchiveCandidates;
import io.sparta.core.archive.ArchiveCandidates.ShadeOrder;
import io.sparta.core.archive.DependencyLayer;
import io.sparta.core.common.SpartaUserException;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Reads from the Maven project what the core needs to pick the archive: jars built, shade's place, dependencies. */
final class ProjectArchive {

    private static final String SHADE = "org.apache.maven.plugins:maven-shade-plugin";
    private static final String ANNOTATIONS = "io.sparta:sparta-annotations";
    private static final Set<String> PACKAGED_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private final MavenProject project;
    private final String spartaPluginKey;

    ProjectArchive(MavenProject project, String spartaPluginKey) {
        this.project = project;
        this.spartaPluginKey = spartaPluginKey;
    }

    /**
     * @param packaging the pom's {@code <dependencyPackaging>}, checked
     * @param outputTimestamp {@code project.build.outputTimestamp}, or null
     * @throws SpartaUserException when a runtime dependency is not a jar file (a reactor module not packaged yet)
     */
    ArchiveCandidates candidates(
            ArchiveCandidates.DependencyPackaging packaging,
            String outputTimestamp,
            io.sparta.core.archive.LayerModules layerModules)
            throws SpartaUserException {
        Map<String, Path> attached = new HashMap<>();
        for (Artifact artifact : project.getAttachedArtifacts()) {
            if (artifact.getFile() != null && "jar".equals(artifact.getType()) && artifact.getClassifier() != null) {
                attached.put(artifact.getClassifier(), artifact.getFile().toPath());
            }
        }
        File main = project.getArtifact() == null ? null : project.getArtifact().getFile();
        Plugin shade = project.getBuild().getPluginsAsMap().get(SHADE);
        List<DependencyLayer.Dependency> dependencies = new java.util.ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (!PACKAGED_SCOPES.contains(artifact.getScope())
                    || (artifact.getGroupId() + ":" + artifact.getArtifactId()).equals(ANNOTATIONS)) {
                continue;
            }
            File file = artifact.getFile();
            if (file == null || !file.isFile()) {
                throw new SpartaUserException("The runtime dependency " + artifact.getId() + " resolves to " + file
                        + ", not a jar (a module of this reactor that was not packaged); run mvn package from the"
                        + " reactor's root");
            }
            dependencies.add(dependency(artifact));
        }
        return new ArchiveCandidates(
                main == null ? null : main.toPath(),
                attached,
                shadeOrder(),
                shade == null ? null : shadedClassifier(shade),
                dependencies,
                packaging,
                time(outputTimestamp),
                layerModules);
    }

    private static DependencyLayer.Dependency dependency(Artifact artifact) {
        return new DependencyLayer.Dependency(
                artifact.getGroupId(),
                artifact.getArtifactId(),
                artifact.getArtifactId() + "-" + artifact.getBaseVersion()
                        + (artifact.hasClassifier() ? "-" + artifact.getClassifier() : "") + ".jar",
                artifact.getFile().toPath());
    }

    /**
     * {@code project.build.outputTimestamp} as Maven's own plugins read it: ISO-8601, or seconds since the epoch.
     *
     * @throws SpartaUserException for any other value, as maven-jar-plugin refuses it too
     */
    private static java.util.Optional<java.time.Instant> time(String value) throws SpartaUserException {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(
                    value.chars().allMatch(Character::isDigit)
                            ? java.time.Instant.ofEpochSecond(Long.parseLong(value))
                            : java.time.OffsetDateTime.parse(value.trim()).toInstant());
        } catch (RuntimeException notATime) {
            throw new SpartaUserException("project.build.outputTimestamp \"" + value + "\" is not a time; write"
                    + " an ISO-8601 time such as 2026-01-01T00:00:00Z, or seconds since the epoch");
        }
    }

    /** Every artifact the module compiles or runs against, for reading supertypes. */
    static List<Path> classpath(MavenProject project) {
        return project.getArtifacts().stream()
                .filter(a -> !Artifact.SCOPE_TEST.equals(a.getScope()))
                .map(Artifact::getFile)
                .filter(Objects::nonNull)
                .map(File::toPath)
                .toList();
    }

    /** Within one phase Maven runs plugins in the order the POM declares them. */
    private ShadeOrder shadeOrder() {
        List<Plugin> plugins = project.getBuildPlugins();
        int shadeAt = -1;
        int spartaAt = -1;
        for (int i = 0; i < plugins.size(); i++) {
            Plugin plugin = plugins.get(i);
            if (plugin.getKey().equals(SHADE) && shadesInPackagePhase(plugin)) {
                shadeAt = i;
            } else if (plugin.getKey().equals(spartaPluginKey)) {
                spartaAt = i;
            }
        }
        if (shadeAt < 0) {
            return ShadeOrder.NOT_CONFIGURED;
        }
        return spartaAt >= 0 && spartaAt < shadeAt ? ShadeOrder.AFTER_SPARTA : ShadeOrder.BEFORE_SPARTA;
    }

    private static boolean shadesInPackagePhase(Plugin shade) {
        return shade.getExecutions().stream()
                .anyMatch(e ->
                        e.getGoals().contains("shade") && (e.getPhase() == null || "package".equals(e.getPhase())));
    }

    /** The classifier shade attaches its jar under, or {@code null} when it replaces the main jar. */
    private static String shadedClassifier(Plugin shade) {
        for (PluginExecution execution : shade.getExecutions()) {
            if (execution.getGoals().contains("shade")) {
                String attached = setting(execution, shade, "shadedArtifactAttached");
                if (Boolean.parseBoolean(attached)) {
                    String classifier = setting(execution, shade, "shadedClassifierName");
                    return classifier == null ? "shaded" : classifier;
                }
            }
        }
        return null;
    }

    private static String setting(PluginExecution execution, Plugin plugin, String name) {
        for (Object configuration : new Object[] {execution.getConfiguration(), plugin.getConfiguration()}) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild(name) != null) {
                return dom.getChild(name).getValue();
            }
        }
        return null;
    }
}
