package io.sparta.maven;

import io.sparta.api.HttpApiSettings.Cors;
import java.util.List;

/**
 * The pom's {@code <cors>} section: which browser origins may call the service's APIs and function URLs.
 *
 * <pre>{@code
 * <cors>
 *   <allowOrigins><origin>https://app.example.com</origin></allowOrigins>
 *   <allowMethods><method>GET</method><method>POST</method></allowMethods>
 *   <allowHeaders><header>Content-Type</header></allowHeaders>
 *   <maxAgeSeconds>600</maxAgeSeconds>
 * </cors>
 * }</pre>
 */
public class CorsConfiguration {

    List<String> allowOrigins = List.of();
    List<String> allowMethods = List.of();
    List<String> allowHeaders = List.of();
    List<String> exposeHeaders = List.of();
    int maxAgeSeconds = -1;
    boolean allowCredentials;

    Cors toCors() {
        return new Cors(
                orEmpty(allowOrigins),
                orEmpty(allowMethods),
                orEmpty(allowHeaders),
                orEmpty(exposeHeaders),
                maxAgeSeconds,
                allowCredentials);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
