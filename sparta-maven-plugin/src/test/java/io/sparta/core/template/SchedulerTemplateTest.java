package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.SchedulerTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.JacksonReader;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EventBridge Scheduler schedules: the schedule, and a role that may invoke one function and is trusted by no other. */
class SchedulerTemplateTest {

    @TempDir
    static Path work;

    static JsonNode template;

    @BeforeAll
    static void marshal() {
        template = ServiceTemplate.marshal(model());
    }

    /** The service of these tests, which {@link GeneratedPoliciesLintTest} lints the policies of too. */
    static ServiceModel model() {
        LambdaFunction reports = TestFunctions.function(
                "reports",
                "Reports",
                List.of(new SchedulerTrigger("cron(0 9 ? * MON-FRI *)", "Europe/Berlin", 15, "weekday reports", true)));
        LambdaFunction launch = TestFunctions.function(
                "launch",
                "Launch",
                new FunctionOptions(-1, false, 512, List.of(), "", true),
                List.of(new SchedulerTrigger("at(2027-01-01T00:00:00)", "", 0, "", false)));
        return new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(reports, launch),
                HttpApiSettings.DEFAULTS,
                List.of());
    }

    @Test
    void aScheduleReadsItsExpressionInItsTimeZoneWithinItsWindow() throws Exception {
        assertEquals(JacksonReader.MAPPER.readTree("""
                        {"Type": "AWS::Scheduler::Schedule", "Properties": {
                          "Description": "weekday reports",
                          "FlexibleTimeWindow": {"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 15},
                          "ScheduleExpression": "cron(0 9 ? * MON-FRI *)",
                          "ScheduleExpressionTimezone": "Europe/Berlin",
                          "State": "ENABLED",
                          "Target": {"Arn": {"Fn::GetAtt": ["ReportsFunction", "Arn"]}, "Input": "{}",
                                     "RoleArn": {"Fn::GetAtt": ["ReportsScheduler1Role", "Arn"]}}}}
                        """), template.at("/Resources/ReportsScheduler1"));
    }

    @Test
    void theRoleIsTrustedByTheSchedulerOfThisAccountAndMayInvokeOnlyItsFunction() throws Exception {
        assertEquals(JacksonReader.MAPPER.readTree("""
                        {"Type": "AWS::IAM::Role", "Properties": {
                          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                            "Effect": "Allow", "Principal": {"Service": "scheduler.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                            "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}}]},
                          "Policies": [{"PolicyName": "invoke", "PolicyDocument": {"Version": "2012-10-17",
                            "Statement": [{"Effect": "Allow", "Action": "lambda:InvokeFunction",
                                           "Resource": {"Fn::GetAtt": ["ReportsFunction", "Arn"]}}]}}]}}
                        """), template.at("/Resources/ReportsScheduler1Role"));
    }

    @Test
    void aOneTimeScheduleOfASnapStartFunctionInvokesItsAliasOnTime() {
        JsonNode schedule = template.at("/Resources/LaunchScheduler1/Properties");
        assertEquals(
                "at(2027-01-01T00:00:00)", schedule.path("ScheduleExpression").asText());
        assertEquals("{\"Mode\":\"OFF\"}", schedule.path("FlexibleTimeWindow").toString());
        assertEquals("DISABLED", schedule.path("State").asText());
        assertEquals("{\"Ref\":\"LaunchAlias\"}", schedule.at("/Target/Arn").toString());
        assertEquals(
                "{\"Ref\":\"LaunchAlias\"}",
                template.at("/Resources/LaunchScheduler1Role/Properties/Policies/0/PolicyDocument/Statement/0/Resource")
                        .toString());
    }

    @Test
    void passesCfnLint() throws Exception {
        Path file = work.resolve("scheduler.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }
}
