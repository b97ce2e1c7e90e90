package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.ConcretePolicies;
import io.sparta.testkit.PolicyLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery pipeline's template: stages per environment, the source, and roles that allow what each does. */
class PipelineTemplateTest {

    @TempDir
    static Path work;

    static ObjectNode service;
    static ObjectNode fromS3;
    static ObjectNode fromRepository;

    static final List<PipelineTemplate.Environment> ENVIRONMENTS = List.of(
            new PipelineTemplate.Environment("test", "orders-test", false),
            new PipelineTemplate.Environment("prod", "orders-prod", true));

    @BeforeAll
    static void marshal() {
        service = ServiceTemplate.marshal(new ServiceModel(
                "orders",
                "orders",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(TestFunctions.function(
                        "worker",
                        "Worker",
                        List.of(
                                new SqsQueueTrigger("jobs", 10, 0, false),
                                new StreamTrigger(ResourceKind.TABLE, "orders", StartingPosition.LATEST, 10)))),
                HttpApiSettings.DEFAULTS,
                List.of(
                        new OwnedResource.Queue("jobs", 60),
                        new OwnedResource.Table(
                                "orders",
                                "id",
                                io.sparta.annotations.KeyType.STRING,
                                "",
                                io.sparta.annotations.KeyType.STRING,
                                io.sparta.annotations.StreamView.NEW_IMAGE,
                                true))));
        fromS3 = PipelineTemplate.marshal(
                new PipelineTemplate.Declaration(
                        "orders", "orders-pipeline", "orders/package.zip", ENVIRONMENTS, Optional.empty(), "image"),
                service);
        fromRepository = PipelineTemplate.marshal(
                new PipelineTemplate.Declaration(
                        "orders",
                        "orders-pipeline",
                        "orders/package.zip",
                        ENVIRONMENTS,
                        Optional.of(new PipelineTemplate.Repository(
                                "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
                                "acme/orders",
                                "main")),
                        "aws/codebuild/amazonlinux-x86_64-standard:5.0"),
                service);
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.path("Name").asText()));
        return names;
    }

    @Test
    void aV2PipelineQueuesExecutionsAndPromotesThroughEveryEnvironmentInOrder() {
        JsonNode pipeline = fromS3.at("/Resources/Pipeline/Properties");
        assertEquals("V2", pipeline.path("PipelineType").asText());
        assertEquals("QUEUED", pipeline.path("ExecutionMode").asText());
        assertEquals(List.of("Source", "test", "prod"), names(pipeline.path("Stages")));
        assertEquals(List.of("CreateChangeSet", "ExecuteChangeSet"), names(pipeline.at("/Stages/1/Actions")));
        assertEquals(
                List.of("CreateChangeSet", "Approve", "ExecuteChangeSet"), names(pipeline.at("/Stages/2/Actions")));
        JsonNode replace = pipeline.at("/Stages/2/Actions/0/Configuration");
        assertEquals("CHANGE_SET_REPLACE", replace.path("ActionMode").asText());
        assertEquals("orders-prod", replace.path("StackName").asText());
        assertEquals("Package::template.json", replace.path("TemplatePath").asText());
        assertEquals(
                "Package::environments/prod.json",
                replace.path("TemplateConfiguration").asText());
        assertEquals(
                "Review change set orders-prod-pipeline of stack orders-prod in the CloudFormation console, then approve"
                        + " to execute it",
                pipeline.at("/Stages/2/Actions/1/Configuration/CustomData").asText());
        assertEquals(3, pipeline.at("/Stages/2/Actions/2/RunOrder").asInt());
        assertEquals(
                "CHANGE_SET_EXECUTE",
                pipeline.at("/Stages/2/Actions/2/Configuration/ActionMode").asText());
    }

    @Test
    void thePackageLandsInAVersionedPrivateBucketKeptOnDeleteAndStartsThePipelineThroughEventBridge() {
        JsonNode bucket = fromS3.at("/Resources/ArtifactBucket");
        assertEquals("Retain", bucket.path("DeletionPolicy").asText());
        assertEquals(
                "Enabled",
                bucket.at("/Properties/VersioningConfiguration/Status").asText());
        assertTrue(bucket.at("/Properties/NotificationConfiguration/EventBridgeConfiguration/EventBridgeEnabled")
                .asBoolean());
        assertEquals(
                "DenyInsecureTransport",
                fromS3.at("/Resources/ArtifactBucketPolicy/Properties/PolicyDocument" + "/Statement/0/Sid")
                        .asText());
        assertEquals(
                "false",
                fromS3.at("/Resources/Pipeline/Properties/Stages/0/Actions/0/Configuration" + "/PollForSourceChanges")
                        .asText());
        JsonNode pattern = fromS3.at("/Resources/PackagePublished/Properties/EventPattern");
        assertEquals("[\"Object Created\"]", pattern.path("detail-type").toString());
        assertEquals(
                "[\"orders/package.zip\"]", pattern.at("/detail/object/key").toString());
        assertEquals(
                "[\"codepipeline:StartPipelineExecution\"]",
                fromS3.at("/Resources/PackagePublishedRole/Properties/Policies/0/PolicyDocument/Statement/0/Action")
                        .toString());
    }

    @Test
    void aPipelineTemplateIsToldApartFromTheServiceTemplateItDeploys() {
        assertTrue(PipelineTemplate.isPipeline(fromS3));
        assertTrue(PipelineTemplate.isPipeline(fromRepository));
        assertFalse(PipelineTemplate.isPipeline(service));
        assertFalse(PipelineTemplate.isPipeline(TemplateJson.object()));
    }

    @Test
    void aRepositorySourceUsesItsConnectionAndABuildNeverAToken() {
        JsonNode stages = fromRepository.at("/Resources/Pipeline/Properties/Stages");
        assertEquals(List.of("Source", "Build", "test", "prod"), names(stages));
        assertEquals(
                "CodeStarSourceConnection",
                stages.at("/0/Actions/0/ActionTypeId/Provider").asText());
        assertEquals(
                "acme/orders",
                stages.at("/0/Actions/0/Configuration/FullRepositoryId").asText());
        assertFalse(fromRepository.toString().contains("OAuthToken"));
        assertTrue(fromRepository
                .at("/Resources/Build/Properties/Source/BuildSpec")
                .asText()
                .contains("./mvnw -B -ntp verify sparta:publish"));
        assertFalse(fromRepository.path("Resources").has("PackagePublished"), "the connection starts it");
        JsonNode statements =
                fromRepository.at("/Resources/PipelineRole/Properties/Policies/0/PolicyDocument/Statement");
        assertTrue(statements.toString().contains("\"codeconnections:UseConnection\""));
        assertTrue(statements.toString().contains("arn:aws:codeconnections:us-east-1:123456789012:connection/abc"));
    }

    @Test
    void thePipelineMayChangeOnlyTheEnvironmentStacksAndPassOnlyCloudFormationsRole() {
        JsonNode statements = fromS3.at("/Resources/PipelineRole/Properties/Policies/0/PolicyDocument/Statement");
        JsonNode changeSets = statements.get(2);
        assertEquals("ChangeSetsOfTheEnvironmentStacks", changeSets.path("Sid").asText());
        assertEquals(
                "[{\"Fn::Sub\":\"arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/orders-test/*\"},"
                        + "{\"Fn::Sub\":\"arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/orders-prod/*\"}]",
                changeSets.path("Resource").toString());
        JsonNode pass = statements.get(3);
        assertEquals("[\"iam:PassRole\"]", pass.path("Action").toString());
        assertEquals(
                "cloudformation.amazonaws.com",
                pass.at("/Condition/StringEquals/iam:PassedToService").asText());
    }

    @Test
    void cloudFormationMayDoWhatTheTemplatesTypesNeedOnTheStacksOwnNamesAndNoActionIsAWildcard() {
        JsonNode statements = fromS3.at("/Resources/CloudFormationRole/Properties/Policies/0/PolicyDocument/Statement");
        List<String> sids = new ArrayList<>();
        statements.forEach(statement -> {
            sids.add(statement.path("Sid").asText());
            statement
                    .path("Action")
                    .forEach(action -> assertFalse(action.asText().endsWith("*"), action.asText()));
        });
        assertEquals(
                List.of(
                        "ReadTheArchive",
                        "CreateEventSourceMappings",
                        "DescribeLogGroups",
                        "EventSourceMappings",
                        "Functions",
                        "LogGroups",
                        "PassTheServiceRoles",
                        "Queues",
                        "Roles",
                        "Tables"),
                sids);
        String roles = statements.toString();
        assertTrue(roles.contains("function:orders-test-*") && roles.contains("function:orders-prod-*"), roles);
        assertTrue(roles.contains("table/orders-prod-*"), roles);
        assertFalse(roles.contains("\"s3:*\""));
    }

    @Test
    void cloudFormationMayReadExactlyTheSecretsItResolvesForTheFunctions() {
        ObjectNode withSecrets = PipelineTemplate.marshal(
                new PipelineTemplate.Declaration(
                        "orders",
                        "orders-pipeline",
                        "orders/package.zip",
                        ENVIRONMENTS,
                        Optional.empty(),
                        "image",
                        List.of(
                                "secretsmanager:orders/prod/db:SecretString:password",
                                "secretsmanager:orders/test/db",
                                "ssm:/orders/prod/url")),
                service);
        JsonNode statements =
                withSecrets.at("/Resources/CloudFormationRole/Properties/Policies/0/PolicyDocument/Statement");
        assertEquals(
                "{\"Sid\":\"ResolveTheSecrets\",\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],"
                        + "\"Resource\":[{\"Fn::Sub\":\"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}"
                        + ":secret:orders/prod/db-??????\"},{\"Fn::Sub\":\"arn:${AWS::Partition}:secretsmanager:${AWS::Region}"
                        + ":${AWS::AccountId}:secret:orders/test/db-??????\"}]}",
                statements.get(1).toString());
        assertEquals(
                "{\"Sid\":\"ResolveTheParameters\",\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\"],"
                        + "\"Resource\":[{\"Fn::Sub\":\"arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}"
                        + ":parameter/orders/prod/url\"}]}",
                statements.get(2).toString());
        assertEquals(
                List.of(),
                new PolicyLint(PythonTools.fromSystemProperties())
                        .findingsAboveLow(ConcretePolicies.of(withSecrets, "orders-pipeline")));
    }

    @Test
    void aSplitServicesNestedStacksMayBeChangedOnlyUnderTheEnvironmentStacksNames_andParliamentPassesIt() {
        ObjectNode split = service.deepCopy();
        ((ObjectNode) split.path("Resources"))
                .putObject("Functions01")
                .put("Type", "AWS::CloudFormation::Stack")
                .putObject("Properties")
                .put("TemplateURL", "https://example.com/nested.json");
        ObjectNode pipeline = PipelineTemplate.marshal(
                new PipelineTemplate.Declaration(
                        "orders", "orders-pipeline", "orders/package.zip", ENVIRONMENTS, Optional.empty(), "image"),
                split);

        JsonNode nested = null;
        for (JsonNode statement :
                pipeline.at("/Resources/CloudFormationRole/Properties/Policies/0/PolicyDocument/Statement")) {
            if (statement.path("Sid").asText().equals("NestedStacks")) {
                nested = statement;
            }
        }
        assertTrue(nested != null, "no NestedStacks statement");
        assertTrue(nested.path("Action").toString().contains("cloudformation:CreateStack"), nested.toString());
        assertEquals(
                "[{\"Fn::Sub\":\"arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/orders-test-*/*\"},"
                        + "{\"Fn::Sub\":\"arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/orders-prod-*/*\"}]",
                nested.path("Resource").toString());
        assertEquals(
                List.of(),
                new PolicyLint(PythonTools.fromSystemProperties())
                        .findingsAboveLow(ConcretePolicies.of(pipeline, "orders-pipeline")));
    }

    @Test
    void aResourceTypeThePipelineCannotDeployIsNamed() {
        ObjectNode withUnknown = service.deepCopy();
        ((ObjectNode) withUnknown.path("Resources")).putObject("Thing").put("Type", "AWS::EC2::Instance");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineTemplate.marshal(
                        new PipelineTemplate.Declaration(
                                "orders", "p", "orders/package.zip", ENVIRONMENTS, Optional.empty(), "image"),
                        withUnknown));
        assertTrue(e.getMessage().contains("AWS::EC2::Instance"), e.getMessage());
    }

    @Test
    void everyRoleOfBothSourcesPassesParliament() {
        PolicyLint lint = new PolicyLint(PythonTools.fromSystemProperties());
        for (ObjectNode template : List.of(fromS3, fromRepository)) {
            List<ConcretePolicies.Policy> policies = ConcretePolicies.of(template, "orders-pipeline");
            assertTrue(policies.size() >= 3, policies.toString());
            assertEquals(List.of(), lint.findingsAboveLow(policies));
        }
    }

    @Test
    void bothSourcesPassCfnLint() throws Exception {
        CfnLint lint = new CfnLint(PythonTools.fromSystemProperties());
        for (ObjectNode template : List.of(fromS3, fromRepository)) {
            Path file = Files.createTempFile(work, "pipeline", ".json");
            Files.write(file, TemplateJson.bytes(template));
            assertEquals(List.of(), lint.errors(file));
        }
    }
}
