package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.api.FunctionOptions;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTemplateTest {

    private static final LambdaFunction HELLO = new LambdaFunction(
            "hello",
            "Hello",
            "acme.Hello",
            "acme.Hello",
            "Says hello",
            256,
            10,
            LambdaRuntime.JAVA21,
            Architecture.ARM64,
            new TreeMap<>(Map.of("GREETING", "Hi", "STAGE", "${Stage}")),
            14,
            FunctionOptions.DEFAULTS,
            List.of());
    private static final LambdaFunction SHOUT = new LambdaFunction(
            "shout",
            "Shout",
            "acme.Greeter::shout",
            "acme.Greeter#shout",
            "",
            512,
            20,
            LambdaRuntime.JAVA17,
            Architecture.X86_64,
            new TreeMap<>(),
            30,
            FunctionOptions.DEFAULTS,
            List.of());
    private static final ServiceModel SERVICE = new ServiceModel(
            "orders",
            "orders",
            new TreeMap<>(Map.of("team", "a")),
            new TreeMap<>(Map.of("Stage", "dev")),
            List.of(HELLO, SHOUT));

    @TempDir
    Path work;

    /** The services these tests build, by name: {@link GeneratedPoliciesLintTest} lints their policies too. */
    static Map<String, ServiceModel> models() {
        Map<String, ServiceModel> models = new LinkedHashMap<>();
        models.put("service", SERVICE);
        models.put("tuned", tunedService());
        models.put("snapstart", single(snapStarted(1024)));
        models.put("schedules", single(nightly()));
        models.put("queues", single(worker()));
        return models;
    }

    private static ServiceModel tunedService() {
        LambdaFunction tuned = TestFunctions.function(
                "tuned",
                "Tuned",
                new FunctionOptions(
                        0,
                        true,
                        4096,
                        List.of("arn:aws:lambda:us-east-1:123456789012:layer:shared:3"),
                        "",
                        false,
                        List.of(),
                        List.of(),
                        new TreeMap<>(),
                        "",
                        List.of("arn:aws:iam::123456789012:policy/orders-read")));
        return new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(tuned, SHOUT));
    }

    private static LambdaFunction nightly() {
        return TestFunctions.function(
                "nightly",
                "Nightly",
                List.of(
                        new ScheduleTrigger("rate(1 day)", "every night", true),
                        new ScheduleTrigger("cron(0 12 ? * MON-FRI *)", "", false)));
    }

    private static LambdaFunction worker() {
        return TestFunctions.function(
                "worker",
                "Worker",
                List.of(
                        new SqsQueueTrigger("arn:aws:sqs:us-east-1:123456789012:orders", 10, 0, false),
                        new SqsQueueTrigger(
                                "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:refunds", 500, 30, true)));
    }

    @Test
    void declaresArtifactAndUserParameters() {
        JsonNode parameters = ServiceTemplate.marshal(SERVICE).path("Parameters");
        assertEquals(List.of("ArtifactBucket", "ArtifactKey", "Stage"), fieldNames(parameters));
        parameters.forEach(
                parameter -> assertEquals("String", parameter.path("Type").asText()));
    }

    @Test
    void writesEachFunctionWithItsDeclaredSettingsAndCodeFromTheArtifactParameters() {
        JsonNode resources = ServiceTemplate.marshal(SERVICE).path("Resources");
        assertEquals(
                List.of("HelloLogGroup", "HelloRole", "HelloFunction", "ShoutLogGroup", "ShoutRole", "ShoutFunction"),
                fieldNames(resources));

        JsonNode hello = resources.path("HelloFunction");
        assertEquals("AWS::Lambda::Function", hello.path("Type").asText());
        assertEquals("HelloLogGroup", hello.at("/DependsOn/0").asText());
        JsonNode properties = hello.path("Properties");
        assertEquals(
                "${AWS::StackName}-hello",
                properties.at("/FunctionName/Fn::Sub").asText());
        assertEquals("acme.Hello", properties.path("Handler").asText());
        assertEquals("java21", properties.path("Runtime").asText());
        assertEquals("arm64", properties.at("/Architectures/0").asText());
        assertEquals(256, properties.path("MemorySize").asInt());
        assertEquals(10, properties.path("Timeout").asInt());
        assertEquals("Says hello", properties.path("Description").asText());
        assertEquals("HelloRole", properties.at("/Role/Fn::GetAtt/0").asText());
        assertEquals("ArtifactBucket", properties.at("/Code/S3Bucket/Ref").asText());
        assertEquals("ArtifactKey", properties.at("/Code/S3Key/Ref").asText());
        assertEquals("Hi", properties.at("/Environment/Variables/GREETING").asText());
        assertEquals(
                "${Stage}",
                properties.at("/Environment/Variables/STAGE/Fn::Sub").asText());

        JsonNode shout = resources.path("ShoutFunction").path("Properties");
        assertFalse(shout.has("Description"), "an empty description is left out");
        assertFalse(shout.has("Environment"), "no variables, no Environment block");
        assertFalse(shout.has("Architectures"), "x86_64 is Lambda's default, left out like the others");
    }

    @Test
    void givesEachFunctionARoleTrustingOnlyLambdaAndWritingOnlyItsOwnLogGroup() {
        JsonNode resources = ServiceTemplate.marshal(SERVICE).path("Resources");
        JsonNode role = resources.path("HelloRole").path("Properties");
        JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");
        assertEquals(1, trust.size());
        assertEquals("lambda.amazonaws.com", trust.at("/0/Principal/Service").asText());
        assertEquals("sts:AssumeRole", trust.at("/0/Action").asText());

        assertEquals(1, role.path("Policies").size());
        JsonNode statements = role.at("/Policies/0/PolicyDocument/Statement");
        assertEquals(1, statements.size());
        assertEquals(
                "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]",
                statements.at("/0/Action").toString());
        assertEquals(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${HelloLogGroup}:*",
                statements.at("/0/Resource/Fn::Sub").asText());

        JsonNode logGroup = resources.path("HelloLogGroup").path("Properties");
        assertEquals(
                "/aws/lambda/${AWS::StackName}-hello",
                logGroup.at("/LogGroupName/Fn::Sub").asText());
        assertEquals(14, logGroup.path("RetentionInDays").asInt());
    }

    @Test
    void writesDeclaredFunctionOptionsAndOnlyThose() throws Exception {
        JsonNode template = ServiceTemplate.marshal(tunedService());

        JsonNode properties = template.at("/Resources/TunedFunction/Properties");
        assertEquals(0, properties.path("ReservedConcurrentExecutions").asInt());
        assertEquals("Active", properties.at("/TracingConfig/Mode").asText());
        assertEquals(4096, properties.at("/EphemeralStorage/Size").asInt());
        assertEquals(
                "arn:aws:lambda:us-east-1:123456789012:layer:shared:3",
                properties.at("/Layers/0").asText());
        JsonNode traces = template.at("/Resources/TunedRole/Properties/Policies/1");
        assertEquals("send-traces", traces.path("PolicyName").asText());
        assertEquals(
                "[\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\"]",
                traces.at("/PolicyDocument/Statement/0/Action").toString());

        JsonNode plain = template.at("/Resources/ShoutFunction/Properties");
        for (String absent : List.of("ReservedConcurrentExecutions", "TracingConfig", "EphemeralStorage", "Layers")) {
            assertFalse(plain.has(absent), absent + " left at Lambda's default");
        }
        assertEquals(1, template.at("/Resources/ShoutRole/Properties/Policies").size());
        assertEquals(
                "[\"arn:aws:iam::123456789012:policy/orders-read\"]",
                template.at("/Resources/TunedRole/Properties/ManagedPolicyArns").toString());
        assertFalse(template.at("/Resources/ShoutRole/Properties").has("ManagedPolicyArns"));

        assertLintClean(template, "tuned.json");
    }

    @Test
    void aFunctionWithAnExistingRoleGetsNoRoleOfItsOwn() {
        LambdaFunction byName = TestFunctions.function(
                "shared", "Shared", new FunctionOptions(-1, false, 512, List.of(), "orders-shared", false));
        LambdaFunction byArn = TestFunctions.function(
                "arned",
                "Arned",
                new FunctionOptions(-1, false, 512, List.of(), "arn:aws:iam::123456789012:role/orders-shared", false));
        JsonNode resources = ServiceTemplate.marshal(
                        new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(byName, byArn)))
                .path("Resources");

        assertFalse(resources.has("SharedRole"));
        assertFalse(resources.has("ArnedRole"));
        assertEquals(
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders-shared",
                resources.at("/SharedFunction/Properties/Role/Fn::Sub").asText());
        assertEquals(
                "arn:aws:iam::123456789012:role/orders-shared",
                resources.at("/ArnedFunction/Properties/Role").asText());
        assertEquals("AWS::Logs::LogGroup", resources.at("/SharedLogGroup/Type").asText());
    }

    @Test
    void writesNoPerFunctionOutputsUnlessAskedFor_soALargeServiceKeepsItsOutputsForWhatNeedsThem() {
        assertEquals(List.of(), fieldNames(ServiceTemplate.marshal(SERVICE).path("Outputs")));
        assertEquals(List.of(), fieldNames(marshalOne(snapStarted(1024)).path("Outputs")), "nor the alias's");
        assertEquals(
                "FastAlias",
                ServiceTemplate.marshal(single(snapStarted(1024)).withFunctionOutputs(true))
                        .at("/Outputs/FastAliasArn/Value/Ref")
                        .asText());
    }

    @Test
    void outputsAndExportsEachFunctionsArn_whenAskedFor() {
        JsonNode outputs =
                ServiceTemplate.marshal(SERVICE.withFunctionOutputs(true)).path("Outputs");
        assertEquals(List.of("HelloArn", "ShoutArn"), fieldNames(outputs));
        assertEquals(
                "[\"HelloFunction\",\"Arn\"]",
                outputs.at("/HelloArn/Value/Fn::GetAtt").toString());
        assertEquals(
                "${AWS::StackName}-HelloArn",
                outputs.at("/HelloArn/Export/Name/Fn::Sub").asText());
    }

    private static LambdaFunction snapStarted(int memory) {
        return new LambdaFunction(
                "fast",
                "Fast",
                "acme.Fast",
                "acme.Fast",
                "",
                memory,
                30,
                LambdaRuntime.JAVA21,
                Architecture.X86_64,
                new TreeMap<>(),
                30,
                new FunctionOptions(-1, false, 512, List.of(), "", true),
                List.of());
    }

    private static ServiceModel single(LambdaFunction function) {
        return new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(function));
    }

    private static JsonNode marshalOne(LambdaFunction function) {
        return ServiceTemplate.marshal(single(function));
    }

    private static String versionIdentity(JsonNode template) {
        return template.at("/Resources/FastVersion/Properties/Description/Fn::Sub")
                .asText();
    }

    @Test
    void snapStartPublishesAVersionThatFollowsCodeAndConfigurationBehindTheAliasLive() throws Exception {
        JsonNode template = marshalOne(snapStarted(1024));
        JsonNode resources = template.path("Resources");
        assertEquals(
                "PublishedVersions",
                resources.at("/FastFunction/Properties/SnapStart/ApplyOn").asText());
        JsonNode version = resources.path("FastVersion");
        assertEquals("AWS::Lambda::Version", version.path("Type").asText());
        assertEquals("Retain", version.path("UpdateReplacePolicy").asText(), "older versions stay for rollback");
        assertTrue(
                versionIdentity(template).startsWith("code ${ArtifactKey} configuration "), versionIdentity(template));
        assertEquals("live", resources.at("/FastAlias/Properties/Name").asText());
        assertEquals(
                "[\"FastVersion\",\"Version\"]",
                resources.at("/FastAlias/Properties/FunctionVersion/Fn::GetAtt").toString());

        assertEquals(versionIdentity(template), versionIdentity(marshalOne(snapStarted(1024))), "same configuration");
        assertNotEquals(versionIdentity(template), versionIdentity(marshalOne(snapStarted(2048))), "new configuration");

        assertLintClean(template, "snapstart.json");
    }

    @Test
    void eachScheduleIsARuleTargetingTheFunctionWithPermissionFromThatRuleOnly() throws Exception {
        JsonNode template = marshalOne(nightly());
        JsonNode resources = template.path("Resources");

        JsonNode first = resources.at("/NightlySchedule1/Properties");
        assertEquals("rate(1 day)", first.path("ScheduleExpression").asText());
        assertEquals("ENABLED", first.path("State").asText());
        assertEquals("every night", first.path("Description").asText());
        assertEquals(
                "[\"NightlyFunction\",\"Arn\"]",
                first.at("/Targets/0/Arn/Fn::GetAtt").toString());
        assertEquals(
                "DISABLED", resources.at("/NightlySchedule2/Properties/State").asText());

        JsonNode permission = resources.at("/NightlySchedule1Permission/Properties");
        assertEquals("lambda:InvokeFunction", permission.path("Action").asText());
        assertEquals("events.amazonaws.com", permission.path("Principal").asText());
        assertEquals(
                "[\"NightlySchedule1\",\"Arn\"]",
                permission.at("/SourceArn/Fn::GetAtt").toString());

        assertLintClean(template, "schedules.json");
    }

    @Test
    void eachQueueIsAMappingAndTheRoleMayConsumeExactlyThoseQueues() throws Exception {
        JsonNode template = marshalOne(worker());
        JsonNode resources = template.path("Resources");

        JsonNode first = resources.at("/WorkerQueue1/Properties");
        assertEquals(
                "arn:aws:sqs:us-east-1:123456789012:orders",
                first.path("EventSourceArn").asText());
        assertEquals("WorkerFunction", first.at("/FunctionName/Ref").asText());
        assertEquals(10, first.path("BatchSize").asInt());
        assertFalse(first.has("MaximumBatchingWindowInSeconds"));
        JsonNode second = resources.at("/WorkerQueue2/Properties");
        assertEquals(
                "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:refunds",
                second.at("/EventSourceArn/Fn::Sub").asText());
        assertEquals(30, second.path("MaximumBatchingWindowInSeconds").asInt());
        assertEquals(
                "[\"ReportBatchItemFailures\"]",
                second.path("FunctionResponseTypes").toString());

        JsonNode consume = resources.at("/WorkerRole/Properties/Policies/1");
        assertEquals("consume-own-queues", consume.path("PolicyName").asText());
        JsonNode statement = consume.at("/PolicyDocument/Statement/0");
        assertEquals(
                "[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"]",
                statement.path("Action").toString());
        assertEquals(
                "[\"arn:aws:sqs:us-east-1:123456789012:orders\",{\"Fn::Sub\":\"arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:refunds\"}]",
                statement.path("Resource").toString());

        assertLintClean(template, "queues.json");
    }

    @Test
    void sameModelSameBytes() {
        ServiceModel copy = new ServiceModel(
                "orders",
                "orders",
                new TreeMap<>(Map.of("team", "a")),
                new TreeMap<>(Map.of("Stage", "dev")),
                List.of(HELLO, SHOUT));
        assertArrayEquals(
                TemplateJson.bytes(ServiceTemplate.marshal(SERVICE)),
                TemplateJson.bytes(ServiceTemplate.marshal(copy)));
    }

    @Test
    void serviceAndArtifactBucketTemplatesPassCfnLint() throws Exception {
        assertLintClean(ServiceTemplate.marshal(SERVICE), "service.json");
        assertLintClean(ArtifactBucketTemplate.marshal(), "bucket.json");
    }

    @Test
    void artifactBucketIsEncryptedPrivateAndTlsOnly() {
        JsonNode resources = ArtifactBucketTemplate.marshal().path("Resources");
        JsonNode bucket = resources.path("Bucket").path("Properties");
        assertEquals(
                "AES256",
                bucket.at(
                                "/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                        .asText());
        bucket.path("PublicAccessBlockConfiguration").forEach(flag -> assertEquals(true, flag.asBoolean()));
        assertEquals(4, bucket.path("PublicAccessBlockConfiguration").size());
        JsonNode deny = resources.at("/BucketPolicy/Properties/PolicyDocument/Statement/0");
        assertEquals("Deny", deny.path("Effect").asText());
        assertEquals("false", deny.at("/Condition/Bool/aws:SecureTransport").asText());
    }

    /** cfn-lint, pinned, finds no error in the template. */
    private void assertLintClean(JsonNode template, String fileName) throws Exception {
        Path file = work.resolve(fileName);
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
