package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.testkit.SyntheticService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/**
 * A service of 1,000 functions (beside hello-world's two) on moto, built by real Maven: {@code package} splits it
 * into nested stacks, {@code provision} creates them, a provision with nothing changed changes no nested stack, a
 * one-function change changes that function's nested template alone (the parent's change set modifies that nested
 * stack and passes every nested stack the new archive), a regrouping stops before any change, {@code status} reports
 * every nested stack, and {@code delete} removes them all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NestedStacksIT extends SharedSampleOnMoto {

    private static final String STACK = "hello-world";
    private static final int FUNCTIONS = 1000;

    NestedStacksIT() {
        super("hello-world", "nested-stacks");
    }

    private void writeSources(SyntheticService service) throws Exception {
        service.onlyWhatMotoCreates().write(sample.file("src/main/java"));
    }

    /** Each nested stack's template as moto keeps it, by its logical id in the parent. */
    private Map<String, String> nestedTemplates() {
        Map<String, String> templates = new TreeMap<>();
        for (StackResourceSummary resource : aws.cloudFormation
                .listStackResourcesPaginator(r -> r.stackName(STACK))
                .stackResourceSummaries()) {
            if (resource.resourceType().equals("AWS::CloudFormation::Stack")) {
                templates.put(
                        resource.logicalResourceId(),
                        aws.cloudFormation
                                .getTemplate(r -> r.stackName(resource.physicalResourceId()))
                                .templateBody());
            }
        }
        return templates;
    }

    private List<Path> templateFiles() throws Exception {
        List<Path> files = new ArrayList<>(List.of(sample.file("target/sparta/template.json")));
        try (Stream<Path> nested = Files.list(sample.file("target/sparta/nested"))) {
            nested.filter(f -> f.getFileName().toString().startsWith("Functions"))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    @Test
    @Order(1)
    void
            aThousandFunctionsAreProvisionedInNestedStacks_eachTemplateCfnLintClean_onMotoWhichSkipsRoutesUrlsAliasesAndNestedOutputs()
                    throws Exception {
        // moto skips API routes, function URLs and aliases, and cannot read a nested stack's outputs (which the
        // bucket's notifications need), so those functions have SQS triggers here: the unit test NestedStacksTest
        // splits, wires and lints every trigger kind.
        writeSources(new SyntheticService("com.example.big", FUNCTIONS));

        SampleProject.BuildResult provisioned = sample.mvn("package", "sparta:provision");

        assertEquals(0, provisioned.exitCode(), provisioned.describe());
        assertTrue(provisioned.logContains("nested stacks of functions"), provisioned.describe());
        List<Path> files = templateFiles();
        assertTrue(files.size() > 2, files.toString());
        assertEquals(List.of(), cfnLint.errors(files));
        Map<String, String> nested = nestedTemplates();
        assertEquals(files.size() - 1, nested.size(), nested.keySet().toString());
        int functions = 0;
        for (var page : aws.lambda.listFunctionsPaginator()) {
            functions += page.functions().size();
        }
        assertEquals(FUNCTIONS + 2, functions, "hello-world's two and the thousand, each made by a nested stack");
        assertEquals(
                512,
                aws.lambda
                        .getFunctionConfiguration(r -> r.functionName(STACK + "-f123"))
                        .memorySize());
    }

    @Test
    @Order(2)
    void statusReportsEveryNestedStackWithItsResources_onMoto() {
        Map<String, String> nested = nestedTemplates();

        SampleProject.BuildResult status = sample.mvn("sparta:status");

        assertEquals(0, status.exitCode(), status.describe());
        for (String id : nested.keySet()) {
            assertTrue(status.logContains("Nested stack " + id + " ("), id + "\n" + status.describe());
        }
        assertTrue(status.logContains("  hello-world-f123  "), status.describe());
    }

    @Test
    @Order(3)
    void aProvisionWithNothingChangedUpdatesNoNestedStack_onMoto() {
        Map<String, String> before = nestedTemplates();

        SampleProject.BuildResult again = sample.mvn("package", "sparta:provision");

        assertEquals(0, again.exitCode(), again.describe());
        // moto gives stacks made through change sets no Description, so the digest comparison cannot answer here
        // and the no-change change set does: on AWS this provision is one DescribeStacks call.
        assertTrue(again.logContains("Stack hello-world is up to date"), again.describe());
        // The nested templates and the whole one are known present from one listing, not a HeadObject each.
        int uploads = before.size() + 1;
        assertTrue(
                again.logContains("Unchanged  " + uploads + " of " + uploads + " objects under s3://"),
                again.describe());
        assertTrue(again.logContains("S3:HeadObject 2, S3:ListObjectsV2 1)"), again.describe());
        assertEquals(before, nestedTemplates());
    }

    @Test
    @Order(4)
    void aOneFunctionChangeChangesThatFunctionsNestedTemplateAlone_onMoto() throws Exception {
        Map<String, String> before = nestedTemplates();
        writeSources(new SyntheticService("com.example.big", FUNCTIONS).withChangedFunction(123));

        SampleProject.BuildResult changed = sample.mvn("package", "sparta:provision");

        assertEquals(0, changed.exitCode(), changed.describe());
        assertTrue(
                changed.logContains("Plan for stack hello-world (update): 1 resource change(s)"), changed.describe());
        // The nested stacks deploy the parent's archive: the pruner counts them with it, not as stacks of their own.
        assertFalse(changed.logContains("without a deployment history"), changed.describe());
        Map<String, String> after = nestedTemplates();
        assertEquals(before.keySet(), after.keySet());
        List<String> differing = new ArrayList<>();
        before.forEach((id, template) -> {
            if (!template.equals(after.get(id))) {
                differing.add(id);
            }
        });
        assertEquals(1, differing.size(), differing.toString());
        assertEquals(
                1024,
                aws.lambda
                        .getFunctionConfiguration(r -> r.functionName(STACK + "-f123"))
                        .memorySize());
        assertNotEquals(before.get(differing.get(0)), after.get(differing.get(0)));
    }

    @Test
    @Order(5)
    void aProvisionThatWouldMoveFunctionsBetweenStacksStopsBeforeAnyChange_onMoto() {
        Map<String, String> before = nestedTemplates();

        // Twice the groups: about half the functions would change stacks, which their fixed names forbid.
        SampleProject.BuildResult regrouped = sample.mvn("package", "sparta:provision", "-Dsparta.nestedStacks=32");

        assertEquals(1, regrouped.exitCode(), regrouped.describe());
        assertTrue(
                regrouped.logContains("Provision stopped before changing stack hello-world: "), regrouped.describe());
        assertTrue(
                regrouped.logContains(
                        "because the service is now split into 32 nested stacks of functions instead of" + " 16"),
                regrouped.describe());
        assertTrue(regrouped.logContains("<nestedStacks>16</nestedStacks>"), regrouped.describe());
        assertEquals(before, nestedTemplates());
    }

    @Test
    @Order(6)
    void deleteRemovesTheParentAndEveryNestedStack_onMoto() {
        List<String> nestedIds = new ArrayList<>();
        aws.cloudFormation
                .listStackResourcesPaginator(r -> r.stackName(STACK))
                .stackResourceSummaries()
                .forEach(resource -> {
                    if (resource.resourceType().equals("AWS::CloudFormation::Stack")) {
                        nestedIds.add(resource.physicalResourceId());
                    }
                });

        SampleProject.BuildResult deleted = sample.mvn("sparta:delete");

        assertEquals(0, deleted.exitCode(), deleted.describe());
        assertFalse(nestedIds.isEmpty());
        // By name a deleted stack "does not exist", as on AWS: the stacks still standing are listed instead.
        List<String> standing = new ArrayList<>();
        aws.cloudFormation.listStacksPaginator().stackSummaries().forEach(summary -> {
            if (!summary.stackStatusAsString().equals("DELETE_COMPLETE")) {
                standing.add(summary.stackName());
                standing.add(summary.stackId());
            }
        });
        for (String id : nestedIds) {
            assertFalse(standing.contains(id), id + " is still standing: " + standing);
        }
        assertFalse(standing.contains(STACK), standing.toString());
    }
}
