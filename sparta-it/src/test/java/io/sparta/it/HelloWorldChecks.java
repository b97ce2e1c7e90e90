package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** What a provision of the hello-world sample creates, checked through the AWS API the same way on moto and fakecloud. */
final class HelloWorldChecks {

    static final String HELLO = "hello-world-HelloHandler";
    static final String SHOUT = "hello-world-shout";

    private HelloWorldChecks() {}

    /** Both functions with the handler, runtime, memory, timeout, environment and code the sample declares. */
    static void bothFunctionsAsDeclared(LocalAws aws, Path archive) throws Exception {
        FunctionConfiguration hello =
                aws.lambda.getFunction(r -> r.functionName(HELLO)).configuration();
        assertEquals("com.example.hello.HelloHandler", hello.handler());
        assertEquals("java21", hello.runtimeAsString());
        assertEquals(256, hello.memorySize());
        assertEquals(10, hello.timeout());
        assertEquals("Says hello", hello.description());
        assertEquals(
                Map.of("GREETING", "Hello", "STAGE", "dev"), hello.environment().variables());
        assertEquals(SharedSampleOnMoto.codeSha256(archive), hello.codeSha256());

        FunctionConfiguration shout =
                aws.lambda.getFunction(r -> r.functionName(SHOUT)).configuration();
        assertEquals("com.example.hello.Greetings::shout", shout.handler());
        assertEquals("java17", shout.runtimeAsString());
        assertEquals(512, shout.memorySize());
        assertEquals(20, shout.timeout());
        assertEquals(SharedSampleOnMoto.codeSha256(archive), shout.codeSha256());

        assertNotEquals(hello.role(), shout.role(), "each function has a role of its own");
    }

    /** Each role trusts only Lambda and may only write to its own log group. */
    static void eachRoleWritesOnlyItsOwnLogGroup(LocalAws aws) {
        for (String function : List.of(HELLO, SHOUT)) {
            String roleName = aws.roleNameOf(function);
            JsonNode trust = aws.trustPolicy(roleName);
            assertEquals(1, trust.path("Statement").size());
            assertEquals(
                    "lambda.amazonaws.com",
                    trust.at("/Statement/0/Principal/Service").asText());
            assertEquals("sts:AssumeRole", trust.at("/Statement/0/Action").asText());

            assertEquals(
                    List.of("write-own-logs"),
                    aws.iam.listRolePolicies(r -> r.roleName(roleName)).policyNames());
            JsonNode policy = aws.inlinePolicy(roleName, "write-own-logs");
            assertEquals(1, policy.path("Statement").size());
            JsonNode statement = policy.at("/Statement/0");
            assertEquals("Allow", statement.path("Effect").asText());
            assertEquals(
                    List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    List.of(
                            statement.at("/Action/0").asText(),
                            statement.at("/Action/1").asText()));
            assertEquals(
                    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/" + function + ":*",
                    statement.path("Resource").asText());
        }
    }

    /** The log groups keep the retention each function declares. */
    static void logGroupsKeepTheDeclaredRetention(LocalAws aws) {
        Map<String, Integer> retention =
                aws.logs.describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/hello-world-")).logGroups().stream()
                        .collect(Collectors.toMap(g -> g.logGroupName(), g -> g.retentionInDays()));
        assertEquals(Map.of("/aws/lambda/" + HELLO, 14, "/aws/lambda/" + SHOUT, 30), retention);
    }
}
