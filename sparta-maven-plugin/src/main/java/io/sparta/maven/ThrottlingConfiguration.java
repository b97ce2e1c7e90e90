package io.sparta.maven;

import io.sparta.api.HttpApiSettings.Throttling;

/**
 * The pom's {@code <throttling>} section: the stage-wide limits of each of the service's APIs.
 *
 * <pre>{@code
 * <throttling>
 *   <rateLimit>100</rateLimit>
 *   <burstLimit>200</burstLimit>
 * </throttling>
 * }</pre>
 */
public class ThrottlingConfiguration {

    /** Steady requests a second. */
    double rateLimit = Throttling.NONE.rateLimit();

    /** Requests accepted at once above the steady rate. */
    int burstLimit = Throttling.NONE.burstLimit();

    Throttling toThrottling() {
        return new Throttling(rateLimit, burstLimit);
    }
}
