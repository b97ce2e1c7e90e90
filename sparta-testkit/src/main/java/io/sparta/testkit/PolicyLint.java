package io.sparta.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * parliament over the policies of a template, their intrinsics resolved by {@link ConcretePolicies}: every
 * finding above LOW, less the one false positive of parliament that is known and allowed.
 */
public final class PolicyLint {

    /** The format parliament 1.6.4 gives every DynamoDB stream action's resource. */
    static final String TABLE_STREAM_FORMAT = "arn:*:dynamodb:*:*:table/*/stream/*";

    /** A table's stream ARN as CloudFormation and DynamoDB give it: the label is the time the stream was enabled. */
    static final Pattern TABLE_STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]+/stream/"
                    + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");

    private final Parliament parliament;
    private final Map<String, List<Parliament.Finding>> byDocument = new HashMap<>();

    public PolicyLint(PythonTools python) {
        this.parliament = new Parliament(python);
    }

    /** Each finding above LOW in {@code policies}, as "LogicalId (type) policy: finding"; empty when they are clean. */
    public List<String> findingsAboveLow(List<ConcretePolicies.Policy> policies) {
        List<String> findings = new ArrayList<>();
        for (ConcretePolicies.Policy policy : policies) {
            String document = policy.document().toString();
            for (Parliament.Finding finding : byDocument.computeIfAbsent(document, parliament::findingsAboveLow)) {
                if (!isStreamLabelMisread(finding)) {
                    findings.add(policy + ": " + finding);
                }
            }
        }
        return findings;
    }

    /**
     * The one false positive allowed. parliament 1.6.4 compares an ARN's resource part by splitting on colons and
     * refuses a resource with a colon where the action's format has none ({@code is_arn_strictly_valid}); a
     * DynamoDB stream ARN ends with its label, a time such as {@code 2026-01-01T00:00:00.000}, so the stream
     * actions look as if no resource matched them although the ARN is exactly their {@code table/*}{@code
     * /stream/*}. Allowed only as that: a RESOURCE_MISMATCH whose every action wants a table stream, on a statement
     * whose every resource is a table stream ARN. Any other action or resource in it keeps the finding.
     */
    static boolean isStreamLabelMisread(Parliament.Finding finding) {
        if (!finding.issue().equals("RESOURCE_MISMATCH")
                || finding.statement() == null
                || !finding.detail().isArray()
                || finding.detail().isEmpty()) {
            return false;
        }
        for (JsonNode mismatch : finding.detail()) {
            if (!mismatch.path("required_format").asText().equals(TABLE_STREAM_FORMAT)) {
                return false;
            }
        }
        JsonNode resources = finding.statement().path("Resource");
        List<JsonNode> arns = new ArrayList<>();
        if (resources.isArray()) {
            resources.forEach(arns::add);
        } else {
            arns.add(resources);
        }
        if (arns.isEmpty()) {
            return false;
        }
        for (JsonNode arn : arns) {
            if (!arn.isTextual() || !TABLE_STREAM_ARN.matcher(arn.asText()).matches()) {
                return false;
            }
        }
        return true;
    }
}
