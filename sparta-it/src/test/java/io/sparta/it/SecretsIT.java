package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18's secrets case through real Maven on moto: a literal secret in {@code <parameters>} fails package with
 * the route that works; a secret template parameter and a secret function variable are declared NoEcho and carry
 * only references; a whole {@code -X} build, provision, status and describe with distinctive fake credentials
 * leaves neither the credentials nor the literal in any file under target/ or in the log. moto resolves no dynamic
 * reference ({{resolve:...}}), so that CloudFormation puts the secret's value in place is not checked here, and
 * does not mask NoEcho values in DescribeStacks, so the deployed template's NoEcho declarations are checked instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsIT extends SharedSampleOnMoto {

    private static final String LITERAL = "hunter2-SpartaDistinctive-0001";
    private static final Map<String, String> FAKE_CREDENTIALS = Map.of(
            "AWS_ACCESS_KEY_ID", "AKIASPARTAFAKE000002",
            "AWS_SECRET_ACCESS_KEY", "spartaFakeSecretAccessKey0000000000000002",
            "AWS_SESSION_TOKEN", "spartaFakeSessionToken0000000000000000000002");

    SecretsIT() {
        super("hello-world", "secrets");
    }

    private void configure(String extra) throws Exception {
        Path pom = sample.file("pom.xml");
        String text = Files.readString(pom);
        String anchor = "            <Stage>dev</Stage>\n          </parameters>\n";
        int at = text.indexOf(anchor);
        assertTrue(at > 0, "the sample's pom declares <parameters>");
        int end = text.indexOf("        </configuration>", at);
        Files.writeString(pom, text.substring(0, at + anchor.length()) + extra + text.substring(end));
    }

    @Test
    @Order(1)
    void aLiteralSecretInParametersFailsPackageWithTheRouteThatWorks() throws Exception {
        Path pom = sample.file("pom.xml");
        Files.writeString(
                pom,
                Files.readString(pom)
                        .replace(
                                "            <Stage>dev</Stage>\n",
                                "            <Stage>dev</Stage>\n            <DbPassword>" + LITERAL
                                        + "</DbPassword>\n"));

        SampleProject.BuildResult build = sample.mvnWithoutAws("clean", "package");

        assertEquals(1, build.exitCode(), build.describe());
        assertTrue(
                build.logContains("<parameters> DbPassword looks like a secret but holds a literal value, which would"
                        + " be written to the template, the manifest and the deployed configuration; move it to"
                        + " <secretParameters> (a NoEcho template parameter SecretDbPassword) as"
                        + " secretsmanager:SECRET-ID or ssm:PARAMETER-NAME, kept in AWS"),
                build.describe());
        assertFalse(Files.exists(sample.file("target/sparta/manifest.json")), "no package was written");
        Files.writeString(
                pom, Files.readString(pom).replace("            <DbPassword>" + LITERAL + "</DbPassword>\n", ""));
    }

    @Test
    @Order(2)
    void secretsAreNoEchoReferencesAndNothingSecretReachesAFileOrTheLog_motoDoesNotMaskNoEchoValues() throws Exception {
        configure("          <secrets>\n"
                + "            <API_TOKEN>ssm:/hello/api-token</API_TOKEN>\n"
                + "          </secrets>\n"
                + "          <secretParameters>\n"
                + "            <DbPassword>secretsmanager:hello/db:SecretString:password</DbPassword>\n"
                + "          </secretParameters>\n");

        SampleProject.BuildResult build = sample.mvn(
                FAKE_CREDENTIALS, "-X", "clean", "package", "sparta:provision", "sparta:status", "sparta:describe");

        assertEquals(0, build.exitCode(), build.describe());
        JsonNode template = new ObjectMapper()
                .readTree(sample.file("target/sparta/template.json").toFile());
        JsonNode parameters = template.path("Parameters");
        assertTrue(parameters.path("SecretDbPassword").path("NoEcho").asBoolean(), parameters.toString());
        assertTrue(parameters.path("SecretAPITOKEN").path("NoEcho").asBoolean(), parameters.toString());
        assertFalse(parameters.has("DbPassword"), parameters.toString());
        // The secret parameter makes no function variable; the secret variable resolves its own parameter.
        String functions = template.path("Resources").toString();
        assertFalse(functions.contains("${SecretDbPassword}"), functions);
        assertTrue(functions.contains("{{resolve:${SecretAPITOKEN}}}"), functions);

        // CloudFormation masks a NoEcho parameter's value as **** in DescribeStacks; moto 5.2.5 does not (it looks
        // the value, not the key, up in its NoEcho list), so the deployed template's declaration is checked instead.
        JsonNode deployed = new ObjectMapper()
                .readTree(aws.cloudFormation
                        .getTemplate(r -> r.stackName("hello-world"))
                        .templateBody())
                .path("Parameters");
        assertTrue(deployed.path("SecretDbPassword").path("NoEcho").asBoolean(), deployed.toString());
        assertTrue(deployed.path("SecretAPITOKEN").path("NoEcho").asBoolean(), deployed.toString());

        List<String> values = new ArrayList<>(FAKE_CREDENTIALS.values());
        values.add(LITERAL);
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sample.file("target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                values.stream().filter(text::contains).forEach(value -> leaks.add(value + " in " + file));
            }
        }
        // maven-resources-plugin 3.3.1 prints every environment variable at debug ("properties used"): Maven's
        // output, not Sparta's, so its sections are left out; every other line, Maven's own included, is searched.
        String section = "";
        int resourcesLines = 0;
        for (String line : Files.readAllLines(build.logFile())) {
            if (line.startsWith("[INFO] --- ")) {
                section = line;
            }
            boolean resources = section.startsWith("[INFO] --- resources:");
            for (String value : values) {
                if (line.contains(value)) {
                    if (resources) {
                        resourcesLines++;
                    } else {
                        leaks.add(value + " in " + build.logFile() + " under " + section);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(build.logContains("[INFO] --- sparta:"), "the sections are found by Maven's mojo headers");
        assertTrue(resourcesLines > 0, "the search finds the values where they are printed");
        assertTrue(build.logContains("[DEBUG]"), "the run logged at debug");
    }
}
