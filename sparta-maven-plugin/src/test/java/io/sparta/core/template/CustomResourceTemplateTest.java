package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's own custom resources, scanned from classes as {@code package} scans them, and Sparta's custom resource
 * for notifications on a bucket the stack does not own: their wiring (service token, role, dependencies), checked
 * by cfn-lint.
 */
class CustomResourceTemplateTest {

    private static final String RESOURCES = """
            package acme;
            import io.sparta.annotations.*;
            @DynamoTable(name = "products", partitionKey = "id")
            @CustomResource(name = "product-seed", type = "Custom::TableSeed", function = "Seeder",
                properties = {@ResourceProperty(name = "TableName", ref = "products"),
                              @ResourceProperty(name = "TableArn", ref = "products", attribute = "Arn"),
                              @ResourceProperty(name = "Ids", value = "a,b")},
                outputs = "RowCount")
            @CustomResource(name = "seed-check", type = "Custom::SeedCheck", function = "Seeder",
                properties = @ResourceProperty(name = "Rows", ref = "product-seed", attribute = "RowCount"))
            public class Shop {
                @SpartaLambda(name = "Drop")
                @S3Trigger(bucket = "arn:aws:s3:::legacy-drop", events = "s3:ObjectCreated:*", suffix = ".csv")
                @S3Trigger(bucket = "arn:aws:s3:::legacy.archive", events = "s3:ObjectRemoved:*")
                public void drop() {}
                @SpartaLambda(name = "Audit", snapStart = true)
                @S3Trigger(bucket = "arn:aws:s3:::legacy-drop", events = "s3:ObjectRemoved:*")
                public void audit() {}
            }
            """;

    private static final String SEEDER = JavaSources.customResourceHandler(
            "@io.sparta.annotations.SpartaLambda(name = \"Seeder\", timeout = 60)\n@io.sparta.annotations.Grant(resource = \"products\", access = io.sparta.annotations.Access.WRITE)");

    @TempDir
    static Path work;

    private static JsonNode template;
    private static JsonNode resources;

