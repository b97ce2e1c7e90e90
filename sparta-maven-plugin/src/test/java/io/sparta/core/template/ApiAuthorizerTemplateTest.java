package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.Checkov;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JWT, Lambda and Cognito authorizers from source to template, through the scanner and the model builder, judged by
 * cfn-lint and checkov's CKV_AWS_59.
 */
class ApiAuthorizerTemplateTest {

    static final String SECURITY = """
            package acme;
            import io.sparta.annotations.*;
            @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "${Issuer}", audiences = "shop-web")
            @Authorizer(name = "partners", type = AuthorizerType.LAMBDA, function = "PartnerKeys",
                identitySources = {"$request.header.X-Api-Key", "$request.querystring.tenant"}, resultTtlSeconds = 60)
            @Authorizer(name = "pool", type = AuthorizerType.COGNITO_USER_POOLS,
                userPoolArns = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123")
            public class Security {}
            """;
    static final String ORDERS = """
            package acme;
            import io.sparta.annotations.*;
            public class Orders {
                @SpartaLambda(name = "Orders")
                @HttpRoute(method = "GET", path = "/orders", authorizer = "users", scopes = "orders/read")
                @HttpRoute(method = "POST", path = "/orders", authorizer = "partners")
                @HttpRoute(method = "GET", path = "/health", authorizer = HttpRoute.NONE)
                @HttpRoute(method = "GET", path = "/orders", api = ApiKind.REST, authorizer = "pool",
                    scopes = {"orders/read", "orders/admin"})
                @HttpRoute(method = "POST", path = "/orders", api = ApiKind.REST, authorizer = "partners")
                @HttpRoute(method = "GET", path = "/me", api = ApiKind.REST)
                public String handle(String in) { return in; }
                @SpartaLambda(name = "PartnerKeys")
                public String keys(String in) { return in; }
            }
            """;

    @TempDir
    static Path work;

    private static Path classes;
    private static JsonNode template;
    private static JsonNode resources;

    @BeforeAll
    static void marshal() throws Exception {
        classes = JavaSources.compile(work, Map.of("acme/Security.java", SECURITY, "acme/Orders.java", ORDERS));
        template = ServiceTemplate.marshal(service("pool"));
        resources = template.path("Resources");
    }

    private static ServiceModel service(String defaultAuthorizer) throws Exception {
        HttpApiSettings http = new HttpApiSettings(
                HttpApiSettings.DEFAULT_STAGE,
                HttpApiSettings.Cors.NONE,
                HttpApiSettings.AccessLogs.NONE,
                HttpApiSettings.Throttling.NONE,
                HttpApiSettings.Domain.NONE,
                defaultAuthorizer);
        return new ServiceModelBuilder()
                .build(
                        new ServiceSettings(
                                "shop",
                                "shop",
                                Map.of(),
                                new TreeMap<>(Map.of("Issuer", "https://issuer.example.com")),
                                Map.of(),
                                http),
                        new FunctionScanner().scan(classes, JavaSources.testClasspath()));
    }

    @Test
    void aJwtAuthorizerGuardsItsHttpRoutesWithScopes() {
        JsonNode authorizer = resources.at("/UsersHttpAuthorizer/Properties");
        assertEquals(
                "AWS::ApiGatewayV2::Authorizer",
                resources.at("/UsersHttpAuthorizer/Type").asText());
        assertEquals("JWT", authorizer.path("AuthorizerType").asText());
        assertEquals(
                "{\"Fn::Sub\":\"${Issuer}\"}",
                authorizer.at("/JwtConfiguration/Issuer").toString());
        assertEquals(
                "[\"shop-web\"]", authorizer.at("/JwtConfiguration/Audience").toString());
        assertEquals(
                "[\"$request.header.Authorization\"]",
                authorizer.path("IdentitySource").toString());
        JsonNode route = resources.at("/OrdersHttpRoute1/Properties");
        assertEquals("JWT", route.path("AuthorizationType").asText());
        assertEquals("UsersHttpAuthorizer", route.at("/AuthorizerId/Ref").asText());
        assertEquals("[\"orders/read\"]", route.path("AuthorizationScopes").toString());
        assertFalse(resources.at("/OrdersHttpRoute3/Properties").has("AuthorizationType"), "NONE stays open");
    }

