package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The custom-resource sample on moto: a {@code Custom::TableSeed} whose Java handler keeps seed rows in a declared
 * table. moto creates the stack but runs no Lambda code, so each lifecycle step is sent by
 * {@code sparta:invoke -Dsparta.requestType=...} with the stack's real table in the properties
 * ({@code -Dsparta.resourcesFromStack}), exactly as CloudFormation would send it, through the same response path;
 * the rows are then read from moto's DynamoDB.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomResourceIT extends SharedSampleOnMoto {

    private static final String STACK = "custom-resource";

    CustomResourceIT() {
        super("custom-resource");
    }

    private String table;

    /**
     * The stack's table, read once: once an update has modified a custom resource, moto answers
     * DescribeStackResource with HTTP 500 (its model of that resource is gone), though the table stays.
     */
    private String table() {
        if (table == null) {
            table = aws.cloudFormation
                    .describeStackResource(r -> r.stackName(STACK).logicalResourceId("ProductsTable"))
                    .stackResourceDetail()
                    .physicalResourceId();
        }
        return table;
    }

    private List<String> rows() {
        return aws.dynamoDb.scan(r -> r.tableName(table())).items().stream()
                .map(item -> item.get("id").s())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .stream()
                .toList();
    }

    private SampleProject.BuildResult send(String requestType) {
        return sample.mvn(
                "compile",
                "sparta:invoke",
                "-Dsparta.function=Seeder",
                "-Dsparta.requestType=" + requestType,
                "-Dsparta.resourcesFromStack");
    }

    @Test
    @Order(1)
    void theCustomResourceIsWiredToItsFunctionAndTable_onMoto() throws Exception {
        SampleProject.BuildResult provisioned = sample.mvn("package", "sparta:provision");
        assertEquals(0, provisioned.exitCode(), provisioned.describe());
        Path templateFile = sample.file("target/sparta/template.json");
        assertEquals(List.of(), cfnLint.errors(templateFile));
        assertPoliciesLintClean(templateFile);
        JsonNode resources = new ObjectMapper().readTree(templateFile.toFile()).path("Resources");
        JsonNode seed = resources.path("ProductSeedResource");
        assertEquals("Custom::TableSeed", seed.path("Type").asText());
        assertEquals(
                "[\"SeederFunction\",\"Arn\"]",
                seed.at("/Properties/ServiceToken/Fn::GetAtt").toString());
        assertEquals("ProductsTable", seed.at("/Properties/TableName/Ref").asText());
        assertEquals(
                "com.example.catalog.Seeder",
                resources.at("/SeederFunction/Properties/Handler").asText());
        assertEquals(
                "[{\"Fn::GetAtt\":[\"ProductsTable\",\"Arn\"]},{\"Fn::Sub\":\"${ProductsTable.Arn}/index/*\"}]",
                resources
                        .at("/SeederRole/Properties/Policies/1/PolicyDocument/Statement/0/Resource")
                        .toString(),
                "the handler's role reaches the table it seeds and nothing else");
        assertTrue(
                aws.lambda
                                .getFunction(r -> r.functionName("custom-resource-Seeder"))
                                .configuration()
                        != null,
                "moto created the handler");
        assertEquals(List.of(), rows(), "moto ran no Lambda code: nothing is seeded yet");
    }

    @Test
    @Order(2)
    void createPutsTheSeedRowsInTheStacksTable_onMoto() {
        SampleProject.BuildResult created = send("Create");
        assertEquals(0, created.exitCode(), created.describe());
        assertTrue(
                created.logContains(
                        "Create of ProductSeedResource SUCCESS: physical id seed-" + table() + ", data {RowCount=2}"),
                created.describe());
        assertEquals(List.of("apple", "pear"), rows());
    }

    @Test
    @Order(3)
    void anUpdateWithAChangedPropertyCarriesTheOldOneAndReplacesTheRows_onMoto() throws Exception {
        Path catalog = sample.file("src/main/java/com/example/catalog/Catalog.java");
        Files.writeString(catalog, Files.readString(catalog).replace("\"apple,pear\"", "\"apple,plum\""));
        SampleProject.BuildResult provisioned = sample.mvn("package", "sparta:provision");
        assertEquals(0, provisioned.exitCode(), provisioned.describe());
        assertTrue(provisioned.logContains("Modify  ProductSeedResource  Custom::TableSeed"), provisioned.describe());
        SampleProject.BuildResult updated = send("Update");
        assertEquals(0, updated.exitCode(), updated.describe());
        assertEquals(List.of("apple", "plum"), rows());
    }

    @Test
    @Order(4)
    void deleteRemovesTheSeedRowsThenTheStackGoes_onMoto() {
        SampleProject.BuildResult deleted = send("Delete");
        assertEquals(0, deleted.exitCode(), deleted.describe());
        assertEquals(List.of(), rows());
        SampleProject.BuildResult gone = sample.mvn("sparta:delete");
        assertEquals(0, gone.exitCode(), gone.describe());
    }
}
