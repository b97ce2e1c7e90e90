package io.sparta.core.model;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

/** An annotation's explicit values as scanned, falling back to the defaults the annotation declares. */
final class Attributes {

    private final Class<? extends Annotation> type;
    private final Map<String, Object> explicit;

    Attributes(Class<? extends Annotation> type, Map<String, Object> explicit) {
        this.type = type;
        this.explicit = explicit;
    }

    String string(String name) {
        return (String) value(name);
    }

    int integer(String name) {
        return (Integer) value(name);
    }

    boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** A String array: a list of strings as scanned, an array as a default. */
    List<String> strings(String name) {
        Object value = value(name);
        return value instanceof String[] array
                ? List.of(array)
                : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    <E extends Enum<E>> E enumeration(String name, Class<E> enumType) {
        Object value = value(name);
        return enumType.isInstance(value) ? enumType.cast(value) : Enum.valueOf(enumType, (String) value);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> annotations(String name) {
        Object value = explicit.get(name);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private Object value(String name) {
        Object value = explicit.get(name);
        if (value != null) {
            return value;
        }
        try {
            return type.getMethod(name).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no attribute " + name, e);
        }
    }
}
