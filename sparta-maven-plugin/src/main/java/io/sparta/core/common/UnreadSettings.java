package io.sparta.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settings that nothing would read, refused before a goal runs. Maven drops an element of a plugin's
 * {@code <configuration>} that is no parameter of the goal (3.9 warns, 3.8 and 3.6 say nothing) and never looks at a
 * {@code -D} property no parameter names, so a misspelt {@code <stackname>} or {@code -Dsparta.stackname} would
 * deploy the default stack, and {@code sparta:provision -Dsparta.dryRun=true}, a flag only other goals read, would
 * change the stack it was meant to spare.
 */
public final class UnreadSettings {

    /** Properties of Sparta's goals start with this. */
    public static final String PROPERTY_PREFIX = "sparta.";

    /** The flags that keep a goal from changing anything; the goals that change AWS and do not read one refuse it. */
    private static final List<String> GUARDS = List.of("sparta.dryRun", "sparta.failOnChanges");

    /** The goals that change what is in AWS. */
    private static final Set<String> CHANGING = Set.of("provision", "delete", "pipeline", "publish", "prune");

    private static final String HELP = "mvn sparta:help -Ddetail=true lists every goal's parameters and properties";

    private UnreadSettings() {}

    /**
     * The elements of one {@code <configuration>} block that are no Sparta goal's parameter, each with the parameter
     * it most likely meant.
     *
     * @param where the block, as messages name it: {@code the plugin's <configuration>}
     * @param parameters every goal's parameter names and aliases
     */
    public static List<String> elements(String where, Collection<String> elements, Collection<String> parameters) {
        List<String> problems = new ArrayList<>();
        for (String element : new TreeSet<>(elements)) {
            if (!parameters.contains(element)) {
                problems.add("<" + element + "> in " + where + " is not a parameter of any Sparta goal, so Maven"
                        + " would ignore it"
                        + Typos.nearest(element, parameters)
                                .map(meant -> "; did you mean <" + meant + ">?")
                                .orElse(".")
                        + " " + HELP);
            }
        }
        return problems;
    }

    /**
     * The {@code -Dsparta.} properties that no Sparta goal reads and the pom does not declare, each with the property
     * it most likely meant.
     *
     * @param given the command line's properties ({@code -D}, {@code .mvn/maven.config}); others than Sparta's are
     *     not looked at
     * @param read every goal's properties
     * @param declared the pom's {@code <properties>}, which a {@code -D} may set ({@code sparta.version})
     */
    public static List<String> properties(
            Map<String, String> given, Collection<String> read, Collection<String> declared) {
        List<String> problems = new ArrayList<>();
        for (String property : new TreeMap<>(given).keySet()) {
            if (property.startsWith(PROPERTY_PREFIX) && !read.contains(property) && !declared.contains(property)) {
                problems.add("-D" + property + " is not read by any Sparta goal"
                        + Typos.nearest(property, read)
                                .map(meant -> "; did you mean -D" + meant + "?")
                                .orElse(".")
                        + " " + HELP + "; if it is a property of your own, declare it in the pom's <properties> (or"
                        + " an active profile's)");
            }
        }
        return problems;
    }

    /**
     * A flag meant to keep things unchanged ({@code -Dsparta.dryRun}, {@code -Dsparta.failOnChanges}), given to a goal
     * that changes AWS and does not read it; {@code =false} is no such flag.
     *
     * @param goal the goal's name, {@code provision}
     * @param goalReads the properties that goal reads
     * @param given the command line's properties
     */
    public static Optional<String> ignoredGuard(String goal, Collection<String> goalReads, Map<String, String> given) {
        if (!CHANGING.contains(goal)
                || (goalReads.contains("sparta.dryRun")
                        && Flags.parse(given.getOrDefault("sparta.dryRun", "")).equals(Optional.of(true)))) {
            return Optional.empty(); // a goal that changes nothing, or runs dry
        }
        for (String guard : GUARDS) {
            String value = given.get(guard);
            if (value == null || goalReads.contains(guard) || Flags.parse(value).equals(Optional.of(false))) {
                continue;
            }
            String instead = guard.equals("sparta.dryRun")
                    ? "sparta:" + goal + " has no dry run and would go ahead; "
                            + (goal.equals("provision")
                                    ? "mvn sparta:plan shows the changes it would make without making them"
                                    : "mvn sparta:status shows the stack it would act on")
                    : "sparta:" + goal + " does not read it and would go ahead whatever it changes; only"
                            + " sparta:plan reads it, failing when the stack would change";
            return Optional.of("-D" + guard + "=" + value + " is given, but " + instead + ". Leave -D" + guard
                    + " out to run sparta:" + goal);
        }
        return Optional.empty();
    }
}
