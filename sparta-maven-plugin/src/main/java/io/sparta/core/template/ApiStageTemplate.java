package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.AccessLogs;
import io.sparta.api.HttpApiSettings.Throttling;
import io.sparta.core.common.TemplateJson;
import java.util.Optional;

/**
 * What the pom sets on the stage of each API alike: access logging to a log group the stack owns, and the stage's
 * default throttling. The HTTP API and the REST API name the same settings differently
 * ({@code AccessLogSettings}/{@code DefaultRouteSettings} against {@code AccessLogSetting}/{@code MethodSettings}),
 * so each API's template places what this class builds.
 */
final class ApiStageTemplate {

    /**
     * Sparta's access log line for the HTTP API: one JSON object a request, naming the route key the request
     * matched.
     */
    static final String HTTP_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\",\"responseLatency\":\"$context.responseLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\"}";

    /** Sparta's access log line for the REST API: as the HTTP API's, with the resource path for the route key. */
    static final String REST_FORMAT =
            HTTP_FORMAT.replace("\"routeKey\":\"$context.routeKey\"", "\"resourcePath\":\"$context.resourcePath\"");

    private ApiStageTemplate() {}

    /**
     * Adds the log group {@code <api>AccessLogs} and returns the stage's access log setting pointing at it, when the
     * pom asks for access logs.
     *
     * @param api the API's logical id, {@code HttpApi} or {@code RestApi}
     * @param defaultFormat the line written when the pom gives no {@code <format>}
     */
    static Optional<ObjectNode> accessLogSetting(
            ObjectNode resources, String api, HttpApiSettings http, String defaultFormat) {
        AccessLogs logs = http.accessLogs();
        if (!logs.enabled()) {
            return Optional.empty();
        }
        String logGroupId = api + "AccessLogs";
        ObjectNode logGroup = Cfn.properties(resources, logGroupId, "AWS::Logs::LogGroup");
        if (logs.logRetentionDays() != 0) {
            logGroup.put("RetentionInDays", logs.logRetentionDays());
        }
        ObjectNode setting = TemplateJson.object();
        // Built from the group's name rather than its Arn attribute, which ends in ":*" and is no destination.
        setting.set(
                "DestinationArn",
                Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${" + logGroupId + "}"));
        setting.put("Format", logs.format().isEmpty() ? defaultFormat : logs.format());
        return Optional.of(setting);
    }

    /** The stage's throttling as API Gateway's route or method settings write it, when the pom sets it. */
    static Optional<ObjectNode> throttlingSettings(HttpApiSettings http) {
        Throttling throttling = http.throttling();
        if (!throttling.enabled()) {
            return Optional.empty();
        }
        ObjectNode settings = TemplateJson.object();
        settings.put("ThrottlingBurstLimit", throttling.burstLimit());
        settings.put("ThrottlingRateLimit", throttling.rateLimit());
        return Optional.of(settings);
    }
}
