package io.sparta.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.JacksonReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Permission changes between two templates, and which of them broaden access. */
class PolicyDiffTest {

    private static JsonNode json(String text) throws Exception {
        return JacksonReader.MAPPER.readTree(text);
    }

    /** A template with one role whose inline policy {@code access} holds {@code statements}. */
    private static JsonNode role(String statements) throws Exception {
        return role(
                statements,
                "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}");
    }

    private static JsonNode role(String statements, String trust) throws Exception {
        return json("""
                {"Resources": {"WorkerRole": {"Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [%s]},
                  "Policies": [{"PolicyName": "access", "PolicyDocument": {"Version": "2012-10-17",
                    "Statement": [%s]}}]}}}}""".formatted(trust, statements));
    }

    private static List<PolicyChange> diff(JsonNode before, JsonNode after) {
        return PolicyDiff.between(Optional.of(before), after);
    }

    private static List<String> reasons(List<PolicyChange> changes) {
        return changes.stream().flatMap(c -> c.broadening().stream()).toList();
    }

    @Test
    void reorderedListsRenamedSidsAndASingleStatementObjectAreNoChange() throws Exception {
        JsonNode before = role("{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":{\"Fn::Sub\":\"${Uploads.Arn}/*\"}}");
        JsonNode after = json("""
                {"Resources": {"WorkerRole": {"Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
                    "Principal": {"Service": ["lambda.amazonaws.com"]}}},
                  "Policies": [{"PolicyName": "access", "PolicyDocument": {"Statement": {"Sid": "B",
                    "Effect": "Allow", "Resource": {"Fn::Sub": "${Uploads.Arn}/*"},
                    "Action": ["s3:PutObject", "s3:GetObject"]}}}]}}}}""");

        assertEquals(List.of(), diff(before, after));
    }

    @Test
    void aNewActionIsAddedAndBroadensAndTheOldStatementIsRemoved() throws Exception {
        JsonNode before = role("{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\","
                + "\"Resource\":{\"Fn::GetAtt\":[\"OrdersTable\",\"Arn\"]}}");
        JsonNode after = role("{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:DeleteItem\"],"
                + "\"Resource\":{\"Fn::GetAtt\":[\"OrdersTable\",\"Arn\"]}}");

        List<PolicyChange> changes = diff(before, after);

        assertEquals(2, changes.size());
        PolicyChange added = changes.get(0);
        assertEquals(PolicyChange.Direction.ADDED, added.direction());
        assertEquals("WorkerRole", added.holder());
        assertEquals("AWS::IAM::Role", added.holderType());
        assertEquals("Policies/access", added.document());
        assertEquals(List.of("new action dynamodb:DeleteItem"), added.broadening());
        assertEquals(
                "Allow dynamodb:DeleteItem, dynamodb:GetItem on ${OrdersTable.Arn}",
                PlanReport.statement(added.statement()));
        assertEquals(PolicyChange.Direction.REMOVED, changes.get(1).direction());
        assertEquals(List.of(), changes.get(1).broadening());
    }

    @Test
    void aNarrowedStatementOrAnActionAWildcardAlreadyCoveredBroadensNothing() throws Exception {
        JsonNode before = role("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":\"arn:aws:s3:::uploads/*\"}");
        JsonNode after =
                role("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::uploads/*\"}");

        List<PolicyChange> changes = diff(before, after);

        assertEquals(2, changes.size(), "one statement added, one removed");
        assertEquals(List.of(), reasons(changes));
    }

    @Test
    void aWildcardResourceAndAWiderPatternBroaden() throws Exception {
        JsonNode before = role(
                "{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}");
        JsonNode after = role(
                "{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":[\"*\",\"arn:aws:sqs:us-east-1:123456789012:jobs-*\"]}");

        assertEquals(
                List.of("any resource (*)", "wider resource arn:aws:sqs:us-east-1:123456789012:jobs-*"),
                reasons(diff(before, after)));
    }

    @Test
    void aNewPrincipalInATrustPolicyBroadens() throws Exception {
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}";
        JsonNode before = role(statement);
        JsonNode after = role(
                statement,
                "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\",\"AWS\":"
                        + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}");

        List<PolicyChange> changes = diff(before, after);

        assertEquals("AssumeRolePolicyDocument", changes.get(0).document());
        assertEquals(List.of("new principal AWS:arn:aws:iam::111122223333:root"), reasons(changes));
    }

    @Test
    void aRemovedDenyAndARemovedConditionBroaden() throws Exception {
        JsonNode before = role("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}");
        JsonNode after = role("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");

        assertEquals(
                List.of("condition removed: {\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "a Deny statement removed"),
                reasons(diff(before, after)));
    }

    @Test
    void aManagedPolicyAttachedBroadens() throws Exception {
        JsonNode before = role("{\"Effect\":\"Allow\",\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}");
        JsonNode after = json(before.toString()
                .replace(
                        "\"Policies\"",
                        "\"ManagedPolicyArns\":[\"arn:aws:iam::aws:policy/AmazonS3FullAccess\"],\"Policies\""));

        List<PolicyChange> changes = diff(before, after);

        assertEquals("ManagedPolicyArns", changes.get(0).document());
        assertEquals(List.of("attaches managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess"), reasons(changes));
    }

    @Test
    void aPublicFunctionUrlAndItsPermissionBroaden() throws Exception {
        JsonNode before = json("{\"Resources\":{}}");
        JsonNode after = json("""
                {"Resources": {
                  "HelloUrl": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "NONE",
                    "TargetFunctionArn": {"Fn::GetAtt": ["HelloFunction", "Arn"]}}},
                  "HelloUrlPermission": {"Type": "AWS::Lambda::Permission", "Properties": {
                    "Action": "lambda:InvokeFunctionUrl", "FunctionName": {"Ref": "HelloFunction"},
                    "Principal": "*", "FunctionUrlAuthType": "NONE"}}}}""");

        List<PolicyChange> changes = diff(before, after);

        assertEquals(
                List.of("HelloUrl", "HelloUrlPermission"),
                changes.stream().map(PolicyChange::holder).toList());
        assertTrue(
                changes.get(0)
                        .broadening()
                        .contains("public function URL: AuthType NONE lets anyone on the internet call it"),
                changes.get(0).broadening().toString());
        assertEquals(
                List.of("new action lambda:InvokeFunctionUrl", "new resource ${HelloFunction}", "any principal (*)"),
                changes.get(1).broadening());
        assertEquals(
                "Allow lambda:InvokeFunctionUrl on ${HelloFunction} to * when {\"FunctionUrlAuthType\":\"NONE\"}",
                PlanReport.statement(changes.get(1).statement()));
    }

    @Test
    void aBucketPolicyGrantingAnotherAccountBroadens() throws Exception {
        String template = """
                {"Resources": {"UploadsPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {
                  "Bucket": {"Ref": "Uploads"}, "PolicyDocument": {"Statement": [%s]}}}}}""";
        String tlsOnly = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
        JsonNode before = json(template.formatted(tlsOnly));
        JsonNode after = json(template.formatted(tlsOnly + ",{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"));

        List<PolicyChange> changes = diff(before, after);

        assertEquals(1, changes.size());
        assertEquals("PolicyDocument", changes.get(0).document());
        assertEquals(
                List.of(
                        "new action s3:GetObject",
                        "any resource (*)",
                        "new principal AWS:arn:aws:iam::444455556666:root"),
                changes.get(0).broadening());
    }

    @Test
    void aNewStackListsEveryGrantButBroadensNothing() throws Exception {
        JsonNode template = role("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");

        List<PolicyChange> changes = PolicyDiff.between(Optional.empty(), template);
        Plan plan = new Plan("orders", "CREATE", List.of(), changes);

        assertEquals(2, changes.size());
        assertTrue(changes.stream().allMatch(PolicyChange::broadens), "each grant is new");
        assertEquals(List.of(), plan.broadening(), "but a new stack has no access to compare with");
    }
}
