package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import io.sparta.testkit.SyntheticService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service of 1,000 functions, every trigger kind among them, split into nested stacks: every template fits and is
 * cfn-lint clean, every resource is in exactly one stack, every reference across stacks is wired, and the split
 * is stable (the same bytes again; a changed or added function changes one nested template and the parent's URL of
 * it).
 */
class NestedStacksTest {

    static final int FUNCTIONS = 1000;

    @TempDir
    static Path work;

    private static ServiceModel service;
    private static ObjectNode whole;
    private static NestedStacks.Split split;

    /**
     * {@link SyntheticService}'s sources, with a custom resource on the table handled by a function of its own; its
     * function {@code changed} (if not negative) gets 1,024 MB instead of 512.
     */
    static Map<String, String> sources(int functions, int changed) {
        Map<String, String> sources = new TreeMap<>(new SyntheticService("acme", functions)
                .withChangedFunction(changed)
                .sources());
        sources.put(
                "acme/Seeder.java",
                JavaSources.customResourceHandler("@io.sparta.annotations.SpartaLambda(name = \"Seeder\")\n"
                        + "@io.sparta.annotations.CustomResource(name = \"seed\", type = \"Custom::Seed\","
                        + " function = \"Seeder\", properties = @io.sparta.annotations.ResourceProperty(name ="
                        + " \"Table\", ref = \"orders\"))"));
        return sources;
    }

    static ServiceModel model(Path directory, Map<String, String> sources) throws Exception {
        Path classes = JavaSources.compile(directory, sources);
        return new ServiceModelBuilder()
                .build(
                        new ServiceSettings("big", "big", Map.of(), Map.of()),
                        new FunctionScanner().scan(classes, JavaSources.testClasspath()));
    }

    static List<String> functionIds(ServiceModel service) {
        return service.functions().stream()
                .map(LambdaFunction::functionLogicalId)
                .toList();
    }

    static NestedStacks.Split split(ServiceModel service) {
        ObjectNode template = ServiceTemplate.marshal(service);
        NestedStacks.Result result = NestedStacks.split(template, functionIds(service), service.serviceName(), 0);
        assertEquals(List.of(), result.problems());
        return result.split();
    }

    @BeforeAll
    static void build() throws Exception {
        service = model(work.resolve("base"), sources(FUNCTIONS, -1));
        whole = ServiceTemplate.marshal(service);
        split = split(service);
    }

