package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * {@code mvn archetype:generate} with {@code sparta-archetype}, then the generated project built as generated:
 * {@code mvn verify} (javac's checks, the handler's unit test, package and a local invoke), and {@code mvn deploy}
 * provisioning it on moto. One starter per Maven and JDK a user may have: the build's own Maven (3.9) on JDK 17 for
 * java17, Debian's Maven (3.8.7) for java21 and the oldest Maven promised (3.6.3) for java25, both on JDK 25 (this
 * machine has no JDK 21).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchetypeIT {

    private static final String PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate";

    private MotoServer moto;
    private LocalAws aws;
    private CfnLint cfnLint;

    @BeforeAll
    void startMoto() {
        PythonTools python = PythonTools.fromSystemProperties();
        Path work = Path.of(SampleProject.property("sparta.it.work")).resolve("archetype");
        try {
            Files.createDirectories(work);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        moto = MotoServer.start(python, work.resolve("moto.log"));
        aws = new LocalAws(moto.endpoint());
        cfnLint = new CfnLint(python);
    }

    @AfterAll
    void stopMoto() {
        if (aws != null) {
            aws.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** Generates a project into a fresh work folder with the build's Maven, as the README's first command does. */
    private SampleProject generate(File mavenHome, Map<String, String> environment, String starter, String java) {
        String artifactId = "orders-" + starter;
        SampleProject folder = SampleProject.emptyFolder("archetype-" + starter)
                .withAws(moto.endpoint().toString(), LocalAws.REGION.id());
        SampleProject.BuildResult generated = folder.mvn(
                mavenHome,
                environment,
                PLUGIN,
                "-DarchetypeGroupId=io.sparta",
                "-DarchetypeArtifactId=sparta-archetype",
                "-DarchetypeVersion=" + SampleProject.property("sparta.version"),
                "-DgroupId=com.example",
                "-DartifactId=" + artifactId,
                "-Dpackage=com.example.orders",
                "-Dstarter=" + starter,
                "-DjavaVersion=" + java);
        assertEquals(0, generated.exitCode(), generated.describe());
        SampleProject project = folder.subproject(artifactId);
        try {
            assertTrue(
                    Files.readString(project.file("pom.xml"))
                            .contains("<sparta.version>" + SampleProject.property("sparta.version")
                                    + "</sparta.version>"),
                    "the generated pom names the archetype's Sparta release");
            // Maven reads it from the project's base directory, so the verify and deploy below (on Maven 3.9, 3.8 and
            // 3.6) run with it; that they pass shows each of those Mavens accepts it.
            assertEquals(
                    List.of("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                    Files.readAllLines(project.file(".mvn/jvm.config")),
                    "Maven's own JVM options, C1 only, as the generated README explains");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return project;
    }

    /** mvn verify, then mvn deploy on moto; returns the deployed function. */
    private FunctionConfiguration buildAndDeploy(
            SampleProject project,
            File mavenHome,
            Map<String, String> environment,
            String function,
            String java,
            String localResponse)
            throws Exception {
        SampleProject.BuildResult verified = project.mvn(mavenHome, environment, "verify");
        assertEquals(0, verified.exitCode(), verified.describe());
        assertTrue(
                verified.logContains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"),
                "the handler's unit test ran: " + verified.describe());
        assertTrue(
                verified.logContains(
                        ":invoke (local-invoke) @ " + project.directory().getFileName()),
                "verify invoked the function locally: " + verified.describe());
        assertTrue(verified.logContains(localResponse), "the local invoke's response: " + verified.describe());
        JsonNode template = new ObjectMapper()
                .readTree(project.file("target/sparta/template.json").toFile());
        assertEquals(List.of(), cfnLint.errors(project.file("target/sparta/template.json")));

        SampleProject.BuildResult deployed = project.mvn(mavenHome, environment, "deploy");
        assertEquals(0, deployed.exitCode(), deployed.describe());
        FunctionConfiguration configuration = aws.lambda
                .getFunction(r -> r.functionName(project.directory().getFileName() + "-" + function))
                .configuration();
        assertEquals("java" + java, configuration.runtimeAsString());
        assertEquals(
                "com.example.orders.Handler",
                template.path("Resources").findValues("Handler").stream()
                        .map(JsonNode::asText)
                        .filter(handler -> handler.startsWith("com.example"))
                        .findFirst()
                        .orElse(""),
                template.toString());
        return configuration;
    }

    /** The JDK 25 this machine has; skips the calling test, saying so, where there is none. */
    private static Path jdk25() {
        Path jdk25 = Path.of(SampleProject.property("sparta.it.jdk25"));
        Assumptions.assumeTrue(
                Files.isExecutable(jdk25.resolve("bin/java")),
                "no JDK 25 at " + jdk25 + " (-Dsparta.it.jdk25 names one): the java21 and java25 projects need it");
        return jdk25;
    }

    @Test
    void theHttpStarterBuildsInvokesLocallyAndProvisions_buildsMavenOnJdk17() throws Exception {
        File maven = new File(SampleProject.property("maven.home"));
        SampleProject project = generate(maven, Map.of(), "http", "17");

        buildAndDeploy(project, maven, Map.of(), "api", "17", "Hello, ");
        JsonNode template = new ObjectMapper()
                .readTree(project.file("target/sparta/template.json").toFile());
        // moto creates no ApiGatewayV2 resource: the route is read in the template.
        List<String> routes = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::ApiGatewayV2::Route")) {
                routes.add(resource.at("/Properties/RouteKey").asText());
            }
        });
        assertEquals(List.of("GET /hello/{name}"), routes);
    }

    @Test
    void theQueueStarterWorksItsOwnQueue_java21OnJdk25DebiansMaven387() throws Exception {
        Assumptions.assumeTrue(
                SampleProject.systemMaven().isPresent(), "no system Maven at /usr/share/maven on this machine");
        File maven = SampleProject.systemMaven().get();
        Map<String, String> environment = Map.of("JAVA_HOME", jdk25().toString());
        SampleProject project = generate(maven, environment, "queue", "21");

        FunctionConfiguration function =
                buildAndDeploy(project, maven, environment, "worker", "21", "batchItemFailures");

        List<EventSourceMappingConfiguration> mappings = aws.lambda
                .listEventSourceMappings(r -> r.functionName(function.functionName()))
                .eventSourceMappings();
        assertEquals(1, mappings.size(), mappings.toString());
        assertEquals(10, mappings.get(0).batchSize());
        assertTrue(
                mappings.get(0).eventSourceArn().startsWith("arn:aws:sqs:us-east-1:123456789012:"),
                mappings.toString());
    }

    @Test
    void theScheduleStarterRunsDaily_oldestMaven363OnJdk25() throws Exception {
        Path jdk25 = jdk25();
        File maven = new File(SampleProject.property("sparta.it.oldestMavenHome"));
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", jdk25.toString());
        SampleProject project = generate(maven, environment, "schedule", "25");

        FunctionConfiguration function = buildAndDeploy(project, maven, environment, "daily", "25", "ran at ");
        // JDK 23 and newer run annotation processors only when asked: the generated pom asks on those JDKs.
        Path handler = project.file("src/main/java/com/example/orders/Handler.java");
        String source = Files.readString(handler);
        Files.writeString(handler, source.replace("memory = 512", "memory = 100"));
        SampleProject.BuildResult refused = project.mvn(maven, environment, "compile");
        Files.writeString(handler, source);
        assertEquals(1, refused.exitCode(), refused.describe());
        assertTrue(
                refused.logContains("memory = 100 is out of range; allowed 128 to 10240 (MB)"),
                "javac's processor checked the annotation: " + refused.describe());

        List<Rule> rules = aws.events.listRules(r -> {}).rules().stream()
                .filter(rule -> "rate(1 day)".equals(rule.scheduleExpression()))
                .toList();
        assertEquals(1, rules.size(), rules.toString());
        assertEquals(
                List.of(function.functionArn()),
                aws.events.listTargetsByRule(r -> r.rule(rules.get(0).name())).targets().stream()
                        .map(target -> target.arn())
                        .toList());
    }

    @Test
    void askedInteractivelyItAsksForTheStarterRefusingAnUnknownOneThenTheGroupArtifactAndPackage() throws Exception {
        SampleProject folder = SampleProject.emptyFolder("archetype-interactive");
        SampleProject.BuildResult generated = folder.mvnAnswering(
                "websocket\nqueue\ncom.acme\nshop\ncom.acme.shop\nY\n",
                PLUGIN,
                "-DarchetypeGroupId=io.sparta",
                "-DarchetypeArtifactId=sparta-archetype",
                "-DarchetypeVersion=" + SampleProject.property("sparta.version"));

        assertEquals(0, generated.exitCode(), generated.describe());
        String questions = String.join("\n", generated.log());
        for (String question : List.of(
                "Define value for property 'starter' (should match expression '^(http|queue|schedule)$'):"
                        + " Value does not match the expression, please try again:",
                "Define value for property 'groupId':",
                "Define value for property 'artifactId':",
                "Define value for property 'package' com.acme:")) {
            assertTrue(questions.contains(question), question + " asked: " + generated.describe());
        }
        assertTrue(
                Files.readString(folder.file("shop/src/main/java/com/acme/shop/Handler.java"))
                        .contains("@SqsTrigger(queue = \"work\""),
                "the queue starter was generated");
    }

    @Test
    void anUnknownStarterOrJavaVersionIsRefusedNamingTheAllowedValuesAndLeavesNothing() throws Exception {
        File maven = new File(SampleProject.property("maven.home"));
        for (String[] bad : List.of(new String[] {"websocket", "17"}, new String[] {"http", "11"})) {
            SampleProject folder = SampleProject.emptyFolder("archetype-refused");
            SampleProject.BuildResult refused = folder.mvn(
                    maven,
                    Map.of(),
                    PLUGIN,
                    "-DarchetypeGroupId=io.sparta",
                    "-DarchetypeArtifactId=sparta-archetype",
                    "-DarchetypeVersion=" + SampleProject.property("sparta.version"),
                    "-DgroupId=com.example",
                    "-DartifactId=refused",
                    "-Dpackage=com.example.refused",
                    "-Dstarter=" + bad[0],
                    "-DjavaVersion=" + bad[1]);
            assertNotEquals(0, refused.exitCode(), refused.describe());
            String value = bad[0].equals("websocket") ? "-Dstarter=websocket" : "-DjavaVersion=11";
            assertTrue(
                    refused.log().stream().anyMatch(line -> line.contains(value + " is not one of")),
                    refused.describe());
            assertFalse(Files.exists(folder.file("refused")), "nothing generated: " + refused.describe());
        }
    }
}
