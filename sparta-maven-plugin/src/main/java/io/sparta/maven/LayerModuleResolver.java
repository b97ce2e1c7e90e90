package io.sparta.maven;

import io.sparta.core.archive.DependencyLayer;
import io.sparta.core.archive.LayerModules;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The module's layer modules, as Maven's resolver sees them: each {@code provided} dependency resolved as a graph
 * of its own, with the runtime scope, so its layer holds what the module needs however the service's pom declares
 * the same libraries (in the service's own graph a library the service also declares is resolved there, not under
 * the layer module). In a reactor build the resolver reads a sibling module from the reactor.
 */
final class LayerModuleResolver implements LayerModules {

    private static final String ANNOTATIONS = "io.sparta:sparta-annotations";

    /**
     * What a runtime class path holds. Written here rather than taken from maven-resolver-util, which Maven 3.8
     * does not export to plugins.
     */
    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final MavenProject project;
    private final Map<String, Dependency> provided = new TreeMap<>();
    private final Map<String, Dependency> others = new HashMap<>();
    private final Map<String, List<DependencyLayer.Dependency>> resolved = new HashMap<>();

    LayerModuleResolver(RepositorySystem system, RepositorySystemSession session, MavenProject project) {
        this.system = system;
        this.session = session;
        this.project = project;
        for (Dependency dependency : project.getDependencies()) {
            if ((dependency.getGroupId() + ":" + dependency.getArtifactId()).equals(ANNOTATIONS)) {
                continue;
            }
            (Artifact.SCOPE_PROVIDED.equals(dependency.getScope()) ? provided : others)
                    .put(dependency.getArtifactId(), dependency);
        }
    }

    @Override
    public Set<String> names() {
        return new TreeSet<>(provided.keySet());
    }

    @Override
    public List<java.nio.file.Path> providedJars() {
        return project.getArtifacts().stream()
                .filter(artifact -> Artifact.SCOPE_PROVIDED.equals(artifact.getScope()) && artifact.getFile() != null)
                .map(artifact -> artifact.getFile().toPath())
                .toList();
    }

    @Override
    public Optional<String> declaredOtherwise(String name) {
        return Optional.ofNullable(others.get(name))
                .map(d -> d.getGroupId() + ":" + d.getArtifactId() + " with scope "
                        + (d.getScope() == null ? Artifact.SCOPE_COMPILE : d.getScope()));
    }

    @Override
    public synchronized List<DependencyLayer.Dependency> jars(String name) throws SpartaUserException {
        List<DependencyLayer.Dependency> known = resolved.get(name);
        if (known != null) {
            return known;
        }
        Dependency declared = provided.get(name);
        if (declared == null) {
            return List.of();
        }
        DefaultArtifact root = new DefaultArtifact(
                declared.getGroupId(),
                declared.getArtifactId(),
                declared.getClassifier(),
                declared.getType() == null ? "jar" : declared.getType(),
                declared.getVersion());
        CollectRequest collect = new CollectRequest(
                new org.eclipse.aether.graph.Dependency(root, "runtime"), project.getRemoteProjectRepositories());
        List<DependencyLayer.Dependency> jars = new ArrayList<>();
        try {
            for (ArtifactResult result : system.resolveDependencies(
                            session,
                            new DependencyRequest(
                                    collect,
                                    (node, parents) -> node.getDependency() == null
                                            || node.getDependency().getScope().isEmpty()
                                            || RUNTIME_SCOPES.contains(
                                                    node.getDependency().getScope())))
                    .getArtifactResults()) {
                org.eclipse.aether.artifact.Artifact artifact = result.getArtifact();
                jars.add(new DependencyLayer.Dependency(
                        artifact.getGroupId(),
                        artifact.getArtifactId(),
                        artifact.getArtifactId() + "-" + artifact.getBaseVersion()
                                + (artifact.getClassifier().isEmpty() ? "" : "-" + artifact.getClassifier()) + ".jar",
                        artifact.getFile().toPath()));
            }
        } catch (DependencyResolutionException e) {
            throw new SpartaUserException(
                    "The layer module " + name + " (" + root + ") and its runtime dependencies"
                            + " cannot be resolved: " + e.getMessage()
                            + ". Build it first: mvn install from the reactor's"
                            + " root, or mvn package there for package and provision",
                    e);
        }
        resolved.put(name, List.copyOf(jars));
        return resolved.get(name);
    }
}
