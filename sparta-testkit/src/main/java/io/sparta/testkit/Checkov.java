package io.sparta.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

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
        List<String> command = new ArrayList<>(List.of(
                python.executable("checkov").toString(),
                "--framework",
                "cloudformation",
                "--output",
                "json",
                "--skip-download",
                "--check",
                String.join(",", checks),
                "--file",
                template.toString()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            // No network here: checkov must not try to fetch Prisma Cloud's guideline mappings.
            builder.environment().put("BC_SKIP_MAPPING", "TRUE");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("checkov did not finish on " + template);
            }
            // 0: every check passed; 1: some failed; anything else: checkov itself failed.
            if (process.exitValue() > 1) {
                throw new IllegalStateException("checkov failed (" + process.exitValue() + "): " + output);
            }
            Map<String, String> results = new TreeMap<>();
            JsonNode report = new ObjectMapper().readTree(output);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
