package io.sparta.maven;

import io.sparta.api.HttpApiSettings.Domain;

/**
 * The pom's {@code <domain>} section: a custom domain name for the service's APIs.
 *
 * <pre>{@code
 * <domain>
 *   <name>api.example.com</name>
 *   <certificateArn>arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-...</certificateArn>
 *   <basePath>orders</basePath>
 *   <hostedZoneId>Z0123456789ABCDEFGHIJ</hostedZoneId>
 * </domain>
 * }</pre>
 */
public class DomainConfiguration {

    /** The domain name; may name template parameters as {@code ${Name}}. */
    String name = "";

    /** An ACM certificate covering the name, in the stack's Region. */
    String certificateArn = "";

    /** The HTTP API's path under the domain; the root when left out. */
    String basePath = "";

    /** The REST API's path under the domain; the root when left out. */
    String restBasePath = "";

    /** A Route 53 hosted zone to point the name at the APIs in; DNS is left to you when left out. */
    String hostedZoneId = "";

    Domain toDomain() {
        return new Domain(
                strip(name), strip(certificateArn), strip(basePath), strip(restBasePath), strip(hostedZoneId));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
