package io.sparta.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.JavaSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class PackageMojoTest {

    private static final String CONFIGURED = "src/test/resources/projects/configured/pom.xml";

    @TempDir
    Path work;

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void failsTheBuildNamingEveryBadDeclaration(PackageMojo mojo) throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Orders.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Orders {
                    @SpartaLambda(memory = 100) public String place(String order) { return order; }
                    @SpartaLambda(timeout = 901) public String cancel(String order) { return order; }
                }
                """));
        setVariableValueToObject(mojo, "classesDirectory", classes.toFile());
        setVariableValueToObject(mojo, "outputDirectory", work.resolve("sparta").toFile());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("""
                2 problems in the service declaration:
                  - acme.Orders#cancel: @SpartaLambda: timeout = 901 is out of range; allowed 1 to 900 (seconds)
                  - acme.Orders#place: @SpartaLambda: memory = 100 is out of range; allowed 128 to 10240 (MB)""", e.getMessage());
        assertTrue(Files.notExists(work.resolve("sparta/template.json")), "no template for an invalid service");
    }

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void aServiceTooLargeForOneStackIsSplitIntoNestedStacksOfFunctions(PackageMojo mojo) throws Exception {
        manyFunctions(mojo, 200, "");

        mojo.execute();

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode parent =
                json.readTree(work.resolve("sparta/template.json").toFile());
        com.fasterxml.jackson.databind.JsonNode manifest =
                json.readTree(work.resolve("sparta/manifest.json").toFile());
        assertEquals(2, manifest.path("nestedTemplates").size(), manifest.toString());
        for (com.fasterxml.jackson.databind.JsonNode nested : manifest.path("nestedTemplates")) {
            String id = nested.path("logicalId").asText();
            assertEquals(
                    "AWS::CloudFormation::Stack",
                    parent.path("Resources").path(id).path("Type").asText(),
                    id);
            assertTrue(Files.isRegularFile(work.resolve("sparta/nested/" + id + ".json")), id);
        }
        assertTrue(Files.isRegularFile(work.resolve("sparta/nested/whole-template.json")));
        assertFalse(parent.path("Resources").has("F0Function"), "functions live in the nested stacks");
    }

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void aServiceThatDoesNotFitEvenSplitFailsNamingEachQuotaAndWhatToDo(PackageMojo mojo) throws Exception {
        StringBuilder queues = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            queues.append("@io.sparta.annotations.SqsQueue(name = \"q")
                    .append(i)
                    .append("\")\n");
        }
        // Each declared queue gives an output of its URL and one of its ARN, and declared resources stay in the parent.
        manyFunctions(mojo, 10, queues.toString());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                e.getMessage()
                        .startsWith("The template " + work.resolve("sparta/template.json")
                                + " does not fit one CloudFormation stack"
                                + " (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                                + "cloudformation-limits.html): 202 outputs, at most 200; split into up to 256"
                                + " nested stacks of functions it still does not fit: the parent stack: 202 outputs,"
                                + " at most 200"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("Reduce what the parent holds, or move some functions to a module of their own with"
                                + " the Sparta plugin (a service and stack of its own)."),
                e.getMessage());
        assertTrue(Files.notExists(work.resolve("sparta/template.json")), "no template CloudFormation would refuse");
        assertTrue(Files.notExists(work.resolve("sparta/manifest.json")), "no package to provision");
    }

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void aPinnedNumberOfNestedStacksSplitsAServiceThatFitsOneStack_andIsRecordedForTheNextProvision(PackageMojo mojo)
            throws Exception {
        manyFunctions(mojo, 20, "");
        setVariableValueToObject(mojo, "nestedStacks", 2);

        mojo.execute();

        com.fasterxml.jackson.databind.JsonNode parent = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(work.resolve("sparta/template.json").toFile());
        assertEquals(
                2,
                parent.at("/Metadata/SpartaNestedGroups").asInt(),
                parent.path("Metadata").toString());
        assertEquals(
                "AWS::CloudFormation::Stack",
                parent.at("/Resources/Functions01/Type").asText());
        assertEquals(
                "AWS::CloudFormation::Stack",
                parent.at("/Resources/Functions02/Type").asText());
        com.fasterxml.jackson.databind.JsonNode whole = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(work.resolve("sparta/nested/whole-template.json").toFile());
        assertEquals(2, whole.at("/Metadata/SpartaNestedGroups").asInt());
    }

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void aPinnedNumberOfNestedStacksTooFewForTheFunctionsFailsSayingSoAndWhatToDo(PackageMojo mojo) throws Exception {
        manyFunctions(mojo, 200, "");
        setVariableValueToObject(mojo, "nestedStacks", 1);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "The template " + work.resolve("sparta/template.json") + " split into the 1 nested stacks of functions"
                        + " <nestedStacks> pins does not fit"
                        + " (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html):"
                        + " nested stack Functions01: 600 resources, at most 500 (AWS::IAM::Role 200,"
                        + " AWS::Lambda::Function 200, AWS::Logs::LogGroup 200). Raise <nestedStacks> (each nested"
                        + " stack holds at most 500 resources), or set it to 0 to split into as few as fit with room to"
                        + " grow.",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void aNumberOfNestedStacksOutOfRangeIsNamedWithItsRange(PackageMojo mojo) throws Exception {
        manyFunctions(mojo, 2, "");
        setVariableValueToObject(mojo, "nestedStacks", 300);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "<nestedStacks> 300 is out of range; allowed 0 (split only a service past one stack's quotas, into as"
                        + " few nested stacks as fit) or 1 to 256. Try -Dsparta.nestedStacks=0",
                e.getMessage());
    }

    /** A jar and classes of {@code count} functions {@code f0} and on, {@code annotations} on their class. */
    private void manyFunctions(PackageMojo mojo, int count, String annotations) throws Exception {
        StringBuilder source = new StringBuilder(
                "package acme;\nimport io.sparta.annotations.SpartaLambda;\n" + annotations + "public class Many {\n");
        for (int i = 0; i < count; i++) {
            source.append("    @SpartaLambda(name = \"f")
                    .append(i)
                    .append("\") public String f")
                    .append(i)
                    .append("(String in) { return in; }\n");
        }
        Path classes = JavaSources.compile(work, Map.of("acme/Many.java", source + "}\n"));
        Path jar = work.resolve("orders-1.0.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("acme/Many.class"));
            out.write(Files.readAllBytes(classes.resolve("acme/Many.class")));
        }
        org.apache.maven.artifact.Artifact artifact = new org.apache.maven.artifact.DefaultArtifact(
                "com.acme",
                "orders",
                "1.0",
                "compile",
                "jar",
                null,
                new org.apache.maven.artifact.handler.DefaultArtifactHandler("jar"));
        artifact.setFile(jar.toFile());
        mojo.project.setArtifact(artifact);
        setVariableValueToObject(mojo, "classesDirectory", classes.toFile());
        setVariableValueToObject(mojo, "outputDirectory", work.resolve("sparta").toFile());
    }

    @Test
    @InjectMojo(goal = "package", pom = CONFIGURED)
    void aModuleWithoutFunctionsWritesNothingAndRemovesAnOldTemplate(PackageMojo mojo) throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Plain.java", "package acme; public class Plain {}"));
        Path stale = Files.createDirectories(work.resolve("sparta")).resolve("template.json");
        Files.writeString(stale, "{}");
        setVariableValueToObject(mojo, "classesDirectory", classes.toFile());
        setVariableValueToObject(mojo, "outputDirectory", work.resolve("sparta").toFile());

        mojo.execute();

        assertTrue(Files.notExists(stale));
        assertTrue(Files.notExists(work.resolve("sparta/manifest.json")));
    }
}
