package io.sparta.annotations.processing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One annotation's attribute values, as the rules read them: the same view whether javac's processor holds the
 * annotation or the plugin read it from a class file with ASM, so each rule is written once against it.
 *
 * <p>Values are the declared ones, else the annotation's defaults. Strings, ints and booleans come as Java values;
 * enums as their constants; nested annotations as views of their own.
 */
public abstract class AttributeValues {

    private final Class<? extends Annotation> type;

    private AttributeValues(Class<? extends Annotation> type) {
        this.type = type;
    }

    /** The values of an annotation instance, such as the one javac's {@code Element.getAnnotationsByType} returns. */
    public static AttributeValues of(Annotation annotation) {
        return new Instance(annotation);
    }

    /**
     * The values a class file records, which are only the ones written in the source.
     *
     * @param explicit attribute name to value: strings, boxed primitives, enum constant names, lists for arrays
     *     and maps of the same shape for nested annotations
     */
    public static AttributeValues scanned(Class<? extends Annotation> type, Map<String, Object> explicit) {
        return new Scanned(type, explicit);
    }

    /** The annotation these values belong to. */
    public Class<? extends Annotation> type() {
        return type;
    }

    public String string(String name) {
        return (String) value(name);
    }

    public int integer(String name) {
        return (Integer) value(name);
    }

    public boolean bool(String name) {
        return (Boolean) value(name);
    }

    public List<String> strings(String name) {
        Object value = value(name);
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(each -> strings.add(String.valueOf(each)));
        } else {
            for (int i = 0; i < Array.getLength(value); i++) {
                strings.add(String.valueOf(Array.get(value, i)));
            }
        }
        return List.copyOf(strings);
    }

    public <E extends Enum<E>> E enumeration(String name, Class<E> enumType) {
        Object value = value(name);
        return enumType.isInstance(value) ? enumType.cast(value) : Enum.valueOf(enumType, (String) value);
    }

    /** An array of nested annotations, such as {@code @SpartaLambda}'s {@code environment}. */
    public abstract List<AttributeValues> annotations(String name, Class<? extends Annotation> nestedType);

    abstract Object value(String name);

    Object defaultValue(String name) {
        try {
            return type.getMethod(name).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no attribute " + name, e);
        }
    }

    private static final class Instance extends AttributeValues {

        private final Annotation annotation;

        Instance(Annotation annotation) {
            super(annotation.annotationType());
            this.annotation = annotation;
        }

        @Override
        Object value(String name) {
            try {
                return type().getMethod(name).invoke(annotation);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException(type().getSimpleName() + " has no attribute " + name, e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(
                        "Reading " + type().getSimpleName() + "." + name + " failed", e.getCause());
            }
        }

        @Override
        public List<AttributeValues> annotations(String name, Class<? extends Annotation> nestedType) {
            Object array = value(name);
            List<AttributeValues> nested = new ArrayList<>();
            for (int i = 0; i < Array.getLength(array); i++) {
                nested.add(new Instance((Annotation) Array.get(array, i)));
            }
            return List.copyOf(nested);
        }
    }

    private static final class Scanned extends AttributeValues {

        private final Map<String, Object> explicit;

        Scanned(Class<? extends Annotation> type, Map<String, Object> explicit) {
            super(type);
            this.explicit = explicit;
        }

        @Override
        Object value(String name) {
            Object value = explicit.get(name);
            return value != null ? value : defaultValue(name);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<AttributeValues> annotations(String name, Class<? extends Annotation> nestedType) {
            Object value = explicit.get(name);
            if (value == null) {
                return ((List<?>) List.of((Object[]) defaultValue(name)))
                        .stream().map(each -> of((Annotation) each)).toList();
            }
            return ((List<Map<String, Object>>) value)
                    .stream().map(each -> scanned(nestedType, each)).toList();
        }
    }
}
