package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.api.FunctionOptions;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.SpartaUserException;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DependencyLayerTemplateTest {

    private static LambdaFunction function(String name, LambdaRuntime runtime, List<String> layers) {
        return function(name, runtime, layers, false);
    }

    private static LambdaFunction function(String name, LambdaRuntime runtime, List<String> layers, boolean snapStart) {
        return new LambdaFunction(
                name,
                name.substring(0, 1).toUpperCase() + name.substring(1),
                "acme." + name,
                "acme." + name,
                "",
                512,
                10,
                runtime,
                Architecture.ARM64,
                new TreeMap<>(),
                30,
                new FunctionOptions(-1, false, 512, layers, "", snapStart),
                List.of());
    }

    private static ServiceModel service(LambdaFunction... functions) {
        return new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(functions));
    }

    @Test
    void everyFunctionListsTheLayerFirstAndTheLayerComesFromItsKeyParameter() throws Exception {
        String own = "arn:aws:lambda:eu-west-1:123456789012:layer:otel:3";
        ServiceModel service = service(
                function("hello", LambdaRuntime.JAVA21, List.of(own)),
                function("shout", LambdaRuntime.JAVA17, List.of()));
        ObjectNode template = ServiceTemplate.marshal(service);

        DependencyLayerTemplate.add(template, service);

        JsonNode resources = template.path("Resources");
        assertEquals(
                "[{\"Ref\":\"DependenciesLayer\"},\"" + own + "\"]",
                resources
                        .path("HelloFunction")
                        .path("Properties")
                        .path("Layers")
                        .toString());
        assertEquals(
                "[{\"Ref\":\"DependenciesLayer\"}]",
                resources
                        .path("ShoutFunction")
                        .path("Properties")
                        .path("Layers")
                        .toString());
        JsonNode layer = resources.path("DependenciesLayer");
        assertEquals("AWS::Lambda::LayerVersion", layer.path("Type").asText());
        assertEquals(
                "{\"S3Bucket\":{\"Ref\":\"ArtifactBucket\"},\"S3Key\":{\"Ref\":\"DependenciesLayerKey\"}}",
                layer.path("Properties").path("Content").toString());
        assertEquals(
                "[\"java17\",\"java21\"]",
                layer.path("Properties").path("CompatibleRuntimes").toString());
        assertEquals(
                "String",
                template.path("Parameters")
                        .path("DependenciesLayerKey")
                        .path("Type")
                        .asText());
    }

    @Test
    void aFunctionWithFiveLayersOfItsOwnIsNamedForLambdaAllowsFive() {
        List<String> five = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "arn:aws:lambda:eu-west-1:123456789012:layer:l" + i + ":1")
                .toList();
        ServiceModel service = service(function("hello", LambdaRuntime.JAVA21, five));
        ObjectNode template = ServiceTemplate.marshal(service);

        SpartaUserException e =
                assertThrows(SpartaUserException.class, () -> DependencyLayerTemplate.add(template, service));

        assertEquals(
                "function \"hello\" (acme.hello) lists 5 layers, and the service's dependency layer would make 6;"
                        + " Lambda allows 5. Drop one, or put the dependencies in the jar: declare maven-shade-plugin"
                        + " before sparta-maven-plugin",
                e.getMessage());
    }

    @Test
    void aSnapStartFunctionPublishesANewVersionWhenOnlyItsDependenciesChange() throws Exception {
        ServiceModel service = service(function("hello", LambdaRuntime.JAVA21, List.of(), true));
        ObjectNode template = ServiceTemplate.marshal(service);
        String before = template.path("Resources")
                .path("HelloVersion")
                .path("Properties")
                .path("Description")
                .path("Fn::Sub")
                .asText();

        DependencyLayerTemplate.add(template, service);

        assertEquals(
                before.replace("code ${ArtifactKey}", "code ${ArtifactKey} layer ${DependenciesLayerKey}"),
                template.path("Resources")
                        .path("HelloVersion")
                        .path("Properties")
                        .path("Description")
                        .path("Fn::Sub")
                        .asText());
        assertEquals(true, before.startsWith("code ${ArtifactKey} configuration "), before);
    }
}