    @BeforeAll
    static void marshal() throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Shop.java", RESOURCES, "acme/Seeder.java", SEEDER));
        ServiceModel service = new ServiceModelBuilder()
                .build(
                        new ServiceSettings("shop", "shop", Map.of(), Map.of()),
                        new FunctionScanner().scan(classes, JavaSources.testClasspath()));
        template = ServiceTemplate.marshal(service);
        resources = template.path("Resources");
    }

    @Test
    void aCustomResourceCallsItsFunctionWithItsPropertiesAndReferences() {
        JsonNode seed = resources.path("ProductSeedResource");
        assertEquals("Custom::TableSeed", seed.path("Type").asText());
        JsonNode properties = seed.path("Properties");
        assertEquals(
                "[\"SeederFunction\",\"Arn\"]",
                properties.at("/ServiceToken/Fn::GetAtt").toString());
        assertEquals("ProductsTable", properties.at("/TableName/Ref").asText());
        assertEquals(
                "[\"ProductsTable\",\"Arn\"]",
                properties.at("/TableArn/Fn::GetAtt").toString());
        assertEquals("a,b", properties.path("Ids").asText());
        assertEquals(
                List.of("ServiceToken", "TableName", "TableArn", "Ids"),
                iterable(properties.fieldNames()),
                "ServiceToken first, then the properties in the order declared");
        assertEquals(
                "[\"ProductSeedResource\",\"RowCount\"]",
                resources.at("/SeedCheckResource/Properties/Rows/Fn::GetAtt").toString());
        assertEquals(
                "[\"ProductSeedResource\",\"RowCount\"]",
                template.at("/Outputs/ProductSeedResourceRowCount/Value/Fn::GetAtt")
                        .toString());
        assertFalse(template.path("Outputs").has("ProductSeedResourceArn"), "a custom resource has no ARN");
    }

    @Test
    void theHandlerIsAFunctionOfTheServiceWithOnlyWhatItsGrantsGive() {
        JsonNode function = resources.path("SeederFunction").path("Properties");
        assertEquals("acme.Seeder", function.path("Handler").asText());
        assertEquals(60, function.path("Timeout").asInt());
        assertEquals("[\"SeederRole\",\"Arn\"]", function.at("/Role/Fn::GetAtt").toString());
        String policies = resources.at("/SeederRole/Properties/Policies").toString();
        assertTrue(policies.contains("dynamodb:PutItem"), policies);
        assertTrue(policies.contains("\"ProductsTable\",\"Arn\""), policies);
        assertFalse(policies.contains("\"*\""), policies);
    }

    @Test
    void existingBucketsGetOneSpartaResourceEachMergingTheirNotifications() {
        JsonNode drop = resources.path("SpartaBucketNotificationsLegacyDrop");
        assertEquals(BucketNotificationsTemplate.TYPE, drop.path("Type").asText());
        assertEquals(
                "[\"SpartaBucketNotificationsFunction\",\"Arn\"]",
                drop.at("/Properties/ServiceToken/Fn::GetAtt").toString());
        assertEquals("legacy-drop", drop.at("/Properties/Bucket").asText());
        JsonNode notifications = drop.at("/Properties/Notifications");
        assertEquals(2, notifications.size());
        // Functions in name order, numbered per bucket.
        assertEquals(
                "sparta-${AWS::StackName}-Audit-1",
                notifications.at("/0/Id/Fn::Sub").asText());
        assertEquals(
                "AuditAlias", notifications.at("/0/LambdaFunctionArn/Ref").asText(), "SnapStart: the alias is invoked");
        assertEquals(
                "sparta-${AWS::StackName}-Drop-2",
                notifications.at("/1/Id/Fn::Sub").asText());
        assertEquals(
                "[\"DropFunction\",\"Arn\"]",
                notifications.at("/1/LambdaFunctionArn/Fn::GetAtt").toString());
        assertEquals("[\"s3:ObjectCreated:*\"]", notifications.at("/1/Events").toString());
        assertEquals(".csv", notifications.at("/1/Suffix").asText());
        assertEquals("", notifications.at("/1/Prefix").asText());
        List<String> dependsOn = iterable(drop.path("DependsOn").elements()).stream()
                .map(JsonNode::asText)
                .toList();
        assertEquals(2, dependsOn.size());
        dependsOn.forEach(permission -> {
            assertEquals(
                    "AWS::Lambda::Permission",
                    resources.at("/" + permission + "/Type").asText());
            assertEquals(
                    "arn:aws:s3:::legacy-drop",
                    resources.at("/" + permission + "/Properties/SourceArn").asText());
        });
        assertEquals(
                "legacy.archive",
                resources
                        .at("/" + BucketNotificationsTemplate.logicalId("legacy.archive") + "/Properties/Bucket")
                        .asText());
    }

    /** Each bucket's id follows from its name alone, so no change elsewhere renames (and so recreates) it. */
    @Test
    void eachExistingBucketsResourceIsNamedAfterItsBucketAlone() {
        assertEquals("SpartaBucketNotificationsLegacyDrop", BucketNotificationsTemplate.logicalId("legacy-drop"));
        assertEquals(
                "SpartaBucketNotificationsLegacyArchive"
                        + io.sparta.core.common.Digests.sha256(
                                        "legacy.archive".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .substring(0, 8),
                BucketNotificationsTemplate.logicalId("legacy.archive"));
        for (List<String> alike : List.of(
                List.of("a-1b", "a1b"),
                List.of("a.b", "a-b"),
                List.of("function", "SpartaBucketNotificationsFunction"))) {
            String first = BucketNotificationsTemplate.logicalId(alike.get(0));
            String second = alike.get(1).startsWith("Sparta")
                    ? alike.get(1)
                    : BucketNotificationsTemplate.logicalId(alike.get(1));
            assertFalse(first.equals(second), alike.toString());
        }
    }

    @Test
    void spartasHandlerNameFitsLambdasSixtyFourCharactersUpToAThirtyEightCharacterStack() {
        assertTrue(
                BucketNotificationsTemplate.functionNameProblem("s".repeat(38)).isEmpty());
        assertEquals(
                "an @S3Trigger on a bucket the stack does not own deploys Sparta's own function \"" + "s".repeat(39)
                        + "-SpartaBucketNotifications\", 65 characters long; Lambda allows at most 64, so shorten the"
                        + " stack name \"" + "s".repeat(39) + "\" to at most 38 characters",
                BucketNotificationsTemplate.functionNameProblem("s".repeat(39)).orElseThrow());
    }

    @Test
    void spartasHandlerMayTouchOnlyTheseBucketsNotifications() {
        JsonNode function = resources.path("SpartaBucketNotificationsFunction");
        assertEquals(
                BucketNotificationsTemplate.HANDLER,
                function.at("/Properties/Handler").asText());
        assertEquals(
                BucketNotificationsTemplate.KEY_PARAMETER,
                function.at("/Properties/Code/S3Key/Ref").asText());
        assertEquals(
                "ArtifactBucket", function.at("/Properties/Code/S3Bucket/Ref").asText());
        assertTrue(template.path("Parameters").has(BucketNotificationsTemplate.KEY_PARAMETER));
        assertEquals(
                "[\"SpartaBucketNotificationsLogGroup\"]",
                function.path("DependsOn").toString());
        JsonNode statement =
                resources.at("/SpartaBucketNotificationsRole/Properties/Policies/1/PolicyDocument/Statement/0");
        assertEquals(
                "[\"s3:GetBucketNotification\",\"s3:PutBucketNotification\"]",
                statement.path("Action").toString());
        assertEquals(
                "[{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::legacy-drop\"},"
                        + "{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::legacy.archive\"}]",
                statement.path("Resource").toString());
    }

    @Test
    void passesCfnLint() throws Exception {
        Path file = work.resolve("custom-resources.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