    @Test
    void theWholeTemplateBreaksTheQuotas_soItIsSplit() {
        List<String> problems = TemplateQuotas.problems(whole, TemplateJson.bytes(whole));

        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0)
                .startsWith(String.format(
                        java.util.Locale.ROOT,
                        "%,d resources, at most 500",
                        whole.path("Resources").size())));
        int groups = split.nested().size();
        assertEquals(1, Integer.bitCount(groups), groups + " groups, a power of two");
        for (NestedStacks.Nested nested : split.nested()) {
            assertTrue(
                    nested.template().path("Resources").size() <= NestedStacks.RESOURCES_PER_GROUP,
                    nested.logicalId() + " has "
                            + nested.template().path("Resources").size() + " resources");
        }
        NestedStacks.Split half = NestedStacks.splitInto(whole, functionIds(service), "big", groups / 2);
        assertFalse(NestedStacks.problems(half, true).isEmpty(), "half as many groups would have fitted: the fewest");
    }

    @Test
    void everyTemplateOfTheSplitIsCfnLintClean() throws Exception {
        List<Path> files = new ArrayList<>();
        Path parent = work.resolve("parent.json");
        Files.write(parent, TemplateJson.bytes(split.parent()));
        files.add(parent);
        for (NestedStacks.Nested nested : split.nested()) {
            Path file = work.resolve(nested.logicalId() + ".json");
            Files.write(file, nested.bytes());
            files.add(file);
        }

        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(files));
    }

    @Test
    void everyResourceIsInExactlyOneStack_functionsInNestedOnes_sharedOnesInTheParent() {
        Map<String, String> stackOf = new TreeMap<>();
        split.parent().path("Resources").fieldNames().forEachRemaining(id -> stackOf.put(id, "parent"));
        for (NestedStacks.Nested nested : split.nested()) {
            nested.template().path("Resources").fieldNames().forEachRemaining(id -> {
                String before = stackOf.put(id, nested.logicalId());
                assertEquals(null, before, id + " is in two stacks");
            });
        }
        Set<String> wholeIds = new TreeSet<>();
        whole.path("Resources").fieldNames().forEachRemaining(wholeIds::add);
        Set<String> splitIds = new TreeSet<>(stackOf.keySet());
        splitIds.removeIf(id -> id.startsWith(NestedStacks.GROUP_PREFIX) && !wholeIds.contains(id));
        assertEquals(wholeIds, splitIds);

        for (LambdaFunction function : service.functions()) {
            String stack = stackOf.get(function.functionLogicalId());
            assertNotEquals("parent", stack, function.name());
            assertEquals(stack, stackOf.get(function.roleLogicalId()), function.name() + "'s role");
            assertEquals(stack, stackOf.get(function.logGroupLogicalId()), function.name() + "'s log group");
        }
        for (String shared : List.of("JobsQueue", "PhotosBucket", "NewsTopic", "OrdersTable", "SeedResource")) {
            assertEquals("parent", stackOf.get(shared), shared);
        }
        Map<String, Set<String>> typesByStack = new TreeMap<>();
        stackOf.forEach((id, stack) -> typesByStack
                .computeIfAbsent(stack, k -> new TreeSet<>())
                .add(
                        split.parent().path("Resources").has(id) && stack.equals("parent")
                                ? split.parent()
                                        .path("Resources")
                                        .path(id)
                                        .path("Type")
                                        .asText()
                                : "nested"));
        assertTrue(
                typesByStack.get("parent").contains("AWS::CloudFormation::Stack"),
                typesByStack.get("parent").toString());
        assertFalse(typesByStack.get("parent").contains("AWS::Lambda::EventSourceMapping"));
    }

    @Test
    void eachNestedStackIsGivenExactlyTheParametersItDeclares_andEveryOutputTheParentReadsExists() {
        Map<String, JsonNode> nestedById = new TreeMap<>();
        split.nested().forEach(n -> nestedById.put(n.logicalId(), n.template()));
        Set<String> outputsRead = new HashSet<>();
        collectOutputReads(split.parent(), outputsRead);
        for (NestedStacks.Nested nested : split.nested()) {
            JsonNode stack = split.parent().path("Resources").path(nested.logicalId());
            assertEquals("AWS::CloudFormation::Stack", stack.path("Type").asText());
            Set<String> given = new TreeSet<>();
            stack.path("Properties").path("Parameters").fieldNames().forEachRemaining(given::add);
            Set<String> declared = new TreeSet<>();
            nested.template().path("Parameters").fieldNames().forEachRemaining(declared::add);
            assertEquals(declared, given, nested.logicalId());
            assertTrue(declared.contains(NestedStacks.STACK_NAME_PARAMETER), declared.toString());
            assertEquals(
                    "{\"Fn::Sub\":\"https://${ArtifactBucket}.s3.${AWS::Region}.${AWS::URLSuffix}/" + nested.key()
                            + "\"}",
                    stack.path("Properties").path("TemplateURL").toString());
            assertTrue(nested.key().startsWith("big/templates/nested/"), nested.key());
        }
        for (String read : outputsRead) {
            String[] parts = read.split("\\.", 3);
            assertTrue(
                    nestedById.get(parts[0]).path("Outputs").has(parts[2]),
                    "the parent reads " + read + ", which " + parts[0] + " does not give");
        }
        assertFalse(outputsRead.isEmpty());
    }

    /** Every {@code Stack.Outputs.Name} a node reads with Fn::GetAtt. */
    private static void collectOutputReads(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null && getAtt.isArray() && getAtt.path(1).asText().startsWith("Outputs.")) {
                into.add(getAtt.path(0).asText() + "." + getAtt.path(1).asText());
            }
            node.forEach(child -> collectOutputReads(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectOutputReads(child, into));
        }
    }

    @Test
    void namesBuiltFromTheStackNameAreTheParentStacks_inEveryNestedStack() {
        NestedStacks.Nested first = split.nested().get(0);
        JsonNode function = first.template().path("Resources").properties().stream()
                .filter(e -> e.getValue().path("Type").asText().equals("AWS::Lambda::Function"))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertTrue(
                function.path("Properties")
                        .path("FunctionName")
                        .path("Fn::Sub")
                        .asText()
                        .startsWith("${" + NestedStacks.STACK_NAME_PARAMETER + "}-f"),
                function.toString());
        assertFalse(new String(first.bytes(), java.nio.charset.StandardCharsets.UTF_8).contains("AWS::StackName"));
        assertEquals(
                "{\"Ref\":\"AWS::StackName\"}",
                split.parent()
                        .path("Resources")
                        .path(first.logicalId())
                        .path("Properties")
                        .path("Parameters")
                        .path(NestedStacks.STACK_NAME_PARAMETER)
                        .toString());
    }

    @Test
    void theSplitIsTheSameBytesEveryTime() {
        NestedStacks.Split again = split(service);

        assertArrayEquals(TemplateJson.bytes(split.parent()), TemplateJson.bytes(again.parent()));
        for (int i = 0; i < split.nested().size(); i++) {
            assertArrayEquals(
                    split.nested().get(i).bytes(), again.nested().get(i).bytes());
        }
    }

    @Test
    void aChangedFunctionChangesOneNestedTemplate_andAnAddedOneTheGroupItHashesTo() throws Exception {
        NestedStacks.Split changed = split(model(work.resolve("changed"), sources(FUNCTIONS, 123)));
        NestedStacks.Split added = split(model(work.resolve("added"), sources(FUNCTIONS + 1, -1)));

        for (NestedStacks.Split other : List.of(changed, added)) {
            List<String> differing = new ArrayList<>();
            assertEquals(split.nested().size(), other.nested().size());
            for (int i = 0; i < split.nested().size(); i++) {
                if (!java.util.Arrays.equals(
                        split.nested().get(i).bytes(), other.nested().get(i).bytes())) {
                    differing.add(split.nested().get(i).logicalId());
                }
            }
            assertEquals(1, differing.size(), differing.toString());
            ObjectNode parent = split.parent().deepCopy();
            ObjectNode otherParent = other.parent().deepCopy();
            ((ObjectNode) parent.get("Resources")).remove(differing.get(0));
            ((ObjectNode) otherParent.get("Resources")).remove(differing.get(0));
            if (other == changed) {
                assertEquals(parent, otherParent, "the parent differs only in the changed group's stack");
            }
        }
    }

    @Test
    void aServiceThatFitsOneStackIsNotSplitByPackage_butASmallSplitStillWiresEveryReference() throws Exception {
        ServiceModel small = model(work.resolve("small"), sources(20, -1));
        ObjectNode template = ServiceTemplate.marshal(small);
        assertEquals(List.of(), TemplateQuotas.problems(template, TemplateJson.bytes(template)));

        NestedStacks.Split forced = NestedStacks.splitInto(template, functionIds(small), "small", 2);
        Path parent = work.resolve("small-parent.json");
        Files.write(parent, TemplateJson.bytes(forced.parent()));
        List<Path> files = new ArrayList<>(List.of(parent));
        for (NestedStacks.Nested nested : forced.nested()) {
            Path file = work.resolve("small-" + nested.logicalId() + ".json");
            Files.write(file, nested.bytes());
            files.add(file);
        }
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(files));
        assertEquals(
                List.of(),
                NestedStacks.cycle((ObjectNode) forced.parent().get("Resources")).stream()
                        .toList());
    }

    /** The whole template as package records it when split into {@code groups} (0: not split). */
    private static ObjectNode splitInto(int groups) {
        ObjectNode template = whole.deepCopy();
        if (groups > 0) {
            template.putObject("Metadata").put(NestedStacks.GROUPS_METADATA, groups);
        }
        return template;
    }

    @Test
    void functionsThatWouldChangeStacksAreFound_everyOneWhenFirstSplit_noneWhileTheGroupingStays() {
        int functions = service.functions().size();

        assertEquals(functions, NestedStacks.moves(splitInto(0), splitInto(16)).size());
        assertEquals(functions, NestedStacks.moves(splitInto(16), splitInto(0)).size());
        assertEquals(List.of(), NestedStacks.moves(splitInto(16), splitInto(16)));
        assertEquals(List.of(), NestedStacks.moves(splitInto(0), splitInto(0)));
        // From 16 to 32 groups a function keeps its index or gains 16: about half move.
        List<String> doubled = NestedStacks.moves(splitInto(16), splitInto(32));
        assertTrue(doubled.size() > functions * 0.4 && doubled.size() < functions * 0.6, doubled.size() + "");
        String first = doubled.get(0);
        String id = first.substring(0, first.indexOf(' '));
        assertEquals(id + " (" + NestedStacks.group(id, 16) + " → " + NestedStacks.group(id, 32) + ")", first);
        assertEquals(
                Integer.parseInt(NestedStacks.group(id, 16).substring(NestedStacks.GROUP_PREFIX.length())) + 16,
                Integer.parseInt(NestedStacks.group(id, 32).substring(NestedStacks.GROUP_PREFIX.length())));
        // A function added or removed moves nothing.
        ObjectNode fewer = splitInto(16);
        ((ObjectNode) fewer.get("Resources")).remove(id);
        assertEquals(List.of(), NestedStacks.moves(fewer, splitInto(16)));
    }

    @Test
    void theMovesMessageNamesTheFunctionsWhyAndWhatToDo() {
        assertEquals(
                "Provision stopped before changing stack big: 2 function(s) would move to another stack (AFunction"
                        + " (Functions01 → Functions03), BFunction (Functions02 → Functions04)), because the service is"
                        + " now split into 4 nested stacks of functions instead of 2. CloudFormation creates a moved"
                        + " function in its new stack before deleting it from the old one, and its name"
                        + " (big-<function>) is taken until then, so the update would fail. Keep the deployed grouping"
                        + " with <nestedStacks>2</nestedStacks> (-Dsparta.nestedStacks=2) while the service fits it, or"
                        + " replace the stack: mvn sparta:delete, then mvn package sparta:provision (the service is"
                        + " down in between). To let a growing service keep its grouping, pin it before the first"
                        + " deployment, such as <nestedStacks>4</nestedStacks>. The change set was deleted; nothing"
                        + " changed.",
                NestedStacks.movesMessage(
                        "big",
                        2,
                        4,
                        List.of("AFunction (Functions01 → Functions03)", "BFunction (Functions02 → Functions04)")));
        assertTrue(NestedStacks.movesMessage("big", 0, 8, List.of("AFunction (the parent stack → Functions01)"))
                .contains("because the service is now split into 8 nested stacks of functions. CloudFormation"));
    }

    @Test
    void aPinnedNumberOfGroupsSplitsEvenAServiceThatFits_heldToCloudFormationsQuotasOnly() throws Exception {
        ServiceModel small = model(work.resolve("pinned"), sources(20, -1));
        ObjectNode template = ServiceTemplate.marshal(small);

        NestedStacks.Result pinned = NestedStacks.split(template, functionIds(small), "small", 3);

        assertEquals(List.of(), pinned.problems());
        assertEquals(3, pinned.groups());
        Set<String> stacks = new TreeSet<>();
        pinned.split().nested().forEach(n -> stacks.add(n.logicalId()));
        assertEquals(Set.of("Functions01", "Functions02", "Functions03"), stacks);
    }

    @Test
    void aCycleAmongTheParentsResourcesIsFound() {
        ObjectNode resources = TemplateJson.object();
        resources
                .putObject("A")
                .put("Type", "AWS::SQS::Queue")
                .putArray("DependsOn")
                .add("B");
        resources
                .putObject("B")
                .put("Type", "AWS::CloudFormation::Stack")
                .putObject("Properties")
                .putObject("Parameters")
                .set("Queue", Cfn.getAtt("A", "Arn"));
        resources.putObject("C").put("Type", "AWS::SQS::Queue");

        assertEquals(List.of("A", "B", "A"), NestedStacks.cycle(resources).orElseThrow());
    }
}
