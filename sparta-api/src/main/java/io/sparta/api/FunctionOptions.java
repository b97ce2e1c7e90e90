package io.sparta.api;

import java.util.List;

/**
 * A function's settings beyond code, memory and time, each at Lambda's default unless declared.
 *
 * @param reservedConcurrency concurrency reserved for the function, or -1 for none
 * @param tracing whether X-Ray traces the function actively
 * @param ephemeralStorage {@code /tmp} in MB
 * @param layers layer version ARNs, in order
 * @param role an existing role's ARN or name, or empty when Sparta generates the function's role
 * @param snapStart SnapStart on versions Sparta publishes, behind the alias {@code live}
 */
public record FunctionOptions(
        int reservedConcurrency,
        boolean tracing,
        int ephemeralStorage,
        List<String> layers,
        String role,
        boolean snapStart) {

    /** What Lambda does when nothing is declared, with a role of Sparta's own. */
    public static final FunctionOptions DEFAULTS = new FunctionOptions(-1, false, 512, List.of(), "", false);

    public FunctionOptions {
        layers = List.copyOf(layers);
    }

    /** Whether the function uses an existing role rather than one Sparta generates. */
    public boolean hasStaticRole() {
        return !role.isEmpty();
    }
}
