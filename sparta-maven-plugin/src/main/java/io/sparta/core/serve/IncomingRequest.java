package io.sparta.core.serve;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the local server received it.
 *
 * @param path the raw path below the API's base path, still percent-encoded
 * @param rawQuery the query string without {@code ?}, still encoded; empty when there is none
 * @param headers by lower-case name, each with its values in order
 */
record IncomingRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String host) {

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
