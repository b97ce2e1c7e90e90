package io.sparta.core.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for a yes-or-no setting written as text (a pom element, a {@code -D} property): {@code true} or
 * {@code false} in any case, and nothing else. Maven's own reading takes any other text as false, so a misspelt
 * {@code <approval>ture</approval>} or {@code -Dsparta.dryRun=yes} would turn a guard off without a word.
 */
public final class Flags {

    private Flags() {}

    /** {@code true} or {@code false} in any case, around blanks; empty for anything else. */
    public static Optional<Boolean> parse(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        return trimmed.equals("true") || trimmed.equals("false")
                ? Optional.of(Boolean.parseBoolean(trimmed))
                : Optional.empty();
    }

    /**
     * The problem of a value {@link #parse} refuses, said of {@code where} (such as {@code <approval>}).
     *
     * @return {@code <approval> "ture" is neither true nor false}
     */
    public static String problem(String where, String value) {
        return where + " \"" + value + "\" is neither true nor false";
    }
}
