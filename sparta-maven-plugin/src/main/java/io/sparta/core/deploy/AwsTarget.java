package io.sparta.core.deploy;

import java.net.URI;
import java.util.Optional;

/**
 * Which AWS account and API to talk to. Empty values fall back to the AWS SDK's default chains
 * (environment, system properties, profiles, instance metadata).
 *
 * @param endpoint an API endpoint that replaces AWS's own, such as a local moto server
 * @param maxAttempts how often the SDK tries one call on throttling and transient errors
 */
public record AwsTarget(Optional<String> region, Optional<String> profile, Optional<URI> endpoint, int maxAttempts) {}
