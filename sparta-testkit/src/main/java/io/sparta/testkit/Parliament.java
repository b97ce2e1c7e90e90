package io.sparta.testkit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pinned parliament (Duo Labs' IAM policy linter) on one identity policy document and returns every
 * finding, with its severity, issue, detail and the statement it points at.
 */
public final class Parliament {

    /** parliament's severities, lowest first. */
    private static final List<String> SEVERITIES = List.of("MUTE", "INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Linux refuses one argument longer than this (MAX_ARG_STRLEN); a policy is far smaller. */
    private static final int MAX_ARGUMENT = 128 * 1024 - 1;

    private final PythonTools python;

    public Parliament(PythonTools python) {
        this.python = python;
    }

    /**
     * One finding as parliament reports it.
     *
     * @param line where parliament located it in the policy sent, 1-based
     * @param column 1-based
     * @param statement the statement of the policy that starts at that location, or {@code null} when the finding
     *     is about the document as a whole
     */
    public record Finding(
            String severity, String issue, String title, JsonNode detail, int line, int column, JsonNode statement) {

        /** MEDIUM, HIGH or CRITICAL. */
        public boolean aboveLow() {
            return SEVERITIES.indexOf(severity) > SEVERITIES.indexOf("LOW");
        }

        @Override
        public String toString() {
            return severity + " " + issue + " (" + title + ") " + detail + " in statement "
                    + (statement == null ? "-" : statement.toString());
        }
    }

    /** Every finding, from INFO up; empty when parliament has nothing to say about {@code policyJson}. */
    public List<Finding> findings(String policyJson) {
        if (policyJson.length() > MAX_ARGUMENT) {
            throw new IllegalArgumentException("A policy of " + policyJson.length() + " characters is too long");
        }
        // --string, not --file: with --file parliament reads a stdin that is not a terminal and refuses it.
        List<String> command = List.of(
                python.executable("parliament").toString(),
                "--json",
                "--minimum_severity",
                "INFO",
                "--string",
                policyJson);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("parliament did not finish on " + policyJson);
            }
            String errors = new String(stderr.join(), StandardCharsets.UTF_8);
            return parse(policyJson, process.exitValue(), output, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The findings of severity MEDIUM, HIGH or CRITICAL only. */
    public List<Finding> findingsAboveLow(String policyJson) {
        return findings(policyJson).stream().filter(Finding::aboveLow).toList();
    }

    /**
     * parliament exits 0 with no output when it finds nothing and 1 with one JSON line per finding when it finds
     * something; it also exits 1 when it crashes, so anything but a finding on every line is its failure.
     */
    private static List<Finding> parse(String policyJson, int exitValue, String output, String errors)
            throws IOException {
        String problem = "parliament failed (exit " + exitValue + ") on " + policyJson + "\nstdout: " + output
                + "\nstderr: " + errors;
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (exitValue == 0 && lines.isEmpty()) {
            return List.of();
        }
        if (exitValue != 1 || lines.isEmpty()) {
            throw new IllegalStateException(problem);
        }
        Map<String, JsonNode> statements = statementsByLocation(policyJson);
        List<Finding> findings = new ArrayList<>();
        for (String line : lines) {
            JsonNode finding;
            try {
                finding = MAPPER.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(problem, e);
            }
            String severity = finding.path("severity").asText();
            if (!finding.hasNonNull("issue") || !SEVERITIES.contains(severity)) {
                throw new IllegalStateException(problem);
            }
            int lineNumber = finding.at("/location/line").asInt(-1);
            int column = finding.at("/location/column").asInt(-1);
            findings.add(new Finding(
                    severity,
                    finding.path("issue").asText(),
                    finding.path("title").asText(),
                    finding.path("detail"),
                    lineNumber,
                    column,
                    statements.get(lineNumber + ":" + column)));
        }
        return List.copyOf(findings);
    }

    /**
     * Each statement of the policy by the line and column (both 1-based) of its opening brace in {@code
     * policyJson}, where parliament locates a statement's findings; as many as can be read from a malformed
     * policy, whose findings say so.
     */
    private static Map<String, JsonNode> statementsByLocation(String policyJson) throws IOException {
        Map<String, JsonNode> statements = new HashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(policyJson)) {
            readStatements(parser, statements);
        } catch (JsonProcessingException malformed) {
            // parliament reports it as MALFORMED_JSON.
        }
        return statements;
    }

    private static void readStatements(JsonParser parser, Map<String, JsonNode> statements) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!field.equals("Statement")) {
                parser.skipChildren();
            } else if (value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation start = parser.currentTokenLocation();
                    JsonNode statement = MAPPER.readTree(parser);
                    statements.put(start.getLineNr() + ":" + start.getColumnNr(), statement);
                }
            } else if (value == JsonToken.START_OBJECT) {
                JsonLocation start = parser.currentTokenLocation();
                statements.put(start.getLineNr() + ":" + start.getColumnNr(), MAPPER.readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
    }
}
