package io.sparta.core.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes templates and manifests the same way every time: two-space indent, {@code \n} line ends on every
 * platform, object fields in insertion order (which the marshallers keep stable), map entries sorted by key and
 * record components in declaration order. Same model, same bytes.
 *
 * <p>Reads and writes with jackson-core's streaming parser and generator over jackson-databind's tree nodes, and
 * never builds an ObjectMapper on the way: the mapper's serializer and introspection machinery was about half of
 * what {@code package} cost a build, and a third of what a provision spent before its first AWS call (README,
 * "Measured").
 */
public final class TemplateJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TemplateJson() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * {@code value} as pretty-printed UTF-8 JSON with a final newline. {@code value} is a tree ({@link JsonNode})
     * or anything {@link #tree} converts.
     *
     * @throws IllegalArgumentException when {@code value} holds something {@link #tree} does not convert
     */
    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PRETTY.createInstance());
            write(generator, tree(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** {@code value} as JSON on one line, without spaces: how a property that takes JSON text wants it. */
    public static String compact(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code value} to {@code file} and returns the bytes written. Rewrites the file even when unchanged, so
     * its timestamp says it is newer than the classes it was made from.
     */
    public static byte[] write(Object value, Path file) throws IOException {
        return write(bytes(value), file);
    }

    /** Writes bytes {@link #bytes} made to {@code file}, as {@link #write(Object, Path)} does, and returns them. */
    public static byte[] write(byte[] content, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, content);
        return content;
    }

    /**
     * The first JSON value of {@code json} as a tree; anything after it is ignored, and empty input is a
     * {@link MissingNode}, as Jackson's {@code ObjectMapper.readTree} reads. Integers are int, long or big-integer nodes by
     * size, other numbers double nodes; of a repeated field the last value counts.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not JSON
     */
    public static JsonNode read(String json) throws JsonProcessingException {
        return inMemory(() -> FACTORY.createParser(json), false);
    }

    /** {@link #read(String)} of UTF-8 (or UTF-16/32, detected) bytes. */
    public static JsonNode read(byte[] json) throws JsonProcessingException {
        return inMemory(() -> FACTORY.createParser(json), false);
    }

    /** {@link #read(byte[])} of a file. */
    public static JsonNode read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /**
     * Exactly one JSON value: {@link #read(String)}, except that anything but whitespace after the value is an
     * error rather than ignored, so a second document pasted behind the first is not silently dropped.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not one JSON value
     */
    public static JsonNode readOne(String json) throws JsonProcessingException {
        return inMemory(() -> FACTORY.createParser(json), true);
    }

    /** Opens a parser over bytes or text already in memory. */
    @FunctionalInterface
    private interface Opening {
        JsonParser open() throws IOException;
    }

    /** A parser over memory fails only on bad JSON: any other IOException would be a bug, so it is unchecked. */
    private static JsonNode inMemory(Opening opening, boolean strict) throws JsonProcessingException {
        try (JsonParser parser = opening.open()) {
            return readFirst(parser, strict);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
    }

    private static JsonNode readFirst(JsonParser parser, boolean strict) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode value = readValue(parser, first);
        if (strict) {
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(
                        parser, "Trailing token (of type " + trailing + ") found after the JSON value");
            }
        }
        return value;
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, readValue(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(readValue(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("Cannot write a " + node.getNodeType() + " JSON node");
        }
    }

    /**
     * {@code value} as a tree, as Jackson's {@code valueToTree} makes it with map entries ordered by key: trees as
     * they are; strings, booleans, numbers and enum constants (by name) as values; maps as objects sorted by key;
     * collections and arrays as arrays; records as objects of their components in declaration order, leaving out
     * accessors marked {@link JsonIgnore} and the null or empty values {@link JsonInclude} excludes.
     *
     * @throws IllegalArgumentException for any other type, naming it
     */
    public static JsonNode tree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(key instanceof Enum<?> e ? e.name() : String.valueOf(key), entry));
            sorted.forEach((key, entry) -> object.set(key, tree(entry)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode();
            collection.forEach(element -> array.add(tree(element)));
            return array;
        }
        if (value instanceof Object[] elements) {
            return tree(Arrays.asList(elements));
        }
        if (value.getClass().isRecord()) {
            return record(value);
        }
        throw new IllegalArgumentException(
                "TemplateJson cannot write a " + value.getClass().getName());
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return NODES.numberNode(number.intValue());
        }
        if (number instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (number instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (number instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (number instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (number instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        throw new IllegalArgumentException(
                "TemplateJson cannot write a " + number.getClass().getName());
    }

    private static ObjectNode record(Object record) {
        ObjectNode object = NODES.objectNode();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            Object value;
            try {
                if (!accessor.canAccess(record)) {
                    accessor.setAccessible(true);
                }
                value = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "Cannot read " + record.getClass().getName() + "." + component.getName(), e);
            }
            JsonInclude include = accessor.getAnnotation(JsonInclude.class);
            if (include != null && !included(include.value(), value)) {
                continue;
            }
            object.set(component.getName(), tree(value));
        }
        return object;
    }

    private static boolean included(JsonInclude.Include rule, Object value) {
        return switch (rule) {
            case NON_NULL -> value != null;
            case NON_EMPTY ->
                value != null
                        && !(value instanceof Collection<?> c && c.isEmpty())
                        && !(value instanceof Map<?, ?> m && m.isEmpty())
                        && !(value instanceof CharSequence s && s.isEmpty())
                        && !(value instanceof Object[] a && a.length == 0);
            case ALWAYS, USE_DEFAULTS -> true;
            default -> throw new IllegalArgumentException("TemplateJson does not apply @JsonInclude(" + rule + ")");
        };
    }
}
