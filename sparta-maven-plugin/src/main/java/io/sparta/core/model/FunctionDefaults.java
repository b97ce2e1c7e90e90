package io.sparta.core.model;

import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.annotations.processing.FunctionRules;
import io.sparta.core.common.Flags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pom's {@code <functionDefaults>}, like SAM's {@code Globals} or the Serverless Framework's {@code provider}:
 * values every function takes for the {@code @SpartaLambda} attributes it does not write. An attribute written on
 * the annotation wins; class files record only the attributes that were written, so Sparta can tell.
 *
 * @param memory MB, 128 to 10240
 * @param timeout seconds, 1 to 900
 * @param runtime a {@link LambdaRuntime}, as {@code java21} or {@code JAVA21}
 * @param architecture an {@link Architecture}, as {@code arm64} or {@code ARM64}
 * @param snapStart {@code true} or {@code false}, as written in the pom (Maven would read {@code yes} as false)
 * @param tracing {@code true} or {@code false}, as written in the pom
 * @param logRetentionDays one of the periods CloudWatch Logs accepts, or 0 for logs that never expire
 * @param javaToolOptions the {@code JAVA_TOOL_OPTIONS} variable every function gets unless it sets its own, such as
 *     {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1} for faster cold starts
 */
public record FunctionDefaults(
        Optional<Integer> memory,
        Optional<Integer> timeout,
        Optional<String> runtime,
        Optional<String> architecture,
        Optional<String> snapStart,
        Optional<String> tracing,
        Optional<Integer> logRetentionDays,
        Optional<String> javaToolOptions) {

    /** No defaults: every function takes the annotation's own. */
    public static final FunctionDefaults NONE = new FunctionDefaults(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    /** The variable {@code javaToolOptions} sets. */
    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * Every value that breaks the rule its annotation attribute follows, each naming its element; the rules are
     * the annotation processor's own.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        memory.flatMap(FunctionRules::memory).ifPresent(problem -> problems.add(where(problem)));
        timeout.flatMap(FunctionRules::timeout).ifPresent(problem -> problems.add(where(problem)));
        logRetentionDays.flatMap(FunctionRules::logRetentionDays).ifPresent(problem -> problems.add(where(problem)));
        runtime.filter(value -> constant(LambdaRuntime.class, value).isEmpty())
                .ifPresent(value -> problems.add("<functionDefaults><runtime> \"" + value + "\" is not a Lambda Java"
                        + " runtime; allowed "
                        + Arrays.stream(LambdaRuntime.values())
                                .map(LambdaRuntime::identifier)
                                .toList()));
        architecture
                .filter(value -> constant(Architecture.class, value).isEmpty())
                .ifPresent(value -> problems.add("<functionDefaults><architecture> \"" + value + "\" is not a Lambda"
                        + " architecture; allowed "
                        + Arrays.stream(Architecture.values())
                                .map(Architecture::identifier)
                                .toList()));
        notAFlag("snapStart", snapStart).ifPresent(problems::add);
        notAFlag("tracing", tracing).ifPresent(problems::add);
        javaToolOptions
                .filter(String::isBlank)
                .ifPresent(value -> problems.add("<functionDefaults><javaToolOptions> is empty; remove it, or give"
                        + " JVM options such as -XX:+TieredCompilation -XX:TieredStopAtLevel=1"));
        return problems;
    }

    /** {@code memory = 64 is out of range…} becomes {@code <functionDefaults><memory> = 64 is out of range…}. */
    private static String where(String problem) {
        return inPom("functionDefaults", problem);
    }

    /**
     * An annotation rule's message, which starts with the attribute's name, as said of the pom element of the same
     * name inside {@code <section>}.
     */
    static String inPom(String section, String problem) {
        int space = problem.indexOf(' ');
        return "<" + section + "><" + problem.substring(0, space) + ">" + problem.substring(space);
    }

    /**
     * The defaults as the scanner records written attributes, for the ones the function did not write.
     *
     * @param written the attributes written on the function's annotation
     */
    public Map<String, Object> under(Map<String, Object> written) {
        Map<String, Object> merged = new TreeMap<>();
        memory.ifPresent(value -> merged.put("memory", value));
        timeout.ifPresent(value -> merged.put("timeout", value));
        runtime.flatMap(value -> constant(LambdaRuntime.class, value)).ifPresent(value -> merged.put("runtime", value));
        architecture
                .flatMap(value -> constant(Architecture.class, value))
                .ifPresent(value -> merged.put("architecture", value));
        snapStart.flatMap(Flags::parse).ifPresent(value -> merged.put("snapStart", value));
        tracing.flatMap(Flags::parse).ifPresent(value -> merged.put("tracing", value));
        logRetentionDays.ifPresent(value -> merged.put("logRetentionDays", value));
        merged.putAll(written);
        return merged;
    }

    /** The set values, by element name, for the settings' fingerprint. */
    Map<String, Object> canonical() {
        Map<String, Object> canonical = new TreeMap<>();
        memory.ifPresent(value -> canonical.put("memory", value));
        timeout.ifPresent(value -> canonical.put("timeout", value));
        runtime.ifPresent(value -> canonical.put("runtime", value));
        architecture.ifPresent(value -> canonical.put("architecture", value));
        snapStart.ifPresent(value -> canonical.put("snapStart", value));
        tracing.ifPresent(value -> canonical.put("tracing", value));
        logRetentionDays.ifPresent(value -> canonical.put("logRetentionDays", value));
        javaToolOptions.ifPresent(value -> canonical.put("javaToolOptions", value));
        return canonical;
    }

    private static Optional<String> notAFlag(String element, Optional<String> value) {
        return value.filter(written -> Flags.parse(written).isEmpty())
                .map(written -> Flags.problem("<functionDefaults><" + element + ">", written));
    }

    /** The constant named as its identifier ({@code arm64}) or its Java name ({@code ARM64}). */
    private static <E extends Enum<E>> Optional<String> constant(Class<E> type, String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .filter(name::equals)
                .findFirst();
    }
}
