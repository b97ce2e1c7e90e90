package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparta.api.FunctionOptions;
import io.sparta.api.LambdaFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A local function has the class path it has on Lambda: its own, then the layer modules it lists, in order. */
class LocalJvmTest {

    private static final io.sparta.core.archive.LayerModules MODULES = io.sparta.core.archive.LayerModules.of(Map.of(
            "greeting-lib", List.of(jar("greeting-lib"), jar("jackson-core")),
            "tools", List.of(jar("tools"))));

    private static io.sparta.core.archive.DependencyLayer.Dependency jar(String name) {
        return new io.sparta.core.archive.DependencyLayer.Dependency(
                "acme", name, name + ".jar", Path.of(name + ".jar"));
    }

    private static LambdaFunction function(List<String> layers) {
        return io.sparta.core.TestFunctions.function(
                "greet", "Greet", new FunctionOptions(-1, false, 512, layers, "", false));
    }

    @Test
    void aFunctionGetsTheJarsOfTheLayerModulesItListsAfterItsOwnClasspathAndNoOthers() throws Exception {
        List<Path> own = List.of(Path.of("classes"), Path.of("aws-lambda-java-core.jar"));

        assertEquals(
                List.of(
                        Path.of("classes"),
                        Path.of("aws-lambda-java-core.jar"),
                        Path.of("tools.jar"),
                        Path.of("greeting-lib.jar"),
                        Path.of("jackson-core.jar")),
                LocalJvm.functionClasspath(
                        function(
                                List.of("tools", "arn:aws:lambda:us-east-1:123456789012:layer:otel:1", "greeting-lib")),
                        own,
                        MODULES));
        assertEquals(own, LocalJvm.functionClasspath(function(List.of()), own, MODULES));
    }

    private static LambdaFunction function(
            io.sparta.annotations.LambdaRuntime runtime, FunctionOptions options, Map<String, String> environment) {
        LambdaFunction f = io.sparta.core.TestFunctions.function(
                "greet", "Greet", options, List.of(), environment, io.sparta.api.FunctionAccess.NONE);
        return new LambdaFunction(
                f.name(),
                f.logicalIdPrefix(),
                f.handler(),
                f.source(),
                f.description(),
                f.memory(),
                f.timeout(),
                runtime,
                f.architecture(),
                f.environment(),
                f.logRetentionDays(),
                f.options(),
                f.triggers(),
                f.access());
    }

    private static List<String> flags(LambdaFunction function) {
        List<String> command = LocalJvm.command(Path.of("java"), function, List.of(), List.of(), "Main");
        return command.subList(1, command.indexOf("-cp"));
    }

    private static final List<String> C1 =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private static final List<String> FULL_TIERS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    /** Lambda's java17 and java21 runtimes stop tiered compilation at C1; java25 does too unless init runs ahead. */
    @Test
    void theFunctionsJvmCompilesAsLambdasJavaRuntimeDoesForItsRuntimeAndOptions() {
        FunctionOptions defaults = FunctionOptions.DEFAULTS;
        assertEquals(C1, flags(function(io.sparta.annotations.LambdaRuntime.JAVA17, defaults, Map.of())));
        assertEquals(C1, flags(function(io.sparta.annotations.LambdaRuntime.JAVA21, defaults, Map.of())));
        assertEquals(C1, flags(function(io.sparta.annotations.LambdaRuntime.JAVA25, defaults, Map.of())));

        FunctionOptions snapStart = new FunctionOptions(-1, false, 512, List.of(), "", true);
        assertEquals(FULL_TIERS, flags(function(io.sparta.annotations.LambdaRuntime.JAVA25, snapStart, Map.of())));
        assertEquals(C1, flags(function(io.sparta.annotations.LambdaRuntime.JAVA21, snapStart, Map.of())));
    }

    private static List<String> flagsWithToolOptions(String javaToolOptions) {
        return flags(function(
                io.sparta.annotations.LambdaRuntime.JAVA21,
                FunctionOptions.DEFAULTS,
                Map.of("JAVA_TOOL_OPTIONS", javaToolOptions)));
    }

    @Test
    void aJavaToolOptionsThatSetsTieredCompilationItselfIsLeftToDecide() {
        assertEquals(FULL_TIERS, flagsWithToolOptions("-XX:TieredStopAtLevel=4"));
        assertEquals(FULL_TIERS, flagsWithToolOptions("-XX:-TieredCompilation"));
        assertEquals(C1, flagsWithToolOptions("-Dlog.level=debug"));
    }
}
