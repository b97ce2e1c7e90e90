package io.sparta.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pinned parliament, run for real: its findings, the statement each points at, and the one allowed. */
class ParliamentTest {

    private static final String STREAM =
            "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000";

    private static Parliament parliament;
    private static PolicyLint lint;

    @BeforeAll
    static void venv() {
        PythonTools python = PythonTools.fromSystemProperties();
        parliament = new Parliament(python);
        lint = new PolicyLint(python);
    }

    private static String policy(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
    }

    private static String statement(String actions, String resource) {
        return "{\"Effect\": \"Allow\", \"Action\": [" + actions + "], \"Resource\": \"" + resource + "\"}";
    }

    @Test
    void aPolicyWithNothingToSayAboutHasNoFinding() {
        assertEquals(List.of(), parliament.findings(policy(statement("\"s3:GetObject\"", "arn:aws:s3:::b/*"))));
    }

    @Test
    void aMismatchIsFoundAboveLowAndPointsAtItsStatement() {
        String clean = statement("\"sqs:SendMessage\"", "arn:aws:sqs:us-east-1:123456789012:q");
        String listStreams = statement("\"dynamodb:ListStreams\"", STREAM);
        List<Parliament.Finding> findings = parliament.findingsAboveLow(policy(clean, listStreams));
        assertEquals(1, findings.size(), findings.toString());
        Parliament.Finding finding = findings.get(0);
        assertEquals("MEDIUM", finding.severity());
        assertEquals("RESOURCE_MISMATCH", finding.issue());
        assertEquals("dynamodb:ListStreams", finding.detail().at("/0/action").asText());
        assertEquals("*", finding.detail().at("/0/required_format").asText());
        assertNotNull(finding.statement());
        assertEquals(
                "[\"dynamodb:ListStreams\"]", finding.statement().path("Action").toString());
        assertFalse(PolicyLint.isStreamLabelMisread(finding), "ListStreams takes only *: a real finding");
    }

    @Test
    void lowFindingsAreReportedButNotAboveLow() {
        String star = policy(statement("\"s3:GetObject\"", "*"));
        List<Parliament.Finding> all = parliament.findings(star);
        assertEquals(
                List.of("LOW RESOURCE_STAR"),
                all.stream().map(f -> f.severity() + " " + f.issue()).toList());
        assertEquals(List.of(), parliament.findingsAboveLow(star));
    }

    @Test
    void theStreamLabelsColonsAreTheOneFindingAllowedAndOnlyOnStreamActionsOnStreamArns() throws Exception {
        String read = statement(
                "\"dynamodb:DescribeStream\", \"dynamodb:GetRecords\", \"dynamodb:GetShardIterator\"", STREAM);
        List<Parliament.Finding> misread = parliament.findingsAboveLow(policy(read));
        assertEquals(1, misread.size(), misread.toString());
        assertEquals("RESOURCE_MISMATCH", misread.get(0).issue());
        assertTrue(PolicyLint.isStreamLabelMisread(misread.get(0)));

        String mixed = statement("\"dynamodb:GetRecords\", \"dynamodb:ListStreams\"", STREAM);
        List<Parliament.Finding> real = parliament.findingsAboveLow(policy(mixed));
        assertEquals(1, real.size(), real.toString());
        assertFalse(PolicyLint.isStreamLabelMisread(real.get(0)), "ListStreams in the same statement keeps it");

        String onTable = statement("\"dynamodb:GetRecords\"", "arn:aws:dynamodb:us-east-1:123456789012:table/orders");
        List<Parliament.Finding> wrongArn = parliament.findingsAboveLow(policy(onTable));
        assertEquals(1, wrongArn.size(), wrongArn.toString());
        assertFalse(PolicyLint.isStreamLabelMisread(wrongArn.get(0)), "a table's ARN is no stream's");

        ConcretePolicies.Policy policy = new ConcretePolicies.Policy(
                "Role", "AWS::IAM::Role", "read", (com.fasterxml.jackson.databind.node.ObjectNode)
                        new ObjectMapper().readTree(policy(read, mixed)));
        List<String> findings = lint.findingsAboveLow(List.of(policy));
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("Role (AWS::IAM::Role) read: MEDIUM RESOURCE_MISMATCH"), findings.get(0));
        assertTrue(findings.get(0).contains("dynamodb:ListStreams"), findings.get(0));
    }

    @Test
    void aPolicyParliamentCannotReadIsAFindingNotACrash() {
        List<Parliament.Finding> findings = parliament.findings("{\"Statement\": ");
        assertEquals("CRITICAL", findings.get(0).severity());
        assertEquals("MALFORMED_JSON", findings.get(0).issue());
    }

    @Test
    void anArgumentLinuxWouldRefuseIsRefusedHere() {
        assertThrows(IllegalArgumentException.class, () -> parliament.findings("x".repeat(200_000)));
    }
}
