package io.sparta.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the pinned cfn-lint over a template and returns its findings of level Error. */
public final class CfnLint {

    private final PythonTools python;

    public CfnLint(PythonTools python) {
        this.python = python;
    }

    /** Every error cfn-lint reports for {@code template}, as "rule line: message"; empty when it is clean. */
    public List<String> errors(Path template) {
        return errors(List.of(template), false);
    }

    /**
     * Every error cfn-lint reports for any of {@code templates}, linted in one run, as "file: rule line: message";
     * empty when all are clean.
     */
    public List<String> errors(List<Path> templates) {
        return errors(templates, true);
    }

    private List<String> errors(List<Path> templates, boolean named) {
        String template = templates.toString();
        try {
            List<String> command =
                    new ArrayList<>(List.of(python.executable("cfn-lint").toString(), "--format", "json", "--"));
            templates.forEach(file -> command.add(file.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("cfn-lint did not finish on " + template);
            }
            // Exit bits: 2 errors, 4 warnings, 8 informational; anything else means cfn-lint itself failed.
            if ((process.exitValue() & ~(2 | 4 | 8)) != 0) {
                throw new IllegalStateException("cfn-lint failed (" + process.exitValue() + "): " + output);
            }
            List<String> errors = new ArrayList<>();
            for (JsonNode finding : new ObjectMapper().readTree(output)) {
                if ("Error".equals(finding.path("Level").asText())) {
                    errors.add((named ? finding.path("Filename").asText() + ": " : "")
                            + finding.path("Rule").path("Id").asText() + " line "
                            + finding.path("Location")
                                    .path("Start")
                                    .path("LineNumber")
                                    .asInt() + ": "
                            + finding.path("Message").asText());
                }
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
