package io.sparta.core.common;

/** A problem the user can fix in their code, configuration or account; the message says how. */
public class SpartaUserException extends Exception {

    public SpartaUserException(String message) {
        super(message);
    }

    public SpartaUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
