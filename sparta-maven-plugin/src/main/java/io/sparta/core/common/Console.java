package io.sparta.core.common;

/** Where the core reports progress; the Maven plugin routes it to Maven's log. */
public interface Console {

    void info(String message);

    void warn(String message);

    void debug(String message);
}
