package io.sparta.core;

import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.LambdaFunction;
import io.sparta.api.Trigger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Validated functions for tests that start after the model: 256 MB, 10 s, java21 on x86_64, 14 days of logs. */
public final class TestFunctions {

    private TestFunctions() {}

    /** A function {@code name} whose logical ids start with {@code prefix}, handled by {@code acme.<prefix>}. */
    public static LambdaFunction function(String name, String prefix) {
        return function(name, prefix, FunctionOptions.DEFAULTS);
    }

    public static LambdaFunction function(String name, String prefix, List<Trigger> triggers) {
        return function(name, prefix, FunctionOptions.DEFAULTS, triggers);
    }

    public static LambdaFunction function(String name, String prefix, FunctionOptions options) {
        return function(name, prefix, options, List.of());
    }

    public static LambdaFunction function(String name, String prefix, FunctionOptions options, List<Trigger> triggers) {
        return function(name, prefix, options, triggers, Map.of(), FunctionAccess.NONE);
    }

    public static LambdaFunction function(
            String name,
            String prefix,
            FunctionOptions options,
            List<Trigger> triggers,
            Map<String, String> environment,
            FunctionAccess access) {
        return new LambdaFunction(
                name,
                prefix,
                "acme." + prefix,
                "acme." + prefix,
                "",
                256,
                10,
                LambdaRuntime.JAVA21,
                Architecture.X86_64,
                new TreeMap<>(environment),
                14,
                options,
                triggers,
                access);
    }
}
