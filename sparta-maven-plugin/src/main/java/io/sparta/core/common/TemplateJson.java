package io.sparta.core.common;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes templates and manifests the same way every time: two-space indent, {@code \n} line ends on every
 * platform and insertion order, which the marshallers keep stable. Same model, same bytes.
 */
public final class TemplateJson {

    public static final ObjectMapper MAPPER =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private TemplateJson() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static byte[] bytes(Object value) {
        try {
            byte[] json = WRITER.writeValueAsBytes(value);
            byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
