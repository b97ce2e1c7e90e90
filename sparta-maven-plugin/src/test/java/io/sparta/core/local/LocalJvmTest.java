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
}
