package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.ConcretePolicies;
import io.sparta.testkit.PolicyLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CodeDeploy traffic shifting from source to template: the application, its role, a deployment group per function,
 * Sparta's alarm or the named ones, the alias's update policy and the hooks' grants; cfn-lint and parliament judge,
 * with and without SnapStart, whole and split into nested stacks.
 */
class TrafficShiftingTemplateTest {

    static final String ORDERS = """
            package acme;
            import io.sparta.annotations.*;
            public class Orders {
                @SpartaLambda(name = "Orders", deployment = DeploymentType.CANARY_10_PERCENT_5_MINUTES,
                    preTrafficHook = "CheckOrders", postTrafficHook = "Announce")
                @HttpRoute(method = "GET", path = "/orders")
                public String orders(String in) { return in; }
                @SpartaLambda(name = "Carts", snapStart = true, deployment = DeploymentType.LINEAR_10_PERCENT_EVERY_1_MINUTE,
                    deploymentAlarms = {"${OnCallAlarm}", "carts-latency"})
                public String carts(String in) { return in; }
                @SpartaLambda(name = "CheckOrders")
                public String check(java.util.Map<String, Object> event) { return ""; }
                @SpartaLambda(name = "Announce")
                public String announce(java.util.Map<String, Object> event) { return ""; }
                @SpartaLambda(name = "Plain")
                public String plain(String in) { return in; }
            }
            """;

    @TempDir
    static Path work;

    private static ServiceModel service;
    private static ObjectNode template;
    private static JsonNode resources;

