package io.sparta.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * Answers "does this class implement that interface" from class file headers on the user's classpath. The
 * class loader here only finds resources: no user class is ever defined or initialised.
 */
final class TypeHierarchy implements AutoCloseable {

    private final URLClassLoader resources;
    private final Map<String, List<String>> supertypesByClass = new HashMap<>();

    TypeHierarchy(List<Path> classpath) {
        URL[] urls = classpath.stream().map(TypeHierarchy::toUrl).toArray(URL[]::new);
        this.resources = new URLClassLoader(urls, null);
    }

    /** Whether {@code internalName} is, extends or implements {@code wantedInternalName}. */
    boolean isSubtypeOf(String internalName, String wantedInternalName) {
        Deque<String> pending = new ArrayDeque<>(List.of(internalName));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (type.equals(wantedInternalName)) {
                return true;
            }
            if (seen.add(type)) {
                pending.addAll(supertypes(type));
            }
        }
        return false;
    }

    private List<String> supertypes(String internalName) {
        return supertypesByClass.computeIfAbsent(internalName, this::readSupertypes);
    }

    private List<String> readSupertypes(String internalName) {
        try (InputStream in = resources.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return List.of();
            }
            try {
                ClassReader reader = new ClassReader(in);
                List<String> result = new java.util.ArrayList<>(List.of(reader.getInterfaces()));
                if (reader.getSuperName() != null) {
                    result.add(reader.getSuperName());
                }
                return result;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new UnreadableClassFile(String.valueOf(resources.getResource(internalName + ".class")), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + internalName + ".class", e);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }
}
