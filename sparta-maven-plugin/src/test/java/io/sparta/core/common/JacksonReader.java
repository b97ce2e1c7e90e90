package io.sparta.core.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * An ObjectMapper for tests: a reader independent of {@link TemplateJson}'s, so what the plugin writes is read back
 * by Jackson's own parser.
 */
public final class JacksonReader {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JacksonReader() {}
}