    @BeforeAll
    static void marshal() throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Orders.java", ORDERS));
        service = new ServiceModelBuilder()
                .build(
                        new ServiceSettings("shop", "shop", Map.of(), new TreeMap<>(Map.of("OnCallAlarm", "oncall"))),
                        new FunctionScanner().scan(classes, JavaSources.testClasspath()));
        template = ServiceTemplate.marshal(service);
        resources = template.path("Resources");
    }

    @Test
    void eachDeployedFunctionGetsAGroupWithItsShiftingRollbackAndAlarms() {
        JsonNode application = resources.path(TrafficShiftingTemplate.APPLICATION);
        assertEquals("AWS::CodeDeploy::Application", application.path("Type").asText());
        assertEquals("Lambda", application.at("/Properties/ComputePlatform").asText());
        assertEquals(
                "${AWS::StackName}",
                application.at("/Properties/ApplicationName/Fn::Sub").asText());

        JsonNode orders = resources.at("/OrdersDeploymentGroup/Properties");
        assertEquals("Orders", orders.path("DeploymentGroupName").asText());
        assertEquals(
                "CodeDeployDefault.LambdaCanary10Percent5Minutes",
                orders.path("DeploymentConfigName").asText());
        assertEquals(
                "{\"DeploymentType\":\"BLUE_GREEN\",\"DeploymentOption\":\"WITH_TRAFFIC_CONTROL\"}",
                orders.path("DeploymentStyle").toString());
        assertEquals(
                "[\"DEPLOYMENT_FAILURE\",\"DEPLOYMENT_STOP_ON_ALARM\",\"DEPLOYMENT_STOP_ON_REQUEST\"]",
                orders.at("/AutoRollbackConfiguration/Events").toString());
        assertEquals(
                "[{\"Name\":{\"Fn::Sub\":\"${AWS::StackName}-Orders-deployment-errors\"}}]",
                orders.at("/AlarmConfiguration/Alarms").toString(),
                "without named alarms, Sparta's own");
        JsonNode alarm = resources.at("/OrdersDeploymentAlarm/Properties");
        assertEquals("Errors", alarm.path("MetricName").asText());
        assertEquals(
                "${OrdersFunction}:live",
                alarm.at("/Dimensions/1/Value/Fn::Sub").asText());

        JsonNode carts = resources.at("/CartsDeploymentGroup/Properties");
        assertEquals(
                "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
                carts.path("DeploymentConfigName").asText());
        assertEquals(
                "[{\"Name\":{\"Fn::Sub\":\"${OnCallAlarm}\"}},{\"Name\":\"carts-latency\"}]",
                carts.at("/AlarmConfiguration/Alarms").toString());
        assertFalse(resources.has("CartsDeploymentAlarm"), "named alarms replace Sparta's");
        assertFalse(resources.has("PlainDeploymentGroup"));
        assertFalse(resources.has("PlainAlias"), "a function deployed at once publishes no alias");
    }

    @Test
    void theAliasHandsNewVersionsToCodeDeployWithItsHooks() {
        JsonNode orders = resources.path("OrdersAlias");
        JsonNode update = orders.at("/UpdatePolicy/CodeDeployLambdaAliasUpdate");
        assertEquals("CodeDeployApplication", update.at("/ApplicationName/Ref").asText());
        assertEquals(
                "OrdersDeploymentGroup", update.at("/DeploymentGroupName/Ref").asText());
        assertEquals(
                "CheckOrdersFunction", update.at("/BeforeAllowTrafficHook/Ref").asText(), "the alias waits for it");
        assertEquals("AnnounceFunction", update.at("/AfterAllowTrafficHook/Ref").asText());
        assertEquals(
                "OrdersVersion",
                resources
                        .at("/CheckOrdersFunction/Properties/Environment/Variables/SPARTA_NEW_VERSION_ORDERS/Ref")
                        .asText(),
                "the hook is told the version it tests");
        assertEquals("[\"OrdersDeploymentAlarm\"]", orders.path("DependsOn").toString());
        assertEquals(
                "OrdersVersion",
                orders.at("/Properties/FunctionVersion/Fn::GetAtt/0").asText());
        assertEquals(
                "OrdersAlias",
                resources
                        .at("/OrdersHttpIntegration/Properties/IntegrationUri/Ref")
                        .asText(),
                "the route calls the alias CodeDeploy shifts");
        JsonNode carts = resources.path("CartsAlias");
        assertEquals(
                "CartsDeploymentGroup",
                carts.at("/UpdatePolicy/CodeDeployLambdaAliasUpdate/DeploymentGroupName/Ref")
                        .asText());
        assertEquals(
                "PublishedVersions",
                resources.at("/CartsFunction/Properties/SnapStart/ApplyOn").asText(),
                "with SnapStart too");
    }

    @Test
    void theHookMayReportItsVerdictAndCallTheNewVersionAndCodeDeployMayCallTheHooks() {
        String hook = resources.at("/CheckOrdersRole/Properties/Policies").toString();
        assertTrue(hook.contains("codedeploy:PutLifecycleEventHookExecutionStatus"), hook);
        assertTrue(hook.contains("\"Resource\":\"*\""), "the verdict takes no resource: " + hook);
        assertTrue(hook.contains("function:${AWS::StackName}-Orders:*"), hook);
        assertFalse(resources.at("/PlainRole/Properties/Policies").toString().contains("codedeploy"));
        String role = resources.at("/CodeDeployServiceRole/Properties").toString();
        assertTrue(role.contains("codedeploy.amazonaws.com"), role);
        assertTrue(role.contains("function:${AWS::StackName}-Announce\""), role);
        assertTrue(role.contains("function:${AWS::StackName}-CheckOrders\""), role);
    }

    @Test
    void cfnLintAndParliamentPassTheWholeTemplate() throws Exception {
        Path file = Files.write(work.resolve("shifting.json"), TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
        assertEquals(
                List.of(),
                new PolicyLint(PythonTools.fromSystemProperties())
                        .findingsAboveLow(ConcretePolicies.of(template, "shop")));
    }

    @Test
    void splitIntoNestedStacksEachGroupAndAlarmGoWithTheirFunctionAndEveryTemplateIsCfnLintClean() throws Exception {
        NestedStacks.Result result = NestedStacks.split(
                ServiceTemplate.marshal(service),
                service.functions().stream()
                        .map(LambdaFunction::functionLogicalId)
                        .toList(),
                "shop",
                4);
        assertEquals(List.of(), result.problems());
        assertTrue(result.split().parent().path("Resources").has(TrafficShiftingTemplate.APPLICATION));
        for (String function : List.of("Orders", "Carts")) {
            String stack = stackOf(result, function + "Function");
            assertEquals(stack, stackOf(result, function + "DeploymentGroup"), function);
            assertEquals(stack, stackOf(result, function + "Alias"), function);
        }
        assertEquals(stackOf(result, "OrdersFunction"), stackOf(result, "OrdersDeploymentAlarm"));
        assertEquals(
                stackOf(result, "OrdersFunction"),
                stackOf(result, "CheckOrdersFunction"),
                "a hook shares the stack of the functions it hooks, which would otherwise wait for each other");
        assertEquals(stackOf(result, "OrdersFunction"), stackOf(result, "AnnounceFunction"));
        List<Path> files = new ArrayList<>();
        files.add(Files.write(
                work.resolve("split-parent.json"),
                TemplateJson.bytes(result.split().parent())));
        for (NestedStacks.Nested nested : result.split().nested()) {
            files.add(Files.write(work.resolve("split-" + nested.logicalId() + ".json"), nested.bytes()));
        }
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(files));
    }

    private static String stackOf(NestedStacks.Result result, String id) {
        return result.split().nested().stream()
                .filter(nested -> nested.template().path("Resources").has(id))
                .map(NestedStacks.Nested::logicalId)
                .findFirst()
                .orElse("parent");
    }
}
