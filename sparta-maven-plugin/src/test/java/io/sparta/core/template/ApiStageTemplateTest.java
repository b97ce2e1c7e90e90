package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ApiKind;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.AccessLogs;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpApiSettings.Throttling;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.JacksonReader;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.Checkov;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access logs and throttling on both APIs' stages, judged by cfn-lint and by checkov's access-logging checks. */
class ApiStageTemplateTest {

    private static final List<String> ACCESS_LOG_CHECKS = List.of("CKV_AWS_76", "CKV_AWS_95");

    @TempDir
    Path work;

    private static ServiceModel bothApis(HttpApiSettings http) {
        return new ServiceModel(
                "orders",
                "orders",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(TestFunctions.function(
                        "orders",
                        "Orders",
                        List.of(
                                new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders/{id}"),
                                new HttpRouteTrigger(ApiKind.REST, "POST", "/orders")))),
                http,
                List.of());
    }

    @Test
    void bothStagesLogEachRequestAsJsonToTheirOwnGroupAndTakeTheStageLimits() throws Exception {
        JsonNode template = ServiceTemplate.marshal(bothApis(
                new HttpApiSettings("v1", Cors.NONE, new AccessLogs(true, 90, ""), new Throttling(50.5, 100))));
        JsonNode resources = template.path("Resources");

        JsonNode http = resources.at("/HttpApiStage/Properties");
        assertEquals(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${HttpApiAccessLogs}",
                http.at("/AccessLogSettings/DestinationArn/Fn::Sub").asText());
        assertEquals(
                ApiStageTemplate.HTTP_FORMAT,
                http.at("/AccessLogSettings/Format").asText());
        assertEquals(100, http.at("/DefaultRouteSettings/ThrottlingBurstLimit").asInt());
        assertEquals(50.5, http.at("/DefaultRouteSettings/ThrottlingRateLimit").asDouble());
        assertEquals(
                "AWS::Logs::LogGroup", resources.at("/HttpApiAccessLogs/Type").asText());
        assertEquals(
                90,
                resources.at("/HttpApiAccessLogs/Properties/RetentionInDays").asInt());

        JsonNode rest = resources.at("/RestApiStage/Properties");
        assertEquals(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${RestApiAccessLogs}",
                rest.at("/AccessLogSetting/DestinationArn/Fn::Sub").asText());
        assertEquals(
                ApiStageTemplate.REST_FORMAT,
                rest.at("/AccessLogSetting/Format").asText());
        assertEquals(
                "{\"ThrottlingBurstLimit\":100,\"ThrottlingRateLimit\":50.5,\"HttpMethod\":\"*\","
                        + "\"ResourcePath\":\"/*\"}",
                rest.at("/MethodSettings/0").toString());
        assertEquals(1, rest.path("MethodSettings").size());
        assertEquals(
                90,
                resources.at("/RestApiAccessLogs/Properties/RetentionInDays").asInt());

        // Each line is JSON that names the request; the HTTP API's names its route, the REST API's its path.
        for (String format : List.of(ApiStageTemplate.HTTP_FORMAT, ApiStageTemplate.REST_FORMAT)) {
            JsonNode line = JacksonReader.MAPPER.readTree(format);
            assertEquals("$context.requestId", line.path("requestId").asText());
            assertEquals("$context.status", line.path("status").asText());
        }
        assertEquals(
                "$context.routeKey",
                JacksonReader.MAPPER
                        .readTree(ApiStageTemplate.HTTP_FORMAT)
                        .path("routeKey")
                        .asText());
        assertEquals(
                "$context.resourcePath",
                JacksonReader.MAPPER
                        .readTree(ApiStageTemplate.REST_FORMAT)
                        .path("resourcePath")
                        .asText());

        Path file = write(template, "logged.json");
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
        assertEquals(
                Map.of(
                        "CKV_AWS_76 AWS::ApiGateway::Stage.RestApiStage", "PASSED",
                        "CKV_AWS_95 AWS::ApiGatewayV2::Stage.HttpApiStage", "PASSED"),
                new Checkov(PythonTools.checkov()).results(file, ACCESS_LOG_CHECKS));
    }

    @Test
    void withoutAccessLogsCheckovFlagsBothStagesAndNoLogGroupOrLimitIsWritten() throws Exception {
        JsonNode template = ServiceTemplate.marshal(bothApis(HttpApiSettings.DEFAULTS));
        JsonNode resources = template.path("Resources");
        for (Iterator<String> ids = resources.fieldNames(); ids.hasNext(); ) {
            assertFalse(ids.next().endsWith("AccessLogs"));
        }
        assertFalse(resources.at("/HttpApiStage/Properties").has("AccessLogSettings"));
        assertFalse(resources.at("/HttpApiStage/Properties").has("DefaultRouteSettings"));
        assertFalse(resources.at("/RestApiStage/Properties").has("AccessLogSetting"));
        assertFalse(resources.at("/RestApiStage/Properties").has("MethodSettings"));
        assertEquals(
                Map.of(
                        "CKV_AWS_76 AWS::ApiGateway::Stage.RestApiStage", "FAILED",
                        "CKV_AWS_95 AWS::ApiGatewayV2::Stage.HttpApiStage", "FAILED"),
                new Checkov(PythonTools.checkov()).results(write(template, "unlogged.json"), ACCESS_LOG_CHECKS));
    }

    @Test
    void aFormatOfTheUsersIsWrittenAsGivenAndLogsKeptUntilDeletedHaveNoRetention() throws Exception {
        String format = "$context.requestId $context.httpMethod $context.path $context.status";
        JsonNode resources = ServiceTemplate.marshal(bothApis(new HttpApiSettings(
                        HttpApiSettings.DEFAULT_STAGE, Cors.NONE, new AccessLogs(true, 0, format), Throttling.NONE)))
                .path("Resources");
        assertEquals(
                format,
                resources
                        .at("/HttpApiStage/Properties/AccessLogSettings/Format")
                        .asText());
        assertEquals(
                format,
                resources.at("/RestApiStage/Properties/AccessLogSetting/Format").asText());
        assertFalse(resources.at("/HttpApiAccessLogs/Properties").has("RetentionInDays"));
        assertFalse(resources.at("/RestApiAccessLogs/Properties").has("RetentionInDays"));
        assertTrue(resources.has("RestApiAccessLogs"));
    }

    @Test
    void stageSettingsLeaveTheRestDeploymentAsItWasSoChangingThemRedeploysNothing() {
        JsonNode plain = ServiceTemplate.marshal(bothApis(HttpApiSettings.DEFAULTS));
        JsonNode logged = ServiceTemplate.marshal(bothApis(new HttpApiSettings(
                HttpApiSettings.DEFAULT_STAGE, Cors.NONE, new AccessLogs(true, 30, ""), new Throttling(10, 20))));
        assertEquals(
                plain.at("/Resources/RestApiStage/Properties/DeploymentId/Ref").asText(),
                logged.at("/Resources/RestApiStage/Properties/DeploymentId/Ref").asText());
        assertTrue(plain.at("/Resources/RestApiStage/Properties/DeploymentId/Ref")
                .asText()
                .startsWith("RestApiDeployment"));
    }

    private Path write(JsonNode template, String name) throws Exception {
        Path file = work.resolve(name);
        Files.write(file, TemplateJson.bytes(template));
        return file;
    }
}
