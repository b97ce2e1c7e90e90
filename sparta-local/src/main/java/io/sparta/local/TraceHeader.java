package io.sparta.local;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An X-Ray trace header as Lambda gives each invocation: {@code Root=1-<epoch seconds, 8 hex>-<24 hex>;
 * Parent=<16 hex>;Sampled=0}. Not sampled, so an X-Ray SDK in the function records nothing and sends nothing, yet
 * finds the segment it expects instead of failing (see
 * <a href="https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader">
 * the tracing header</a>).
 */
public final class TraceHeader {

    /** The system property Lambda's Java runtime sets to the invocation's trace header, which the X-Ray SDK reads. */
    public static final String PROPERTY = "com.amazonaws.xray.traceHeader";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceHeader() {}

    /** A new header, for one invocation. */
    public static String next() {
        return "Root=1-" + String.format("%08x", Instant.now().getEpochSecond()) + "-" + hex(12) + ";Parent=" + hex(8)
                + ";Sampled=0";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
