package io.sparta.core.common;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The name a misspelt one most likely meant, for messages that say "did you mean". */
public final class Typos {

    /** The most edits (Levenshtein distance, case ignored) between a typo and the name it is taken to mean. */
    private static final int MAX_EDITS = 2;

    private Typos() {}

    /**
     * The candidate fewest edits away from {@code name}, and no more than two; among equally near ones, the first in
     * alphabetical order, so a message says the same thing every run.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> distance(candidate, name) <= MAX_EDITS)
                .min(Comparator.<String>comparingInt(candidate -> distance(candidate, name))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Edits between two names (Levenshtein), a change of case not counted. */
    static int distance(String first, String second) {
        String a = first.toLowerCase(Locale.ROOT);
        String b = second.toLowerCase(Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
