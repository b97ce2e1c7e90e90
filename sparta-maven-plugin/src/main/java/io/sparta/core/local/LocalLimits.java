package io.sparta.core.local;

import io.sparta.core.common.SpartaUserException;
import java.time.Duration;
import java.util.Locale;

/**
 * The quotas of Lambda and API Gateway that {@code sparta:invoke} and {@code sparta:serve} apply, with the answers
 * the services give, and the developer's scale of the local timeouts. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html">Lambda quotas</a>,
 * <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html">API Gateway quotas</a> and
 * <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html">HTTP API quotas</a>.
 */
public final class LocalLimits {

    /** The largest event of a synchronous invocation, in bytes (6 MB). */
    public static final int INVOKE_REQUEST_MAX = 6_291_456;

    /** The largest request body API Gateway accepts, REST and HTTP APIs alike, in bytes (10 MB). */
    public static final int API_PAYLOAD_MAX = 10_485_760;

    /** API Gateway's limit on the request line and header values together, in bytes, REST and HTTP APIs alike. */
    public static final int API_REQUEST_LINE_AND_HEADERS_MAX = 10_240;

    /** Lambda's init phase budget, outside the function's timeout. */
    public static final Duration INIT_BUDGET = Duration.ofSeconds(10);

    /** How long a REST API waits for its Lambda integration (the default quota), before answering 504. */
    public static final Duration REST_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);

    /** How long an HTTP API waits for its Lambda integration at most, before answering 503. */
    public static final Duration HTTP_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    public static final double TIMEOUT_SCALE_MIN = 0.1;
    public static final double TIMEOUT_SCALE_MAX = 100;

    private LocalLimits() {}

    /**
     * The local timeout scale: every local timeout (the function's, init's budget, the API's integration timeout)
     * is multiplied by it, so a busy machine can give a function the time Lambda's faster start would.
     *
     * @param value {@code <timeoutScale>} or {@code -Dsparta.timeoutScale}; null or blank is 1
     * @throws SpartaUserException when it is not a number from {@value #TIMEOUT_SCALE_MIN} to
     *     {@value #TIMEOUT_SCALE_MAX}
     */
    public static double timeoutScale(String value) throws SpartaUserException {
        if (value == null || value.isBlank()) {
            return 1;
        }
        double scale;
        try {
            scale = Double.parseDouble(value.trim());
        } catch (NumberFormatException notANumber) {
            scale = Double.NaN;
        }
        if (!(scale >= TIMEOUT_SCALE_MIN && scale <= TIMEOUT_SCALE_MAX)) {
            throw new SpartaUserException("<timeoutScale> (-Dsparta.timeoutScale) \"" + value + "\" is not a number"
                    + " from " + TIMEOUT_SCALE_MIN + " to " + format(TIMEOUT_SCALE_MAX) + "; 2 gives every local"
                    + " function twice its timeout, for example mvn sparta:serve -Dsparta.timeoutScale=2");
        }
        return scale;
    }

    /**
     * @throws SpartaUserException when the event is over what Lambda accepts, as Lambda's Invoke refuses it
     */
    public static void checkEvent(byte[] event) throws SpartaUserException {
        if (event.length > INVOKE_REQUEST_MAX) {
            throw new SpartaUserException("The event is " + event.length + " bytes; Lambda refuses a synchronous"
                    + " invocation's event over " + INVOKE_REQUEST_MAX + " bytes (RequestTooLargeException: Request"
                    + " must be smaller than " + INVOKE_REQUEST_MAX + " bytes for the InvokeFunction operation). Put"
                    + " large data in S3 and pass its key");
        }
    }

    /** A duration in milliseconds times the scale, at least 1. */
    public static long scaled(long millis, double scale) {
        return Math.max(1, Math.round(millis * scale));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
