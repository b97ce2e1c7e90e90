package io.sparta.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<String> arguments = new ArrayList<>(List.of("--format", "json", "--"));
        templates.forEach(file -> arguments.add(file.toString()));
        PythonTools.Run run = python.run("cfn-lint", arguments, Map.of());
        // Exit bits: 2 errors, 4 warnings, 8 informational; anything else means cfn-lint itself failed.
        if ((run.exitValue() & ~(2 | 4 | 8)) != 0) {
            throw new IllegalStateException(
                    "cfn-lint failed (" + run.exitValue() + ") on " + templates + ": " + run.output());
        }
        try {
            List<String> errors = new ArrayList<>();
            for (JsonNode finding : new ObjectMapper().readTree(run.output())) {
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
        }
    }
}
