package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ApiKind;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.AccessLogs;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpApiSettings.Domain;
import io.sparta.api.HttpApiSettings.Throttling;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.Checkov;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM authorization per route and as the APIs' default, judged by cfn-lint and checkov's CKV_AWS_59. */
class RouteAuthorizationTemplateTest {

    @TempDir
    Path work;

    private static ServiceModel service(String defaultAuthorizer) {
        return new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(TestFunctions.function(
                        "orders",
                        "Orders",
                        List.of(
                                new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders"),
                                new HttpRouteTrigger(ApiKind.HTTP, "GET", "/health", "NONE"),
                                new HttpRouteTrigger(ApiKind.REST, "POST", "/orders", "AWS_IAM"),
                                new HttpRouteTrigger(ApiKind.REST, "GET", "/ping")))),
                new HttpApiSettings(
                        HttpApiSettings.DEFAULT_STAGE,
                        Cors.NONE,
                        AccessLogs.NONE,
                        Throttling.NONE,
                        Domain.NONE,
                        defaultAuthorizer),
                List.of());
    }

    @Test
    void aRoutesOwnAuthorizerWinsAndTheDefaultCoversTheRest() throws Exception {
        JsonNode template = ServiceTemplate.marshal(service("AWS_IAM"));
        JsonNode resources = template.path("Resources");
        assertEquals(
                "AWS_IAM",
                resources.at("/OrdersHttpRoute1/Properties/AuthorizationType").asText());
        assertFalse(resources.at("/OrdersHttpRoute2/Properties").has("AuthorizationType"));
        assertEquals(
                "AWS_IAM",
                resources.at("/OrdersRestMethod1/Properties/AuthorizationType").asText());
        assertEquals(
                "AWS_IAM",
                resources.at("/OrdersRestMethod2/Properties/AuthorizationType").asText());

        Path file = work.resolve("iam.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
        assertEquals(
                Map.of(
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod1", "PASSED",
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod2", "PASSED"),
                new Checkov(PythonTools.checkov()).results(file, List.of("CKV_AWS_59")));
    }

    @Test
    void withoutADefaultOnlyTheRouteThatAsksIsSignedAndCheckovFlagsTheOpenMethod() throws Exception {
        JsonNode template = ServiceTemplate.marshal(service(""));
        JsonNode resources = template.path("Resources");
        assertFalse(resources.at("/OrdersHttpRoute1/Properties").has("AuthorizationType"));
        assertEquals(
                "AWS_IAM",
                resources.at("/OrdersRestMethod1/Properties/AuthorizationType").asText());
        assertEquals(
                "NONE",
                resources.at("/OrdersRestMethod2/Properties/AuthorizationType").asText());
        Path file = work.resolve("open.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(
                Map.of(
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod1", "PASSED",
                        "CKV_AWS_59 AWS::ApiGateway::Method.OrdersRestMethod2", "FAILED"),
                new Checkov(PythonTools.checkov()).results(file, List.of("CKV_AWS_59")));
    }
}
