package io.sparta.annotations;

/** How much of a declared resource a function may use; the site's Access page lists each one's actions. */
public enum Access {
    /** Read items, objects, messages or records. */
    READ,
    /** Write items, objects, messages or records. */
    WRITE,
    /** Both. */
    FULL
}
