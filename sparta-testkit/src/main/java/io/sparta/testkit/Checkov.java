package io.sparta.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the pinned checkov's CloudFormation checks over a template, offline. */
public final class Checkov {

    private final PythonTools python;

    public Checkov(PythonTools python) {
        this.python = python;
    }

    /**
     * The outcome of each of {@code checks} on each resource it applies to in {@code template}.
     *
     * @param checks check ids such as {@code CKV_AWS_95}
     * @return "check resource" (as {@code CKV_AWS_95 AWS::ApiGatewayV2::Stage.HttpApiStage}) to {@code PASSED} or
     *     {@code FAILED}, in that order; empty when no check applies
     */
    public Map<String, String> results(Path template, List<String> checks) {
        PythonTools.Run run = python.run(
                "checkov",
                List.of(
                        "--framework",
                        "cloudformation",
                        "--output",
                        "json",
                        "--skip-download",
                        "--check",
                        String.join(",", checks),
                        "--file",
                        template.toString()),
                // No network here: checkov must not try to fetch Prisma Cloud's guideline mappings.
                Map.of("BC_SKIP_MAPPING", "TRUE"));
        // 0: every check passed; 1: some failed; anything else: checkov itself failed.
        if (run.exitValue() > 1) {
            throw new IllegalStateException(
                    "checkov failed (" + run.exitValue() + ") on " + template + ": " + run.output());
        }
        try {
            Map<String, String> results = new TreeMap<>();
            JsonNode report = new ObjectMapper().readTree(run.output());
            for (String outcome : List.of("passed_checks", "failed_checks")) {
                for (JsonNode check : report.path("results").path(outcome)) {
                    results.put(
                            check.path("check_id").asText() + " "
                                    + check.path("resource").asText(),
                            check.path("check_result").path("result").asText());
                }
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
