package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.UrlAuth;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTemplatesTest {

    private static final Cors CORS = new Cors(
            List.of("https://app.example.com"), List.of("GET", "POST"), List.of("Content-Type"), List.of(), 600, true);

    @TempDir
    Path work;

    /** The services these tests build, by name: {@link GeneratedPoliciesLintTest} lints their policies too. */
    static Map<String, ServiceModel> models() {
        Map<String, ServiceModel> models = new LinkedHashMap<>();
        models.put("http-api", httpApi());
        models.put("rest-api", restApi());
        models.put("urls", urls());
        models.put("snapstart-triggers", snapStartTriggers());
        return models;
    }

    private static ServiceModel httpApi() {
        LambdaFunction orders = TestFunctions.function(
                "orders",
                "Orders",
                List.of(
                        new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders/{id}"),
                        new HttpRouteTrigger(ApiKind.HTTP, "ANY", "/orders/{id}/items/{rest+}")));
        LambdaFunction health =
                TestFunctions.function("health", "Health", List.of(new HttpRouteTrigger(ApiKind.HTTP, "GET", "/")));
        return service(new HttpApiSettings("v1", CORS), orders, health);
    }

    private static LambdaFunction restOrders() {
        return TestFunctions.function(
                "orders",
                "Orders",
                List.of(
                        new HttpRouteTrigger(ApiKind.REST, "GET", "/orders/{id}"),
                        new HttpRouteTrigger(ApiKind.REST, "POST", "/orders"),
                        new HttpRouteTrigger(ApiKind.REST, "ANY", "/files/{path+}")));
    }

    private static ServiceModel restApi() {
        return service(new HttpApiSettings(HttpApiSettings.DEFAULT_STAGE, CORS), restOrders());
    }

    private static ServiceModel urls() {
        LambdaFunction open = TestFunctions.function("open", "Open", List.of(new FunctionUrlTrigger(UrlAuth.NONE)));
        LambdaFunction signed =
                TestFunctions.function("signed", "Signed", List.of(new FunctionUrlTrigger(UrlAuth.AWS_IAM)));
        return service(HttpApiSettings.DEFAULTS, open, signed);
    }

    private static ServiceModel snapStartTriggers() {
        LambdaFunction fast = TestFunctions.function(
                "fast",
                "Fast",
                new io.sparta.api.FunctionOptions(
                        -1,
                        false,
                        512,
                        List.of(),
                        "",
                        true,
                        List.of(),
                        List.of(),
                        new TreeMap<>(),
                        "arn:aws:sqs:us-east-1:123456789012:failed"),
                List.of(
                        new HttpRouteTrigger(ApiKind.HTTP, "GET", "/fast"),
                        new HttpRouteTrigger(ApiKind.REST, "GET", "/fast"),
                        new FunctionUrlTrigger(UrlAuth.NONE),
                        new io.sparta.api.ScheduleTrigger("rate(1 hour)", "", true)));
        return service(HttpApiSettings.DEFAULTS, fast);
    }

    @Test
    void httpRoutesShareOneApiWithAnIntegrationPerFunctionAndAPermissionPerRoute() throws Exception {
        JsonNode template = ServiceTemplate.marshal(httpApi());
        JsonNode resources = template.path("Resources");

        assertEquals("HTTP", resources.at("/HttpApi/Properties/ProtocolType").asText());
        JsonNode cors = resources.at("/HttpApi/Properties/CorsConfiguration");
        assertEquals("[\"https://app.example.com\"]", cors.path("AllowOrigins").toString());
        assertEquals(600, cors.path("MaxAge").asInt());
        assertTrue(cors.path("AllowCredentials").asBoolean());
        assertEquals("v1", resources.at("/HttpApiStage/Properties/StageName").asText());

        JsonNode integration = resources.at("/OrdersHttpIntegration/Properties");
        assertEquals("AWS_PROXY", integration.path("IntegrationType").asText());
        assertEquals("2.0", integration.path("PayloadFormatVersion").asText());
        assertEquals(
                "GET /orders/{id}",
                resources.at("/OrdersHttpRoute1/Properties/RouteKey").asText());
        assertEquals(
                "integrations/${OrdersHttpIntegration}",
                resources.at("/OrdersHttpRoute1/Properties/Target/Fn::Sub").asText());
        assertEquals(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/GET/orders/*",
                resources
                        .at("/OrdersHttpRoute1Permission/Properties/SourceArn/Fn::Sub")
                        .asText());
        assertEquals(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/*/orders/*/items/*",
                resources
                        .at("/OrdersHttpRoute2Permission/Properties/SourceArn/Fn::Sub")
                        .asText());
        assertEquals(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/GET/",
                resources
                        .at("/HealthHttpRoute1Permission/Properties/SourceArn/Fn::Sub")
                        .asText());
        assertEquals(
                "apigateway.amazonaws.com",
                resources.at("/HealthHttpRoute1Permission/Properties/Principal").asText());
        assertEquals(
                "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/v1/",
                template.at("/Outputs/HttpApiUrl/Value/Fn::Sub").asText());
        assertFalse(resources.has("RestApi"));
        assertLintClean(template, "http-api.json");
    }

    @Test
    void restRoutesBuildAResourceTreeWithProxyMethodsPreflightAndAContentNamedDeployment() throws Exception {
        LambdaFunction orders = restOrders();
        JsonNode template = ServiceTemplate.marshal(restApi());
        JsonNode resources = template.path("Resources");

        assertEquals(
                "[\"RestApi\",\"RootResourceId\"]",
                resources.at("/RestOrders/Properties/ParentId/Fn::GetAtt").toString());
        assertEquals(
                "RestOrders",
                resources.at("/RestOrdersIdParam/Properties/ParentId/Ref").asText());
        assertEquals(
                "{id}", resources.at("/RestOrdersIdParam/Properties/PathPart").asText());
        assertEquals(
                "{path+}",
                resources.at("/RestFilesPathGreedy/Properties/PathPart").asText());

        JsonNode get = resources.at("/OrdersRestMethod1/Properties");
        assertEquals("GET", get.path("HttpMethod").asText());
        assertEquals("RestOrdersIdParam", get.at("/ResourceId/Ref").asText());
        assertEquals("AWS_PROXY", get.at("/Integration/Type").asText());
        assertEquals("POST", get.at("/Integration/IntegrationHttpMethod").asText());
        assertTrue(get.at("/Integration/Uri/Fn::Sub").asText().contains("${OrdersFunction.Arn}/invocations"));
        assertEquals(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestApi}/*/POST/orders",
                resources
                        .at("/OrdersRestMethod2Permission/Properties/SourceArn/Fn::Sub")
                        .asText());

        JsonNode preflight = resources.at("/RestOrdersIdParamPreflight/Properties");
        assertEquals("OPTIONS", preflight.path("HttpMethod").asText());
        assertEquals("MOCK", preflight.at("/Integration/Type").asText());
        assertEquals(
                "'https://app.example.com'",
                preflight
                        .at("/Integration/IntegrationResponses/0/ResponseParameters")
                        .path("method.response.header.Access-Control-Allow-Origin")
                        .asText());

        String deployment = deploymentId(resources);
        assertTrue(resources.path(deployment).path("DependsOn").toString().contains("OrdersRestMethod3"));
        assertEquals("api", resources.at("/RestApiStage/Properties/StageName").asText());
        assertEquals(
                deployment,
                resources.at("/RestApiStage/Properties/DeploymentId/Ref").asText());
        assertEquals(
                "https://${RestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${RestApiStage}/",
                template.at("/Outputs/RestApiUrl/Value/Fn::Sub").asText());

        assertEquals(
                deployment,
                deploymentId(
                        marshal(new HttpApiSettings("$default", CORS), orders).path("Resources")));
        LambdaFunction moreRoutes = TestFunctions.function(
                "orders",
                "Orders",
                List.of(
                        new HttpRouteTrigger(ApiKind.REST, "GET", "/orders/{id}"),
                        new HttpRouteTrigger(ApiKind.REST, "POST", "/orders"),
                        new HttpRouteTrigger(ApiKind.REST, "DELETE", "/orders/{id}")));
        assertNotEquals(
                deployment,
                deploymentId(marshal(new HttpApiSettings("$default", CORS), moreRoutes)
                        .path("Resources")));
        assertLintClean(template, "rest-api.json");
    }

    @Test
    void aPublicFunctionUrlIsInvocableThroughTheUrlOnlyAndAnIamOneGrantsNothing() throws Exception {
        JsonNode template = ServiceTemplate.marshal(urls());
        JsonNode resources = template.path("Resources");

        assertEquals("NONE", resources.at("/OpenUrl/Properties/AuthType").asText());
        JsonNode viaUrl = resources.at("/OpenUrlPublicPermission/Properties");
        assertEquals("lambda:InvokeFunctionUrl", viaUrl.path("Action").asText());
        assertEquals("NONE", viaUrl.path("FunctionUrlAuthType").asText());
        JsonNode invoke = resources.at("/OpenUrlPublicInvokePermission/Properties");
        assertEquals("lambda:InvokeFunction", invoke.path("Action").asText());
        assertTrue(invoke.path("InvokedViaFunctionUrl").asBoolean());

        assertEquals("AWS_IAM", resources.at("/SignedUrl/Properties/AuthType").asText());
        List<String> signedPermissions = new ArrayList<>();
        resources.fieldNames().forEachRemaining(id -> {
            if (id.startsWith("Signed") && id.contains("Permission")) {
                signedPermissions.add(id);
            }
        });
        assertEquals(List.of(), signedPermissions);
        assertEquals(
                "[\"SignedUrl\",\"FunctionUrl\"]",
                template.at("/Outputs/SignedUrl/Value/Fn::GetAtt").toString());
        assertLintClean(template, "urls.json");
    }

    private static String deploymentId(JsonNode resources) {
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(id -> {
            if (id.startsWith("RestApiDeployment")) {
                ids.add(id);
            }
        });
        assertEquals(1, ids.size(), ids.toString());
        return ids.get(0);
    }

    private static ServiceModel service(HttpApiSettings http, LambdaFunction... functions) {
        return new ServiceModel(
                "orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(functions), http, List.of());
    }

    private static JsonNode marshal(HttpApiSettings http, LambdaFunction... functions) {
        return ServiceTemplate.marshal(service(http, functions));
    }

    private void assertLintClean(JsonNode template, String fileName) throws Exception {
        Path file = work.resolve(fileName);
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }

    @Test
    void aSnapStartFunctionIsInvokedThroughItsAliasByEveryTriggerAndApi() throws Exception {
        JsonNode template = ServiceTemplate.marshal(snapStartTriggers());
        JsonNode resources = template.path("Resources");
        assertEquals(
                "FastAlias",
                resources
                        .at("/FastHttpIntegration/Properties/IntegrationUri/Ref")
                        .asText());
        assertEquals(
                "FastAlias",
                resources
                        .at("/FastHttpRoute1Permission/Properties/FunctionName/Ref")
                        .asText());
        assertTrue(resources
                .at("/FastRestMethod1/Properties/Integration/Uri/Fn::Sub")
                .asText()
                .contains("/functions/${FastAlias}/invocations"));
        assertEquals("live", resources.at("/FastUrl/Properties/Qualifier").asText());
        assertEquals(
                "FastAlias",
                resources
                        .at("/FastUrlPublicInvokePermission/Properties/FunctionName/Ref")
                        .asText());
        assertEquals(
                "FastAlias",
                resources.at("/FastSchedule1/Properties/Targets/0/Arn/Ref").asText());
        assertEquals(
                "live", resources.at("/FastInvokeConfig/Properties/Qualifier").asText());
        assertLintClean(template, "snapstart-triggers.json");
    }
}
