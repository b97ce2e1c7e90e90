package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The plugin as it is installed: one jar with the plugin's own libraries inside, and a pom naming only what must
 * stay a jar of its own. The local runner and Lambda's libraries are the function JVM's whole runtime under
 * sparta:invoke and sparta:serve, so they must not be shaded in: that JVM would then see the AWS SDK, Jackson and
 * the rest of the plugin, which Lambda does not give a function. plexus-utils is named so that Maven before 3.9
 * does not add version 1.1 to a plugin that names none.
 */
class PluginArtifactIT {

    private static final Path INSTALLED = Path.of(SampleProject.property("sparta.it.repository"))
            .resolve("io/sparta/sparta-maven-plugin/" + SampleProject.property("sparta.version"));

    @Test
    void thePomNamesTheFunctionJvmsJarsAndPlexusUtilsAndNothingElseAtRuntime() throws Exception {
        String pom = Files.readString(INSTALLED.resolve("sparta-maven-plugin-" + version() + ".pom"));
        TreeSet<String> runtime = new TreeSet<>();
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
                .matcher(pom);
        while (dependency.find()) {
            String block = dependency.group(1);
            String scope = tag(block, "scope");
            if (scope.isEmpty() || scope.equals("compile") || scope.equals("runtime")) {
                runtime.add(tag(block, "groupId") + ":" + tag(block, "artifactId"));
            }
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "com.amazonaws:aws-lambda-java-core",
                        "com.amazonaws:aws-lambda-java-serialization",
                        "io.sparta:sparta-local",
                        "org.codehaus.plexus:plexus-utils")),
                runtime);
    }

    @Test
    void theJarHoldsThePluginsLibrariesButNotTheFunctionJvmsRuntime() throws Exception {
        try (ZipFile jar = new ZipFile(
                INSTALLED.resolve("sparta-maven-plugin-" + version() + ".jar").toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("io/sparta/maven/PackageMojo.class"), "the plugin itself");
            assertTrue(
                    names.contains("software/amazon/awssdk/services/cloudformation/CloudFormationClient.class"),
                    "the AWS SDK, shaded in");
            assertEquals(
                    List.of(),
                    names.stream()
                            .filter(name -> name.startsWith("io/sparta/local/")
                                    || name.startsWith("com/amazonaws/services/lambda/runtime/"))
                            .toList(),
                    "the function JVM's runtime stays in jars of its own");
        }
    }

    private static String version() {
        return SampleProject.property("sparta.version");
    }

    private static String tag(String block, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">").matcher(block);
        return m.find() ? m.group(1).trim() : "";
    }
}
