package io.sparta.core.archive;

import io.sparta.core.common.SpartaUserException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layer modules a function may name in {@code layers}: the module's {@code provided} dependencies, by
 * artifactId, each resolved on demand as its own graph (its jar and its runtime dependencies), so what the layer
 * holds does not depend on what else the service's pom declares.
 */
public interface LayerModules {

    /** A module that depends on no layer module. */
    LayerModules NONE = of(Map.of());

    /** The artifactIds a function may name. */
    Set<String> names();

    /**
     * The layer's jars: the module's own first, then its runtime dependencies in class path order.
     *
     * @throws SpartaUserException when the build cannot resolve them
     */
    List<DependencyLayer.Dependency> jars(String name) throws SpartaUserException;

    /**
     * How the module declares a dependency of that artifactId in another scope, such as
     * {@code com.example:shared-lib, scope compile}, for the message that says to make it provided.
     */
    default Optional<String> declaredOtherwise(String name) {
        return Optional.empty();
    }

    /**
     * The provided dependencies' jars as the module compiles against them (resolved with the module, no further
     * resolution), which the local goals read supertypes from.
     */
    default List<Path> providedJars() {
        return List.of();
    }

    /** Layer modules given outright, for tests and tools that resolve them another way. */
    static LayerModules of(Map<String, List<DependencyLayer.Dependency>> modules) {
        Map<String, List<DependencyLayer.Dependency>> copy = Map.copyOf(modules);
        return new LayerModules() {
            @Override
            public Set<String> names() {
                return new TreeSet<>(copy.keySet());
            }

            @Override
            public List<DependencyLayer.Dependency> jars(String name) {
                return List.copyOf(copy.getOrDefault(name, List.of()));
            }
        };
    }

    /** The files of a layer's jars, for a local class path. */
    default List<Path> files(String name) throws SpartaUserException {
        return jars(name).stream().map(DependencyLayer.Dependency::file).toList();
    }
}
