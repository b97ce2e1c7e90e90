package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.FunctionOptions;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerModuleTemplateTest {

    private static final String OTEL = "arn:aws:lambda:eu-west-1:123456789012:layer:otel:3";

    @TempDir
    Path work;

    private static LambdaFunction function(String name, List<String> layers, boolean snapStart) {
        return io.sparta.core.TestFunctions.function(
                name,
                name.substring(0, 1).toUpperCase() + name.substring(1),
                new FunctionOptions(-1, false, 512, layers, "", snapStart));
    }

    private static ServiceModel service(LambdaFunction... functions) {
        return new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(functions));
    }

    /** Layer modules of these names, their jars beside the point here. */
    private static io.sparta.core.archive.LayerModules modules(String... names) {
        java.util.Map<String, List<io.sparta.core.archive.DependencyLayer.Dependency>> modules = new TreeMap<>();
        for (String name : names) {
            modules.put(name, List.of());
        }
        return io.sparta.core.archive.LayerModules.of(modules);
    }

    private static String layers(ObjectNode template, String logicalId) {
        return template.path("Resources")
                .path(logicalId)
                .path("Properties")
                .path("Layers")
                .toString();
    }

    @Test
    void aNamedModuleBecomesOneLayerVersionReferencedWhereEachFunctionWroteItsName() throws Exception {
        ServiceModel service = service(
                function("hello", List.of(OTEL, "shared-lib"), false),
                function("shout", List.of("shared-lib"), false),
                function("quiet", List.of(), false));
        ObjectNode template = ServiceTemplate.marshal(service);

        LayerModuleTemplate.add(template, service, modules("shared-lib", "sparta-annotations"), List.of("orders"));

        assertEquals("[\"" + OTEL + "\",{\"Ref\":\"LayerSharedLib\"}]", layers(template, "HelloFunction"));
        assertEquals("[{\"Ref\":\"LayerSharedLib\"}]", layers(template, "ShoutFunction"));
        assertEquals("", layers(template, "QuietFunction"));
        JsonNode layer = template.path("Resources").path("LayerSharedLib");
        assertEquals("AWS::Lambda::LayerVersion", layer.path("Type").asText());
        assertEquals(
                "{\"Fn::Sub\":\"${AWS::StackName}-shared-lib\"}",
                layer.path("Properties").path("LayerName").toString());
        assertEquals(
                "{\"S3Bucket\":{\"Ref\":\"ArtifactBucket\"},\"S3Key\":{\"Ref\":\"LayerSharedLibKey\"}}",
                layer.path("Properties").path("Content").toString());
        assertEquals(
                "[\"java21\"]",
                layer.path("Properties").path("CompatibleRuntimes").toString());
        assertEquals(
                "String",
                template.path("Parameters")
                        .path("LayerSharedLibKey")
                        .path("Type")
                        .asText());
        assertFalse(
                template.path("Resources").has("LayerSpartaAnnotations"), "a provided dependency no function lists");

        // With the dependency layer too: it comes first, the module where the function wrote it.
        DependencyLayerTemplate.add(template, service);
        assertEquals(
                "[{\"Ref\":\"DependenciesLayer\"},\"" + OTEL + "\",{\"Ref\":\"LayerSharedLib\"}]",
                layers(template, "HelloFunction"));
        Path file = work.resolve("template.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }

    @Test
    void aSnapStartFunctionPublishesANewVersionWhenOnlyItsLayerModuleChanges() throws Exception {
        ServiceModel service =
                service(function("hello", List.of("shared-lib", "tools"), true), function("shout", List.of(), true));
        ObjectNode template = ServiceTemplate.marshal(service);
        String before = description(template, "HelloVersion");
        String unlisted = description(template, "ShoutVersion");

        LayerModuleTemplate.add(template, service, modules("shared-lib", "tools"), List.of("orders"));

        assertEquals(
                before.replace(
                        "code ${ArtifactKey}", "code ${ArtifactKey} layer ${LayerSharedLibKey} layer ${LayerToolsKey}"),
                description(template, "HelloVersion"));
        assertEquals(unlisted, description(template, "ShoutVersion"), "a function that lists no module");
    }

    private static String description(ObjectNode template, String versionId) {
        return template.path("Resources")
                .path(versionId)
                .path("Properties")
                .path("Description")
                .path("Fn::Sub")
                .asText();
    }

    @Test
    void aNameTheBuildDoesNotOfferIsNamedWithTheDependencyToAddAndEveryProblemAtOnce() {
        ServiceModel service = service(
                function("hello", List.of("shared-lib", "shared_lib"), false),
                function("shout", List.of("missing"), false));
        ObjectNode template = ServiceTemplate.marshal(service);
        String longStack = "s".repeat(130);

        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> LayerModuleTemplate.add(
                        template, service, modules("shared-lib", "shared_lib"), List.of("orders", longStack)));

        assertEquals(
                "4 problem(s) with layer modules:\n"
                        + "  - function \"shout\" (acme.Shout) lists layer \"missing\", which is not a layer version"
                        + " ARN and not a provided dependency of this module (those are [shared-lib, shared_lib])."
                        + " To build that layer from a module, add <dependency><groupId>…</groupId><artifactId>missing"
                        + "</artifactId><version>…</version><scope>provided</scope></dependency> to the pom"
                        + " (provided: the layer brings it at run time); or write its layer version ARN\n"
                        + "  - layer \"shared-lib\" would be named " + longStack + "-shared-lib, 141 characters;"
                        + " Lambda allows 140. Shorten the stack name or the module's artifactId\n"
                        + "  - layers \"shared-lib\" and \"shared_lib\" both make the logical id LayerSharedLib; rename"
                        + " one of the modules\n"
                        + "  - layer \"shared_lib\" would be named " + longStack + "-shared_lib, 141 characters;"
                        + " Lambda allows 140. Shorten the stack name or the module's artifactId",
                e.getMessage());
    }

    @Test
    void aTypoIsAnsweredWithTheNameItMeantAndACompileDependencyWithTheScopeToSet() {
        ServiceModel service =
                service(function("hello", List.of("shared-libb"), false), function("shout", List.of("tools"), false));
        ObjectNode template = ServiceTemplate.marshal(service);
        io.sparta.core.archive.LayerModules modules = new io.sparta.core.archive.LayerModules() {
            @Override
            public java.util.Set<String> names() {
                return java.util.Set.of("shared-lib");
            }

            @Override
            public List<io.sparta.core.archive.DependencyLayer.Dependency> jars(String name) {
                return List.of();
            }

            @Override
            public java.util.Optional<String> declaredOtherwise(String name) {
                return name.equals("tools")
                        ? java.util.Optional.of("com.example:tools with scope compile")
                        : java.util.Optional.empty();
            }
        };

        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> LayerModuleTemplate.add(template, service, modules, List.of("orders")));

        assertEquals(
                "2 problem(s) with layer modules:\n"
                        + "  - function \"hello\" (acme.Hello) lists layer \"shared-libb\", which is not a layer version"
                        + " ARN and not a provided dependency of this module (those are [shared-lib]). Did you mean"
                        + " \"shared-lib\"? To build that layer from a module, add <dependency><groupId>…</groupId>"
                        + "<artifactId>shared-libb</artifactId><version>…</version><scope>provided</scope></dependency>"
                        + " to the pom (provided: the layer brings it at run time); or write its layer version ARN\n"
                        + "  - function \"shout\" (acme.Shout) lists layer \"tools\", and this module depends on"
                        + " com.example:tools with scope compile; a layer module must be <scope>provided</scope>, since"
                        + " the layer brings it at run time: set that scope on the dependency",
                e.getMessage());
    }
}
