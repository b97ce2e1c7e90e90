package io.sparta.api;

import java.util.List;

/**
 * A function's settings beyond code, memory and time, each at Lambda's default unless declared.
 *
 * @param reservedConcurrency concurrency reserved for the function, or -1 for none
 * @param tracing whether X-Ray traces the function actively
 * @param ephemeralStorage {@code /tmp} in MB
 * @param layers layer version ARNs, in order
 */
public record FunctionOptions(int reservedConcurrency, boolean tracing, int ephemeralStorage, List<String> layers) {

    /** What Lambda does when nothing is declared. */
    public static final FunctionOptions DEFAULTS = new FunctionOptions(-1, false, 512, List.of());

    public FunctionOptions {
        layers = List.copyOf(layers);
    }
}
