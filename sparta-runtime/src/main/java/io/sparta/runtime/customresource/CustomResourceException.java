package io.sparta.runtime.customresource;

/**
 * A failure whose message is written for the person reading the stack's events: {@link CustomResourceFunction}
 * answers {@code FAILED} with this message as the {@code Reason}, verbatim. Any other exception a lifecycle method
 * throws is answered as {@code ExceptionSimpleName: message}, which suits bugs rather than user errors.
 *
 * <p>CloudFormation shows the reason in the stack's events (trimmed to fit the 4,096-byte response, see
 * {@link CustomResourceResponse#MAX_BYTES}), so say what is wrong and what to change.
 */
public class CustomResourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason what the stack events show; should name the resource and what to change */
    public CustomResourceException(String reason) {
        super(reason);
    }

    /** @param reason what the stack events show; {@code cause} is only logged by whoever catches it */
    public CustomResourceException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