    @Test
    void aLambdaAuthorizerIsWrittenForEachApiThatUsesItWithItsOwnPermission() {
        JsonNode http = resources.at("/PartnersHttpAuthorizer/Properties");
        assertEquals("REQUEST", http.path("AuthorizerType").asText());
        assertEquals("2.0", http.path("AuthorizerPayloadFormatVersion").asText());
        assertEquals(true, http.path("EnableSimpleResponses").asBoolean());
        assertEquals(60, http.path("AuthorizerResultTtlInSeconds").asInt());
        assertEquals(
                "[\"$request.header.X-Api-Key\",\"$request.querystring.tenant\"]",
                http.path("IdentitySource").toString());
        assertEquals(
                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                        + "${PartnerKeysFunction.Arn}/invocations",
                http.at("/AuthorizerUri/Fn::Sub").asText());
        assertEquals(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/authorizers/"
                        + "${PartnersHttpAuthorizer}",
                resources
                        .at("/PartnersHttpAuthorizerPermission/Properties/SourceArn/Fn::Sub")
                        .asText());
        assertEquals(
                "CUSTOM",
                resources.at("/OrdersHttpRoute2/Properties/AuthorizationType").asText());

        JsonNode rest = resources.at("/PartnersRestAuthorizer/Properties");
        assertEquals("REQUEST", rest.path("Type").asText());
        assertEquals(
                "method.request.header.X-Api-Key,method.request.querystring.tenant",
                rest.path("IdentitySource").asText());
        assertEquals(
                "${RestApi}/authorizers/${PartnersRestAuthorizer}",
                resources
                        .at("/PartnersRestAuthorizerPermission/Properties/SourceArn/Fn::Sub")
                        .asText()
                        .replaceFirst(".*:", ""));
        assertEquals(
                "CUSTOM",
                resources.at("/OrdersRestMethod2/Properties/AuthorizationType").asText());
        assertEquals(
                "PartnersRestAuthorizer",
                resources.at("/OrdersRestMethod2/Properties/AuthorizerId/Ref").asText());
    }

    @Test
    void aCognitoAuthorizerGuardsRestMethodsAndIsTheDefaultOfTheRouteWithoutOne() {
        JsonNode pool = resources.at("/PoolRestAuthorizer/Properties");
        assertEquals("COGNITO_USER_POOLS", pool.path("Type").asText());
        assertEquals(
                "method.request.header.Authorization",
                pool.path("IdentitySource").asText());
        assertEquals(
                "[\"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123\"]",
                pool.path("ProviderARNs").toString());
        JsonNode method = resources.at("/OrdersRestMethod1/Properties");
        assertEquals("COGNITO_USER_POOLS", method.path("AuthorizationType").asText());
        assertEquals(
                "[\"orders/read\",\"orders/admin\"]",
                method.path("AuthorizationScopes").toString());
        JsonNode fallback = resources.at("/OrdersRestMethod3/Properties");
        assertEquals("COGNITO_USER_POOLS", fallback.path("AuthorizationType").asText(), "<defaultAuthorizer>pool");
        assertFalse(fallback.has("AuthorizationScopes"));
        assertFalse(resources.has("PoolHttpAuthorizer"), "no HTTP route uses the Cognito authorizer");
        assertFalse(resources.has("UsersRestAuthorizer"), "no REST route uses the JWT authorizer");
    }

    @Test
    void anAuthorizerChangeRedeploysTheRestApi() throws Exception {
        JsonNode open = ServiceTemplate.marshal(service(""));
        assertEquals(
                "NONE",
                open.at("/Resources/OrdersRestMethod3/Properties/AuthorizationType")
                        .asText());
        assertNotEquals(deployment(template), deployment(open));
    }

    private static String deployment(JsonNode template) {
        List<String> ids = new java.util.ArrayList<>();
        template.path("Resources").fieldNames().forEachRemaining(ids::add);
        return ids.stream()
                .filter(id -> id.startsWith("RestApiDeployment"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void splitIntoNestedStacksALambdaAuthorizerGoesWithItsFunctionAndEveryTemplateIsCfnLintClean() throws Exception {
        ServiceModel service = service("pool");
        NestedStacks.Result result = NestedStacks.split(
                ServiceTemplate.marshal(service),
                service.functions().stream()
                        .map(io.sparta.api.LambdaFunction::functionLogicalId)
                        .toList(),
                "shop",
                2);
        assertEquals(List.of(), result.problems());
        assertEquals(
                "AWS::ApiGatewayV2::Authorizer",
                result.split()
                        .parent()
                        .at("/Resources/UsersHttpAuthorizer/Type")
                        .asText());
        String keysStack = result.split().nested().stream()
                .filter(nested -> nested.template().path("Resources").has("PartnerKeysFunction"))
                .findFirst()
                .orElseThrow()
                .logicalId();
        for (String id :
                List.of("PartnersHttpAuthorizer", "PartnersHttpAuthorizerPermission", "PartnersRestAuthorizer")) {
            assertEquals(
                    keysStack,
                    result.split().nested().stream()
                            .filter(nested ->
                                    nested.template().path("Resources").has(id))
                            .findFirst()
                            .orElseThrow()
                            .logicalId(),
                    id);
        }
        List<Path> files = new java.util.ArrayList<>();
        files.add(Files.write(
                work.resolve("parent.json"), TemplateJson.bytes(result.split().parent())));
        for (NestedStacks.Nested nested : result.split().nested()) {
            files.add(Files.write(work.resolve(nested.logicalId() + ".json"), nested.bytes()));
        }
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(files));
    }

    @Test
    void cfnLintHasNoErrorsAndCheckovFindsEveryMethodAuthorized() throws Exception {
        Path file = work.resolve("authorizers.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
        assertEquals(
                Map.of(
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod1", "PASSED",
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod2", "PASSED",
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod3", "PASSED"),
                new Checkov(PythonTools.checkov()).results(file, List.of("CKV_AWS_59")));
    }
}
