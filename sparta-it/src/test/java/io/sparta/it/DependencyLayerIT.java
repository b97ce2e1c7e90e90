package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12's dependency layer through real Maven: hello-world without maven-shade-plugin and with Jackson as a
 * runtime dependency. Package writes the module's own jar and a reproducible layer (no AWS). Provision runs on
 * fakecloud, since moto's CloudFormation hands functions its layer object where an ARN belongs and then reports
 * UPDATE_COMPLETE for updates it failed: one layer version every function lists, a code-only change that uploads
 * only the jar and publishes no layer version, a dependency change that uploads one new layer. Skipped, by name,
 * where fakecloud's binary is absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DependencyLayerIT extends SharedSampleOnFakecloud {

    private static final String LAYER = "hello-world-deps";
    private static final String HELLO = "hello-world-HelloHandler";
    private static final Pattern UPLOADED = Pattern.compile("(\\d+) bytes uploaded to S3");

    DependencyLayerIT() {
        super("hello-world", "dependency-layer");
    }

    private Path layer() {
        return sample.file("target/sparta/dependencies-layer.zip");
    }

    private Path jar() {
        return sample.file("target/hello-world-1.0.0.jar");
    }

    private void editPom(String from, String to) throws Exception {
        Path pom = sample.file("pom.xml");
        String text = Files.readString(pom);
        assertTrue(text.contains(from), "the sample's pom holds " + from);
        Files.writeString(pom, text.replace(from, to));
    }

    private static long uploaded(SampleProject.BuildResult build) {
        for (String line : build.log()) {
            Matcher matcher = UPLOADED.matcher(line);
            if (matcher.find()) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new AssertionError("no upload summary in " + build.logFile());
    }

    @Test
    @Order(1)
    void withoutShadeTheDependenciesGoToAReproducibleLayerBesideTheModulesOwnJar() throws Exception {
        int shadeAt = Files.readString(sample.file("pom.xml"))
                .indexOf("      <plugin>\n        <groupId>org.apache"
                        + ".maven.plugins</groupId>\n        <artifactId>maven-shade-plugin</artifactId>");
        assertTrue(shadeAt > 0, "the sample shades");
        String pom = Files.readString(sample.file("pom.xml"));
        int shadeEnd = pom.indexOf("      </plugin>\n", shadeAt) + "      </plugin>\n".length();
        Files.writeString(sample.file("pom.xml"), pom.substring(0, shadeAt) + pom.substring(shadeEnd));
        editPom(
                "      <artifactId>aws-lambda-java-core</artifactId>\n      <version>1.4.0</version>\n    </dependency>\n",
                "      <artifactId>aws-lambda-java-core</artifactId>\n      <version>1.4.0</version>\n    </dependency>\n"
                        + "    <dependency>\n      <groupId>com.fasterxml.jackson.core</groupId>\n"
                        + "      <artifactId>jackson-databind</artifactId>\n      <version>2.22.4</version>\n"
                        + "    </dependency>\n");

        SampleProject.BuildResult first = sample.mvnWithoutAws("clean", "package", "-o");
        assertEquals(0, first.exitCode(), first.describe());
        byte[] firstLayer = Files.readAllBytes(layer());
        Thread.sleep(2_100); // past the two-second resolution of zip entry times
        SampleProject.BuildResult second = sample.mvnWithoutAws("clean", "package", "-o");
        assertEquals(0, second.exitCode(), second.describe());
        assertArrayEquals(firstLayer, Files.readAllBytes(layer()), "two clean builds, the same layer bytes");
        assertTrue(second.logContains("[INFO] Layer    "), second.describe());

        try (ZipFile zip = new ZipFile(layer().toFile())) {
            List<String> entries = Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".jar"))
                    .sorted()
                    .toList();
            assertEquals(
                    List.of(
                            "java/lib/aws-lambda-java-core-1.4.0.jar",
                            "java/lib/jackson-annotations-2.22.jar",
                            "java/lib/jackson-core-2.22.4.jar",
                            "java/lib/jackson-databind-2.22.4.jar"),
                    entries);
        }
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            assertFalse(
                    Collections.list(zip.entries()).stream()
                            .anyMatch(e -> e.getName().startsWith("com/fasterxml/")),
                    "the module's jar holds no dependency");
        }
        Path template = sample.file("target/sparta/template.json");
        assertEquals(List.of(), cfnLint.errors(template), "cfn-lint errors");
        JsonNode resources = new ObjectMapper().readTree(template.toFile()).path("Resources");
        assertEquals(
                "AWS::Lambda::LayerVersion",
                resources.path("DependenciesLayer").path("Type").asText());
        assertEquals(
                "{\"Fn::Sub\":\"${AWS::StackName}-deps\"}",
                resources
                        .path("DependenciesLayer")
                        .path("Properties")
                        .path("LayerName")
                        .toString());
        assertEquals(
                "{\"Ref\":\"DependenciesLayer\"}",
                resources
                        .path("HelloHandlerFunction")
                        .path("Properties")
                        .path("Layers")
                        .get(0)
                        .toString());
    }

    @Test
    @Order(2)
    void provisionPublishesOneLayerVersionThatEveryFunctionLists_onFakecloud() {
        needsFakecloud();
        SampleProject.BuildResult build = sample.mvn("sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(List.of(1L), layerVersions(LAYER));
        assertEquals(1, layerObjects("hello-world").size());
        List<String> layers = aws.lambda.getFunction(r -> r.functionName(HELLO)).configuration().layers().stream()
                .map(layer -> layer.arn())
                .toList();
        assertEquals(1, layers.size(), layers.toString());
        assertTrue(layers.get(0).contains(":layer:" + LAYER + ":1"), layers.toString());
    }

    @Test
    @Order(3)
    void aCodeOnlyChangeUploadsOnlyTheJarAndPublishesNoLayerVersion_onFakecloud() throws Exception {
        needsFakecloud();
        Path source = sample.file("src/main/java/com/example/hello/HelloHandler.java");
        Files.writeString(source, Files.readString(source).replace("\"world\"", "\"layers\""));
        SampleProject.BuildResult packaged = sample.mvnWithoutAws("package", "-o");
        assertEquals(0, packaged.exitCode(), packaged.describe());

        SampleProject.BuildResult build = sample.mvn("sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("UPDATE_COMPLETE"), build.describe());
        // The new jar and the deployment history, some kilobytes: the layer, megabytes, is already there.
        assertTrue(
                build.log().stream().noneMatch(line -> line.contains("Uploaded") && line.contains("/layers/")),
                build.describe());
        assertTrue(
                build.log().stream().anyMatch(line -> line.contains("Unchanged") && line.contains("/layers/")),
                build.describe());
        assertTrue(
                uploaded(build) < Files.size(jar()) + 64 * 1024,
                uploaded(build) + " bytes uploaded; the layer is " + Files.size(layer()));
        assertEquals(List.of(1L), layerVersions(LAYER));
        assertEquals(1, layerObjects("hello-world").size());
    }

    @Test
    @Order(4)
    void aDependencyChangeUploadsOneNewLayer_fakecloudUpdatesALayerVersionInPlace() throws Exception {
        needsFakecloud();
        editPom(
                "      <artifactId>jackson-databind</artifactId>\n      <version>2.22.4</version>\n    </dependency>\n",
                "      <artifactId>jackson-databind</artifactId>\n      <version>2.22.4</version>\n    </dependency>\n"
                        + "    <dependency>\n      <groupId>org.ow2.asm</groupId>\n      <artifactId>asm</artifactId>\n"
                        + "      <version>9.11.1</version>\n    </dependency>\n");
        SampleProject.BuildResult packaged = sample.mvnWithoutAws("package", "-o");
        assertEquals(0, packaged.exitCode(), packaged.describe());

        SampleProject.BuildResult build = sample.mvn("sparta:provision");

        assertEquals(0, build.exitCode(), build.describe());
        assertEquals(2, layerObjects("hello-world").size());
        assertTrue(build.logContains("  DependenciesLayerKey: hello-world/layers/"), build.describe());
        assertTrue(
                build.logContains("DependenciesLayer  AWS::Lambda::LayerVersion  UPDATE_COMPLETE"), build.describe());
        assertTrue(uploaded(build) >= Files.size(layer()), uploaded(build) + " bytes uploaded");
        // CloudFormation replaces a LayerVersion whose content changes (its every property requires replacement),
        // publishing version 2 and moving the functions to it; fakecloud 0.51.0 updates version 1 in place, so
        // the version count is not asserted here.
    }

    @Test
    @Order(5)
    void invokeRunsTheFunctionLocallyOnTheClassPathItHasOnLambda() throws Exception {
        // The code change the fakecloud steps make, made here too where they were skipped (no ../shared).
        Path source = sample.file("src/main/java/com/example/hello/HelloHandler.java");
        Files.writeString(source, Files.readString(source).replace("\"world\"", "\"layers\""));
        SampleProject.BuildResult build =
                sample.mvnWithoutAws("compile", "sparta:invoke", "-o", "-Dsparta.function=HelloHandler");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(build.logContains("layers"), build.describe());
    }
}
