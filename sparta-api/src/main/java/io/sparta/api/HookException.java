package io.sparta.api;

/** A hook or decorator could not do its work; the build fails with this message. */
public class HookException extends Exception {

    public HookException(String message) {
        super(message);
    }

    public HookException(String message, Throwable cause) {
        super(message, cause);
    }
}
