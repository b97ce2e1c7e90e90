package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12's layer module through real Maven: a reactor whose service module, greetings, names the module
 * greeting-lib in {@code @SpartaLambda(layers = "greeting-lib")} and depends on it with the provided scope. Package
 * builds that module's jar and what it brings into a layer of its own beside the dependency layer (no AWS); the
 * local goals run each function with the layers it lists; provision runs on fakecloud (moto's CloudFormation hands
 * functions a layer object where an ARN belongs), skipped by name where fakecloud's binary is absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayerModuleIT extends SharedSampleOnFakecloud {

    private static final String MODULE_LAYER = "greetings-greeting-lib";
    private static final String DEPENDENCY_LAYER = "greetings-deps";

    LayerModuleIT() {
        super("layer-module", "layer-module");
    }

    private static List<String> entries(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(ZipEntry::getName)
                    .sorted()
                    .toList();
        }
    }

    private JsonNode manifestLayer(int index) throws Exception {
        return new ObjectMapper()
                .readTree(sample.file("greetings/target/sparta/manifest.json").toFile())
                .path("layers")
                .path(index);
    }

    private List<String> functionLayers(String function) {
        return aws.lambda.getFunction(r -> r.functionName(function)).configuration().layers().stream()
                .map(layer -> layer.arn())
                .toList();
    }

    private static long lines(SampleProject.BuildResult build, String first, String second) {
        return build.log().stream()
                .filter(line -> line.contains(first) && line.contains(second))
                .count();
    }

    @Test
    @Order(1)
    void packageBuildsTheNamedModuleIntoItsOwnReproducibleLayer() throws Exception {
        SampleProject.BuildResult first = sample.mvnWithoutAws("clean", "install", "-o");
        assertEquals(0, first.exitCode(), first.describe());
        String firstContent = manifestLayer(1).path("contentSha256").asText();
        Thread.sleep(2_100); // past the two-second resolution of zip entry times: the module's jar gets new bytes
        SampleProject.BuildResult second = sample.mvnWithoutAws("clean", "install", "-o");
        assertEquals(0, second.exitCode(), second.describe());

        assertEquals("LayerGreetingLibKey", manifestLayer(1).path("parameter").asText());
        assertEquals(
                firstContent,
                manifestLayer(1).path("contentSha256").asText(),
                "two clean builds, one layer: the module's jar counts by what it holds");
        assertTrue(second.logContains("(layer module greeting-lib, 2 jar(s); "), second.describe());
        // The service declares jackson-core itself (provided): the layer module's layer still holds it.
        assertEquals(
                List.of("java/lib/greeting-lib-1.0.0.jar", "java/lib/jackson-core-2.22.4.jar"),
                entries(sample.file("greetings/target/sparta/layers/greeting-lib.zip")));
        assertEquals(
                List.of("java/lib/aws-lambda-java-core-1.4.0.jar"),
                entries(sample.file("greetings/target/sparta/dependencies-layer.zip")),
                "the dependency layer holds no provided dependency");
        assertFalse(
                entries(sample.file("greetings/target/greetings-1.0.0.jar")).stream()
                        .anyMatch(name -> name.startsWith("com/example/greeting/")),
                "the function's jar holds none of the layer module's classes");

        Path template = sample.file("greetings/target/sparta/template.json");
        assertEquals(List.of(), cfnLint.errors(template), "cfn-lint errors");
        JsonNode resources = new ObjectMapper().readTree(template.toFile()).path("Resources");
        assertEquals(
                "{\"Fn::Sub\":\"${AWS::StackName}-greeting-lib\"}",
                resources.at("/LayerGreetingLib/Properties/LayerName").toString());
        assertEquals(
                "[{\"Ref\":\"DependenciesLayer\"},{\"Ref\":\"LayerGreetingLib\"}]",
                resources.at("/GreetingsGreetFunction/Properties/Layers").toString());
        assertEquals(
                "[{\"Ref\":\"DependenciesLayer\"}]",
                resources.at("/GreetingsPlainFunction/Properties/Layers").toString());
    }

    @Test
    @Order(2)
    void invokeGivesEachFunctionTheLayersItLists() {
        SampleProject.BuildResult greet =
                sample.mvnWithoutAws("-f", "greetings", "sparta:invoke", "-o", "-Dsparta.function=Greetings-greet");
        assertEquals(0, greet.exitCode(), greet.describe());
        assertTrue(greet.logContains("Response: \"\\\"Hello, layers\\\"\""), greet.describe());

        SampleProject.BuildResult plain =
                sample.mvnWithoutAws("-f", "greetings", "sparta:invoke", "-o", "-Dsparta.function=Greetings-plain");
        assertEquals(0, plain.exitCode(), plain.describe());
        assertTrue(plain.logContains("Response: \"greeter absent\""), plain.describe());
    }

    @Test
    @Order(2)
    void theSystemsMavenResolvesTheLayerModuleToo_whereDebiansMavenIsInstalled() {
        Assumptions.assumeTrue(
                SampleProject.systemMaven().isPresent(), "no /usr/share/maven here: the system Maven's run is skipped");
        SampleProject.BuildResult greet = sample.mvnWithSystemMavenWithoutAws(
                "-f", "greetings", "sparta:invoke", "-o", "-Dsparta.function=Greetings-greet");
        assertEquals(0, greet.exitCode(), greet.describe());
        assertTrue(greet.logContains("Response: \"\\\"Hello, layers\\\"\""), greet.describe());
    }

    @Test
    @Order(3)
    void aNameThatIsNoProvidedDependencyIsRefusedWithTheDependencyToDeclare() throws Exception {
        Path source = sample.file("greetings/src/main/java/com/example/greetings/Greetings.java");
        String original = Files.readString(source);
        Files.writeString(source, original.replace("layers = \"greeting-lib\"", "layers = \"greeting-lb\""));
        try {
            SampleProject.BuildResult build = sample.mvnWithoutAws("-f", "greetings", "package", "-o");
            assertEquals(1, build.exitCode(), build.describe());
            assertTrue(
                    build.logContains("function \"Greetings-greet\" (com.example.greetings.Greetings#greet) lists"
                            + " layer \"greeting-lb\", which is not a layer version ARN and not a provided dependency"
                            + " of this module (those are [greeting-lib, jackson-core])"),
                    build.describe());
            assertTrue(build.logContains("<artifactId>greeting-lb</artifactId>"), build.describe());
        } finally {
            Files.writeString(source, original);
        }
    }

    @Test
    @Order(4)
    void provisionPublishesOneVersionOfEachLayerToTheFunctionsThatListIt_onFakecloud() {
        needsFakecloud();
        SampleProject.BuildResult packaged = sample.mvnWithoutAws("install", "-o");
        assertEquals(0, packaged.exitCode(), packaged.describe());

        SampleProject.BuildResult build = sample.mvn("-f", "greetings", "sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(List.of(1L), layerVersions(MODULE_LAYER));
        assertEquals(List.of(1L), layerVersions(DEPENDENCY_LAYER));
        assertEquals(2, layerObjects("greetings").size());
        List<String> greet = functionLayers("greetings-Greetings-greet");
        assertEquals(2, greet.size(), greet.toString());
        assertTrue(greet.get(0).contains(":layer:" + DEPENDENCY_LAYER + ":1"), greet.toString());
        assertTrue(greet.get(1).contains(":layer:" + MODULE_LAYER + ":1"), greet.toString());
        List<String> plain = functionLayers("greetings-Greetings-plain");
        assertEquals(1, plain.size(), plain.toString());
        assertTrue(plain.get(0).contains(":layer:" + DEPENDENCY_LAYER + ":1"), plain.toString());
    }

    @Test
    @Order(5)
    void aServiceCodeChangeUploadsNoLayer_onFakecloud() throws Exception {
        needsFakecloud();
        Path source = sample.file("greetings/src/main/java/com/example/greetings/Greetings.java");
        Files.writeString(
                source, Files.readString(source).replace("Greeter.greet(\"layers\")", "Greeter.greet(\"modules\")"));
        SampleProject.BuildResult packaged = sample.mvnWithoutAws("clean", "install", "-o");
        assertEquals(0, packaged.exitCode(), packaged.describe());

        SampleProject.BuildResult build = sample.mvn("-f", "greetings", "sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("UPDATE_COMPLETE"), build.describe());
        assertEquals(0, lines(build, "Uploaded", "/layers/"), build.describe());
        assertEquals(2, lines(build, "Unchanged", "/layers/"), build.describe());
        assertEquals(2, layerObjects("greetings").size());
    }

    @Test
    @Order(6)
    void aLayerModuleChangeUploadsThatLayerAloneAndPassesItsNewKey_onFakecloud() throws Exception {
        needsFakecloud();
        Path source = sample.file("greeting-lib/src/main/java/com/example/greeting/Greeter.java");
        Files.writeString(source, Files.readString(source).replace("\"\\\"Hello, \"", "\"\\\"Hi, \""));
        SampleProject.BuildResult packaged = sample.mvnWithoutAws("install", "-o");
        assertEquals(0, packaged.exitCode(), packaged.describe());
        String key =
                "greetings/layers/" + manifestLayer(1).path("contentSha256").asText() + ".zip";

        SampleProject.BuildResult build = sample.mvn("-f", "greetings", "sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(1, lines(build, "Uploaded", key), build.describe());
        assertEquals(1, lines(build, "Unchanged", "/layers/"), build.describe());
        assertEquals(1, lines(build, "  LayerGreetingLibKey: greetings/layers/", " -> " + key), build.describe());
        assertEquals(3, layerObjects("greetings").size());
        // CloudFormation replaces a LayerVersion whose content changes, publishing version 2; fakecloud 0.51.0
        // updates version 1 in place, so the version count is not asserted here.
    }
}
