package io.sparta.annotations.processing;

import io.sparta.annotations.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources a service declares and the references its functions make to them, to catch a name declared
 * twice and a grant or trigger naming a resource that is not declared, or not of the kind it needs.
 *
 * @param <W> where a declaration or reference is, for reporting: a source element or a class name
 */
public final class ResourceTable<W> {

    /** A problem found at one place. */
    public record Problem<W>(W where, String message) {}

    private record Declared<W>(ResourceKind kind, W where, boolean hasStream) {}

    private record Reference<W>(String name, List<ResourceKind> kinds, boolean needsStream, String what, W where) {}

    private final Map<String, Declared<W>> declared = new HashMap<>();
    private final List<Reference<W>> references = new ArrayList<>();

    /** @return why the name cannot be declared again, or nothing */
    public Optional<String> declare(ResourceKind kind, String name, boolean hasStream, W where, String location) {
        Declared<W> earlier = declared.putIfAbsent(name, new Declared<>(kind, where, hasStream));
        return earlier == null
                ? Optional.empty()
                : Optional.of("resource \"" + name + "\" is declared twice ("
                        + earlier.kind().annotation() + " and " + kind.annotation() + " at " + location
                        + "); resource names are unique in a service");
    }

    /**
     * Records that something refers to a declared resource by name.
     *
     * @param kinds the kinds it accepts
     * @param needsStream whether a table must have a stream
     * @param what what refers, for the message, such as {@code @Grant} or {@code @SqsTrigger}
     */
    public void refer(String name, List<ResourceKind> kinds, boolean needsStream, String what, W where) {
        references.add(new Reference<>(name, List.copyOf(kinds), needsStream, what, where));
    }

    /**
     * The names declared of the kinds a reference accepts, for a message about a name that is not:
     * "; declared: [a, b]", or nothing when there are none. Names of other kinds would only be more to read past.
     */
    private String declaredNames(List<ResourceKind> kinds) {
        List<String> names = declared.entrySet().stream()
                .filter(entry -> kinds.contains(entry.getValue().kind()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return names.isEmpty() ? "" : "; declared: " + names;
    }

    /** Each reference so far to a name no declaration of a fitting kind has; those references are then forgotten. */
    public List<Problem<W>> unresolved() {
        List<Problem<W>> problems = new ArrayList<>();
        for (Reference<W> reference : references) {
            Declared<W> target = declared.get(reference.name());
            String accepted = String.join(
                    " or ",
                    reference.kinds().stream().map(ResourceKind::annotation).toList());
            if (target == null && reference.name().contains("*")) {
                problems.add(new Problem<>(
                        reference.where(),
                        reference.what() + " refers to \"" + reference.name() + "\", but a reference names one "
                                + accepted + " exactly, not a pattern; name each resource in an annotation of its own"
                                + declaredNames(reference.kinds())));
            } else if (target == null) {
                problems.add(new Problem<>(
                        reference.where(),
                        reference.what() + " refers to \"" + reference.name() + "\", but the service declares no "
                                + accepted + " of that name" + declaredNames(reference.kinds())));
            } else if (!reference.kinds().contains(target.kind())) {
                problems.add(new Problem<>(
                        reference.where(),
                        reference.what() + " refers to \"" + reference.name() + "\", a "
                                + target.kind().annotation() + ", where it needs a " + accepted));
            } else if (reference.needsStream() && !target.hasStream()) {
                problems.add(new Problem<>(
                        reference.where(),
                        reference.what() + " reads the stream of table \"" + reference.name()
                                + "\", which has none; set stream on its @DynamoTable"));
            }
        }
        references.clear();
        return problems;
    }
}
