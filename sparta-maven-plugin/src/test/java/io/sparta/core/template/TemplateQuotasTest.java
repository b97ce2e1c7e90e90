package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every quota at its edge, with cfn-lint (which applies the same quotas) agreeing on both sides of it. */
class TemplateQuotasTest {

    @TempDir
    Path work;

    /** A template of {@code resources} queues, and {@code outputs}, {@code parameters} and {@code mappings}. */
    private static ObjectNode template(int resources, int outputs, int parameters, int mappings, int description) {
        ObjectNode template = TemplateJson.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "d".repeat(description));
        for (int i = 0; i < parameters; i++) {
            template.with("Parameters")
                    .putObject("Parameter" + i)
                    .put("Type", "String")
                    .put("Default", "x");
        }
        for (int i = 0; i < mappings; i++) {
            template.with("Mappings").putObject("Mapping" + i).putObject("Key").put("Value", "x");
        }
        for (int i = 0; i < resources; i++) {
            template.with("Resources").putObject("Queue" + i).put("Type", "AWS::SQS::Queue");
        }
        for (int i = 0; i < outputs; i++) {
            template.with("Outputs")
                    .putObject("Output" + i)
                    .putObject("Value")
                    .putArray("Fn::GetAtt")
                    .add("Queue" + (i % Math.max(1, resources)))
                    .add("Arn");
        }
        return template;
    }

    private Set<String> cfnLintRules(ObjectNode template) throws Exception {
        Path file = work.resolve("template.json");
        Files.write(file, TemplateJson.bytes(template));
        Set<String> rules = new TreeSet<>();
        new CfnLint(PythonTools.fromSystemProperties())
                .errors(file)
                .forEach(error -> rules.add(error.substring(0, error.indexOf(' '))));
        return rules;
    }

    @Test
    void aTemplateAtEveryLimitFitsOneStack_asCfnLintAgrees() throws Exception {
        ObjectNode template = template(500, 200, 200, 200, 1024);

        assertEquals(List.of(), TemplateQuotas.problems(template, TemplateJson.bytes(template)));
        assertEquals(Set.of(), cfnLintRules(template));
    }

    @Test
    void oneOverEachLimitIsNamedWithItsCountAndLimit_asCfnLintAgreesWhereItCounts() throws Exception {
        ObjectNode template = template(501, 201, 201, 201, 1025);

        assertEquals(
                List.of(
                        "501 resources, at most 500 (AWS::SQS::Queue 501)",
                        "201 outputs, at most 200",
                        "201 parameters, at most 200",
                        "201 mappings, at most 200",
                        "a Description of 1,025 bytes, at most 1,024"),
                TemplateQuotas.problems(template, TemplateJson.bytes(template)));
        // cfn-lint 1.58 counts resources, outputs and the description; it no longer counts parameters or mappings.
        assertEquals(Set.of("E1003", "E3010", "E6010"), cfnLintRules(template));
    }

    @Test
    void aTemplateOverAMillionBytesIsRefused_asCfnLintAgrees() throws Exception {
        ObjectNode template = template(400, 0, 0, 0, 0);
        // Tags make each queue about 2.6 KB, so 400 of them pass the size limit within the resource limit.
        template.path("Resources").forEach(queue -> {
            var tags = ((ObjectNode) queue).putObject("Properties").putArray("Tags");
            for (int t = 0; t < 10; t++) {
                tags.addObject().put("Key", "tag" + t).put("Value", "v".repeat(240));
            }
        });
        byte[] bytes = TemplateJson.bytes(template);
        assertTrue(bytes.length > TemplateQuotas.TEMPLATE_BYTES_MAX, bytes.length + " bytes");

        assertEquals(
                List.of(String.format(
                        java.util.Locale.ROOT,
                        "%,d bytes, at most 1,000,000 for a template read from S3",
                        bytes.length)),
                TemplateQuotas.problems(template, bytes));
        assertTrue(cfnLintRules(template).contains("E1002"));
    }

    @Test
    void aLogicalIdOver255CharactersIsRefused() {
        ObjectNode template = template(1, 0, 0, 0, 0);
        template.with("Resources").putObject("Q".repeat(256)).put("Type", "AWS::SQS::Queue");
        template.with("Resources").putObject("Q".repeat(255)).put("Type", "AWS::SQS::Queue");

        assertEquals(
                List.of("resource name " + "Q".repeat(40) + "… is 256 characters, at most 255"),
                TemplateQuotas.problems(template, TemplateJson.bytes(template)));
    }

    @Test
    void theMessageNamesEachQuotaTheWholeTemplateAndItsSplitBreak_andWhatToDo() {
        ObjectNode template = template(1200, 0, 0, 0, 0);

        String message = TemplateQuotas.splitMessage(
                "target/sparta/template.json",
                TemplateQuotas.problems(template, TemplateJson.bytes(template)),
                List.of("the parent stack: 201 parameters, at most 200"),
                0);

        assertEquals(
                "The template target/sparta/template.json does not fit one CloudFormation stack"
                        + " (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html):"
                        + " 1,200 resources, at most 500 (AWS::SQS::Queue 1,200); split into up to 256 nested stacks"
                        + " of functions it still does not fit: the parent stack: 201 parameters, at most 200."
                        + " Functions move to nested stacks with their roles, log groups and triggers; parameters,"
                        + " declared resources, APIs and what decorators add stay in the parent stack. Reduce what the"
                        + " parent holds, or move some functions to a module of their own with the Sparta plugin (a"
                        + " service and stack of its own).",
                message);
    }
}
