package io.sparta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Each goal declares the parameters it reads and no others, as the plugin descriptor Maven builds from the Mojos
 * says (the descriptor is what the goal pages, {@code sparta:help -Ddetail} and Maven's own injection read). A
 * parameter added to a base reaches every goal below it; this table makes that a decision rather than an accident.
 */
class GoalParametersTest {

    /** Where the goals that call AWS without the model, and those with it, are told to go. */
    private static final Set<String> AWS = Set.of("region", "profile", "endpoint", "maxAttempts");

    /** The service's model: what package makes the template from and the deploying goals check the package against. */
    private static final Set<String> MODEL = Set.of(
            "serviceName",
            "stackName",
            "environments",
            "tags",
            "parameters",
            "environment",
            "secrets",
            "secretParameters",
            "functionDefaults",
            "functionOutputs",
            "httpStage",
            "cors",
            "accessLogs",
            "throttling",
            "domain",
            "defaultAuthorizer",
            "classesDirectory");

    /** The artifact bucket and what may be pruned from it. */
    private static final Set<String> ARTIFACTS = Set.of("s3Bucket", "keepDeployments", "pruneMinAgeMinutes");

    /** A stack by its name: the service's, or the one {@code -Dsparta.environment} names. */
    private static final Set<String> STACK = Set.of("serviceName", "stackName", "environments", "targetEnvironment");

    private static final Map<String, Set<String>> SPEC = Map.ofEntries(
            Map.entry("help", Set.of("detail", "goal", "indentSize", "lineLength")),
            Map.entry("generate-event", Set.of("skip", "project", "sampleEvent", "eventFile", "overwrite")),
            Map.entry("status", union(Set.of("skip"), STACK, AWS)),
            Map.entry("logs", union(Set.of("skip", "function", "since", "follow", "filter"), STACK, AWS)),
            Map.entry("delete", union(Set.of("skip", "deleteArtifacts", "adoptStack"), STACK, AWS, ARTIFACTS)),
            Map.entry("prune", union(Set.of("skip", "serviceName", "dryRun"), AWS, ARTIFACTS)),
            Map.entry(
                    "package",
                    union(
                            Set.of(
                                    "skip",
                                    "outputDirectory",
                                    "decorators",
                                    "hooks",
                                    "project",
                                    "repositorySession",
                                    "dependencyPackaging",
                                    "outputTimestamp",
                                    "describe",
                                    "nestedStacks",
                                    "pluginKey"),
                            MODEL)),
            Map.entry(
                    "describe",
                    union(
                            Set.of("skip", "outputDirectory", "decorators", "hooks", "project", "repositorySession"),
                            MODEL)),
            Map.entry(
                    "plan",
                    union(
                            Set.of(
                                    "skip",
                                    "outputDirectory",
                                    "targetEnvironment",
                                    "session",
                                    "s3Bucket",
                                    "failOnChanges",
                                    "adoptStack"),
                            MODEL,
                            AWS)),
            Map.entry(
                    "provision",
                    union(
                            Set.of(
                                    "skip",
                                    "outputDirectory",
                                    "targetEnvironment",
                                    "session",
                                    "hooks",
                                    "allowDataLoss",
                                    "allowIamBroadening",
                                    "adoptStack"),
                            MODEL,
                            AWS,
                            ARTIFACTS)),
            Map.entry(
                    "pipeline",
                    union(
                            Set.of(
                                    "skip",
                                    "outputDirectory",
                                    "pipeline",
                                    "dryRun",
                                    "s3Bucket",
                                    "session",
                                    "allowDataLoss",
                                    "allowIamBroadening",
                                    "adoptStack"),
                            MODEL,
                            AWS)),
            Map.entry(
                    "publish",
                    union(
                            Set.of("skip", "outputDirectory", "pipeline", "dryRun", "uploadPackage", "pipelineBucket"),
                            MODEL,
                            AWS)),
            Map.entry(
                    "invoke",
                    union(
                            Set.of(
                                    "skip",
                                    "targetEnvironment",
                                    "resourcesFromStack",
                                    "timeoutScale",
                                    "project",
                                    "repositorySession",
                                    "outputDirectory",
                                    "function",
                                    "requestType",
                                    "customResource",
                                    "event",
                                    "sampleEvent",
                                    "remote",
                                    "session"),
                            MODEL,
                            AWS)),
            Map.entry(
                    "serve",
                    union(
                            Set.of(
                                    "skip",
                                    "targetEnvironment",
                                    "resourcesFromStack",
                                    "timeoutScale",
                                    "project",
                                    "repositorySession",
                                    "port",
                                    "jwks",
                                    "host"),
                            MODEL,
                            AWS)));

    /**
     * Parameters whose Javadoc differs between goals on purpose, as the goals that share each text. Every other
     * parameter declared on several goals (once in a shared base, or again where two bases meet) has one text.
     */
    private static final Map<String, Set<Set<String>>> MEANINGS_BY_GOAL = Map.ofEntries(
            Map.entry("region", localAndRemote()),
            Map.entry("profile", localAndRemote()),
            Map.entry("endpoint", localAndRemote()),
            Map.entry("maxAttempts", localAndRemote()),
            Map.entry("s3Bucket", Set.of(Set.of("delete", "prune", "provision"), Set.of("plan"), Set.of("pipeline"))),
            Map.entry("adoptStack", Set.of(Set.of("delete"), Set.of("plan"), Set.of("provision"), Set.of("pipeline"))),
            Map.entry("allowDataLoss", Set.of(Set.of("provision"), Set.of("pipeline"))),
            Map.entry("allowIamBroadening", Set.of(Set.of("provision"), Set.of("pipeline"))),
            Map.entry("dryRun", Set.of(Set.of("prune"), Set.of("pipeline", "publish"))),
            Map.entry("function", Set.of(Set.of("logs"), Set.of("invoke"))),
            Map.entry("sampleEvent", Set.of(Set.of("generate-event"), Set.of("invoke"))));

    private static final Set<String> MODEL_ONLY = Set.of(
            "cors",
            "accessLogs",
            "throttling",
            "domain",
            "defaultAuthorizer",
            "decorators",
            "hooks",
            "tags",
            "parameters",
            "environment",
            "secrets",
            "secretParameters",
            "functionDefaults",
            "httpStage",
            "outputDirectory",
            "classesDirectory");

    private static Map<String, Map<String, Declared>> goals;

    /** Each goal's configurator, as the descriptor names it ({@code <configurator>}); empty for Maven's own. */
    private static final Map<String, String> CONFIGURATORS = new TreeMap<>();

    @BeforeAll
    static void readDescriptor() throws Exception {
        // The classes directory this Mojo was compiled into is where the plugin descriptor was generated too.
        Path classes = Path.of(PackageMojo.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path descriptor = classes.resolve("META-INF/maven/plugin.xml");
        assertTrue(
                Files.isRegularFile(descriptor),
                descriptor + " is missing; maven-plugin-plugin writes it at process-classes (run mvn test, not the IDE"
                        + " alone)");
        goals = parse(descriptor);
    }

    @Test
    void eachGoalDeclaresExactlyTheParametersOfItsSpec() {
        assertEquals(new TreeSet<>(SPEC.keySet()), new TreeSet<>(goals.keySet()), "goals in the descriptor");
        List<String> differences = new ArrayList<>();
        SPEC.keySet().stream().sorted().forEach(goal -> {
            Set<String> declared = goals.get(goal).keySet();
            Set<String> extra = difference(declared, SPEC.get(goal));
            Set<String> missing = difference(SPEC.get(goal), declared);
            if (!extra.isEmpty() || !missing.isEmpty()) {
                differences.add(goal + ": declares " + extra + " beyond its spec, lacks " + missing);
            }
        });
        assertEquals(List.of(), differences);
    }

    @Test
    void everyGoalButHelpIsConfiguredBySpartasConfiguratorSoAMisspeltFlagStopsIt() {
        Map<String, String> expected = new TreeMap<>();
        SPEC.keySet().forEach(goal -> expected.put(goal, goal.equals("help") ? "" : SpartaConfigurator.HINT));
        assertEquals(expected, CONFIGURATORS, "<configurator> of each goal in the descriptor");
    }

    @Test
    void goalsThatActOnAStackByNameDeclareNothingOfTheModel() {
        for (String goal : List.of("delete", "status", "logs")) {
            Set<String> model = new TreeSet<>(goals.get(goal).keySet());
            model.retainAll(MODEL_ONLY);
            assertEquals(Set.of(), model, goal + " declares parameters only the model's goals read");
        }
    }

    @Test
    void aParameterDeclaredOnSeveralGoalsIsOneSettingEverywhere() {
        Map<String, Set<String>> settings = new TreeMap<>();
        goals.forEach((goal, parameters) ->
                parameters.forEach((name, declared) -> settings.computeIfAbsent(name, n -> new TreeSet<>())
                        .add(declared.type() + " " + declared.expression() + " default " + declared.defaultValue())));
        settings.values().removeIf(variants -> variants.size() == 1);
        assertEquals(Map.of(), settings, "one -D property, default and type per parameter name");
    }

    @Test
    void aParameterDeclaredOnSeveralGoalsHasOneDescriptionUnlessItMeansSomethingElseThere() {
        Map<String, Set<Set<String>>> byDescription = new TreeMap<>();
        Map<String, Map<String, Set<String>>> goalsByText = new TreeMap<>();
        goals.forEach((goal, parameters) -> parameters.forEach((name, declared) -> goalsByText
                .computeIfAbsent(name, n -> new TreeMap<>())
                .computeIfAbsent(declared.description(), d -> new TreeSet<>())
                .add(goal)));
        goalsByText.forEach((name, texts) -> byDescription.put(name, Set.copyOf(texts.values())));
        byDescription.forEach((name, groups) -> {
            Set<Set<String>> expected = MEANINGS_BY_GOAL.getOrDefault(
                    name, Set.of(groups.stream().flatMap(Set::stream).collect(Collectors.toSet())));
            assertEquals(expected, groups, name + ": which goals share which description");
        });
    }

    private static Set<Set<String>> localAndRemote() {
        return Set.of(
                Set.of("status", "logs", "delete", "prune", "plan", "provision", "pipeline", "publish"),
                Set.of("invoke", "serve"));
    }

    /** What one goal declares of a parameter. */
    private record Declared(String type, String description, String expression, String defaultValue) {}

    private static Map<String, Map<String, Declared>> parse(Path descriptor) throws Exception {
        Element plugin = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(descriptor.toFile())
                .getDocumentElement();
        Map<String, Map<String, Declared>> parsed = new TreeMap<>();
        for (Element mojo : children(child(plugin, "mojos"), "mojo")) {
            Map<String, Element> configuration = new TreeMap<>();
            Element configured = child(mojo, "configuration");
            if (configured != null) {
                children(configured, null).forEach(element -> configuration.put(element.getTagName(), element));
            }
            Map<String, Declared> parameters = new TreeMap<>();
            Element declared = child(mojo, "parameters");
            if (declared != null) {
                for (Element parameter : children(declared, "parameter")) {
                    String name = text(parameter, "name");
                    Element value = configuration.get(name);
                    parameters.put(
                            name,
                            new Declared(
                                    text(parameter, "type"),
                                    text(parameter, "description"),
                                    value == null ? "" : value.getTextContent(),
                                    value == null ? "" : value.getAttribute("default-value")));
                }
            }
            parsed.put(text(mojo, "goal"), parameters);
            CONFIGURATORS.put(text(mojo, "goal"), text(mojo, "configurator"));
        }
        return parsed;
    }

    private static Element child(Element parent, String name) {
        return children(parent, name).stream().findFirst().orElse(null);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> left = new TreeSet<>(from);
        left.removeAll(minus);
        return left;
    }
}
