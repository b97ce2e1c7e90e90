package io.sparta.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intrinsics resolved to what CloudFormation would give them, per resource type; unknown ones refused. */
class ConcretePoliciesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String RESOURCES = """
            "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": {"Fn::Sub": "${AWS::StackName}-fn"}}},
            "Unnamed": {"Type": "AWS::Lambda::Function", "Properties": {}},
            "FnAlias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "Name": "live"}},
            "Queue": {"Type": "AWS::SQS::Queue", "Properties": {}},
            "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "news"}},
            "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "orders",
                      "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
            "Plain": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
            "Stream": {"Type": "AWS::Kinesis::Stream", "Properties": {"Name": "clicks"}},
            "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {}},
            "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/aws/lambda/x"}},
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "worker", "Policies": [
              {"PolicyName": "everything", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "lambda:InvokeFunction",
                 "Resource": [{"Fn::GetAtt": ["Fn", "Arn"]}, {"Ref": "FnAlias"}, {"Fn::GetAtt": "Unnamed.Arn"}]},
                {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["Queue", "Arn"]}},
                {"Effect": "Allow", "Action": "sns:Publish", "Resource": {"Ref": "Topic"}},
                {"Effect": "Allow", "Action": "dynamodb:GetRecords", "Resource": {"Fn::GetAtt": ["Table", "StreamArn"]}},
                {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": {"Fn::Sub": "${Plain.Arn}/index/*"}},
                {"Effect": "Allow", "Action": "kinesis:GetRecords", "Resource": {"Fn::GetAtt": ["Stream", "Arn"]}},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": [
                  {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/", {"Ref": "Prefix"}, "/*"]]},
                  {"Fn::Sub": ["arn:${AWS::Partition}:s3:::${Name}/*", {"Name": {"Ref": "Bucket"}}]}]},
                {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": {"Fn::GetAtt": ["Logs", "Arn"]}},
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": {"Fn::GetAtt": ["Role", "Arn"]},
                 "Condition": {"StringEquals": {"aws:username": {"Fn::Sub": "${!aws:username}"}}}},
                {"Effect": "Allow", "Action": "events:PutRule", "Resource": {"Fn::GetAtt": ["Rule", "Arn"]}},
                {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": {"Fn::Sub":
                  "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Stage}/${AWS::URLSuffix}"}},
                {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": {"Fn::Select": ["1",
                  {"Fn::Split": [",", {"Fn::Sub": "a,arn:aws:s3:::${ArtifactBucket}"}]}]}}]}}]}},
            "Rule": {"Type": "AWS::Events::Rule", "Properties": {"Name": {"Ref": "AWS::NoValue"}}}
            """;

    private static JsonNode template(String resources) throws Exception {
        return MAPPER.readTree("""
                {"Parameters": {"ArtifactBucket": {"Type": "String"}, "Prefix": {"Type": "String", "Default": "in"},
                                "Stage": {"Type": "String", "Default": "dev"}},
                 "Resources": {%s}}
                """.formatted(resources));
    }

    @Test
    void everyIntrinsicBecomesTheValueCloudFormationWouldGiveIt() throws Exception {
        List<ConcretePolicies.Policy> policies = ConcretePolicies.of(template(RESOURCES), "Shop-Dev");
        assertEquals(1, policies.size());
        assertEquals("Role", policies.get(0).logicalId());
        assertEquals("everything", policies.get(0).name());
        JsonNode statements = policies.get(0).document().path("Statement");
        String lambda = "arn:aws:lambda:us-east-1:123456789012:function:";
        assertEquals(
                List.of(lambda + "Shop-Dev-fn", lambda + "Shop-Dev-fn:live"),
                List.of(
                        statements.at("/0/Resource/0").asText(),
                        statements.at("/0/Resource/1").asText()));
        assertTrue(
                statements.at("/0/Resource/2").asText().matches(lambda + "Shop-Dev-Unnamed-[A-Z0-9]{12}"),
                statements.at("/0/Resource/2").asText());
        assertTrue(
                statements
                        .at("/1/Resource")
                        .asText()
                        .matches("arn:aws:sqs:us-east-1:123456789012:Shop-Dev-Queue-[A-Z0-9]{12}"),
                statements.at("/1/Resource").asText());
        assertEquals(
                "arn:aws:sns:us-east-1:123456789012:news",
                statements.at("/2/Resource").asText());
        assertEquals(
                "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000",
                statements.at("/3/Resource").asText());
        assertTrue(
                statements
                        .at("/4/Resource")
                        .asText()
                        .matches("arn:aws:dynamodb:us-east-1:123456789012:table/Shop-Dev-Plain-[A-Z0-9]{12}/index/\\*"),
                statements.at("/4/Resource").asText());
        assertEquals(
                "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
                statements.at("/5/Resource").asText());
        String bucket = statements.at("/6/Resource/1").asText();
        assertTrue(bucket.matches("arn:aws:s3:::shop-dev-bucket-[a-z0-9]{12}/\\*"), bucket);
        assertEquals(
                bucket.replace("/*", "/in/*"), statements.at("/6/Resource/0").asText());
        assertEquals(
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x:*",
                statements.at("/7/Resource").asText());
        assertEquals(
                "arn:aws:iam::123456789012:role/worker",
                statements.at("/8/Resource").asText());
        assertEquals(
                "${aws:username}",
                statements.at("/8/Condition/StringEquals/aws:username").asText());
        assertTrue(
                statements
                        .at("/9/Resource")
                        .asText()
                        .matches("arn:aws:events:us-east-1:123456789012:rule/Shop-Dev-Rule-[A-Z0-9]{12}"),
                statements.at("/9/Resource").asText());
        assertEquals(
                "arn:aws:ssm:us-east-1:123456789012:parameter/dev/amazonaws.com",
                statements.at("/10/Resource").asText());
        assertEquals(
                "arn:aws:s3:::placeholder-artifactbucket",
                statements.at("/11/Resource").asText());
        assertEquals(
                statements.toString(),
                ConcretePolicies.of(template(RESOURCES), "Shop-Dev")
                        .get(0)
                        .document()
                        .path("Statement")
                        .toString(),
                "made-up names are the same each time");
    }

    @Test
    void aResourceTypeWithoutAConcreteValueIsRefusedByName() throws Exception {
        JsonNode template = template("""
                "Thing": {"Type": "AWS::Glue::Job", "Properties": {}},
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p",
                  "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "glue:StartJobRun",
                                                    "Resource": {"Ref": "Thing"}}]}}]}}
                """);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConcretePolicies.of(template, "s"));
        assertTrue(e.getMessage().contains("AWS::Glue::Job"), e.getMessage());
    }

    @Test
    void anUnknownAttributeOrIntrinsicIsRefusedByName() throws Exception {
        JsonNode attribute = template("""
                "Queue": {"Type": "AWS::SQS::Queue", "Properties": {}},
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p",
                  "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage",
                                                    "Resource": {"Fn::GetAtt": ["Queue", "Owner"]}}]}}]}}
                """);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConcretePolicies.of(attribute, "s"));
        assertTrue(
                e.getMessage().contains("Queue.Owner") && e.getMessage().contains("AWS::SQS::Queue"), e.getMessage());

        JsonNode intrinsic = template("""
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p",
                  "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage",
                                                    "Resource": {"Fn::If": ["C", "a", "b"]}}]}}]}}
                """);
        e = assertThrows(IllegalStateException.class, () -> ConcretePolicies.of(intrinsic, "s"));
        assertTrue(e.getMessage().contains("Fn::If"), e.getMessage());
    }

    @Test
    void identityAndResourcePoliciesAreFoundButNotTrustPolicies() throws Exception {
        JsonNode template = template("""
                "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "b"}},
                "BucketPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Bucket"},
                  "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                    "Resource": {"Fn::Sub": "${Bucket.Arn}/*"}}]}}},
                "Managed": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
                  "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::b/*"}]}}},
                "Role": {"Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}
                """);
        List<ConcretePolicies.Policy> policies = ConcretePolicies.of(template, "s");
        assertEquals(
                List.of(
                        "BucketPolicy (AWS::S3::BucketPolicy) BucketPolicy",
                        "Managed (AWS::IAM::ManagedPolicy) Managed"),
                policies.stream().map(Object::toString).toList());
        assertEquals(
                "arn:aws:s3:::b/*",
                policies.get(0).document().at("/Statement/0/Resource").asText());
    }
}
