package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's example as a user copies it: its complete {@code pom.xml} and each complete Java file, taken out of
 * the README's fenced blocks, built with {@code mvn package} as written on each Maven the README names.
 */
class ReadmeExampleIT {

    private static final Pattern FENCE = Pattern.compile("```(xml|java)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern CLASS = Pattern.compile("^public class (\\w+)", Pattern.MULTILINE);

    /** Writes the README's project into a fresh work folder; fails when the README has no complete example. */
    private static SampleProject projectFromReadme(String folder) throws Exception {
        String readme = Files.readString(Path.of(SampleProject.property("sparta.it.readme")));
        SampleProject project = SampleProject.emptyFolder(folder);
        List<String> poms = new ArrayList<>();
        List<String> javaFiles = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            String body = fence.group(2);
            if (fence.group(1).equals("xml") && body.startsWith("<?xml")) {
                poms.add(body);
            } else if (fence.group(1).equals("java")) {
                Matcher pkg = PACKAGE.matcher(body);
                Matcher type = CLASS.matcher(body);
                if (pkg.find() && type.find()) {
                    Path file = project.file(
                            "src/main/java/" + pkg.group(1).replace('.', '/') + "/" + type.group(1) + ".java");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, body);
                    javaFiles.add(type.group(1));
                }
            }
        }
        assertEquals(1, poms.size(), "the README holds one complete pom.xml");
        Files.writeString(project.file("pom.xml"), poms.get(0));
        assertEquals(List.of("HelloHandler", "Greetings"), javaFiles, "the README's complete Java files");
        return project;
    }

    private static void packagesBothFunctions(SampleProject.BuildResult build, SampleProject project) throws Exception {
        assertEquals(0, build.exitCode(), build.describe());
        JsonNode template = new ObjectMapper()
                .readTree(project.file("target/sparta/template.json").toFile());
        TreeSet<String> handlers = new TreeSet<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")) {
                handlers.add(resource.at("/Properties/Handler").asText());
            }
        });
        assertEquals(
                new TreeSet<>(List.of("com.example.hello.Greetings::shout", "com.example.hello.HelloHandler")),
                handlers);
    }

    @Test
    void theReadmesExamplePackagesAsWritten_buildsMaven() throws Exception {
        SampleProject project = projectFromReadme("readme-example");
        packagesBothFunctions(project.mvnWithoutAws("package"), project);
    }

    @Test
    void theReadmesExamplePackagesAsWritten_debiansMaven387() throws Exception {
        Assumptions.assumeTrue(
                SampleProject.systemMaven().isPresent(), "no system Maven at /usr/share/maven on this machine");
        SampleProject project = projectFromReadme("readme-example-maven-3.8");
        packagesBothFunctions(project.mvnWithSystemMavenWithoutAws("package"), project);
    }

    @Test
    void theReadmesExamplePackagesAsWritten_oldestMaven363() throws Exception {
        SampleProject project = projectFromReadme("readme-example-maven-3.6");
        File maven = new File(SampleProject.property("sparta.it.oldestMavenHome"));
        SampleProject.BuildResult build = project.mvn(
                maven,
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""),
                "package");
        assertTrue(build.log().stream().noneMatch(line -> line.contains("Source option 5")), build.describe());
        packagesBothFunctions(build, project);
    }
}
