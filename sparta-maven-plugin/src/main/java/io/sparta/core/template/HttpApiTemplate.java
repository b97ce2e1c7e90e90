package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.TemplateJson;
import java.util.List;

/**
 * The service's HTTP API (API Gateway v2), made once a function declares an HTTP route: one proxy integration per
 * function (payload format 2.0), one route per declaration, and for each route a permission that lets API Gateway
 * invoke the function for that method and path only.
 */
final class HttpApiTemplate {

    static final String API = "HttpApi";
    static final String STAGE = "HttpApiStage";

    private HttpApiTemplate() {}

    static void add(ObjectNode resources, ObjectNode outputs, ServiceModel service) {
        if (service.routes(ApiKind.HTTP).isEmpty()) {
            return;
        }
        HttpApiSettings http = service.http();
        ObjectNode api = Cfn.properties(resources, API, "AWS::ApiGatewayV2::Api");
        api.set("Name", Cfn.sub("${AWS::StackName}"));
        api.put("ProtocolType", "HTTP");
        if (http.cors().enabled()) {
            api.set("CorsConfiguration", corsConfiguration(http.cors()));
        }
        ObjectNode stage = Cfn.properties(resources, STAGE, "AWS::ApiGatewayV2::Stage");
        stage.set("ApiId", Cfn.ref(API));
        stage.put("StageName", http.stage());
        stage.put("AutoDeploy", true);
        ApiStageTemplate.accessLogSetting(resources, API, http, ApiStageTemplate.HTTP_FORMAT)
                .ifPresent(setting -> stage.set("AccessLogSettings", setting));
        ApiStageTemplate.throttlingSettings(http).ifPresent(settings -> stage.set("DefaultRouteSettings", settings));

        ApiAuthorizerTemplate.add(resources, service, ApiKind.HTTP, API);
        for (LambdaFunction function : service.functions()) {
            List<HttpRouteTrigger> routes = function.routes(ApiKind.HTTP);
            if (!routes.isEmpty()) {
                addFunctionRoutes(resources, function, routes, service);
            }
        }
        String stagePath = http.stage().equals(HttpApiSettings.DEFAULT_STAGE) ? "" : http.stage() + "/";
        Cfn.output(
                outputs,
                "HttpApiUrl",
                "Base URL of the service's HTTP API",
                Cfn.sub("https://${" + API + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/" + stagePath));
    }

    private static void addFunctionRoutes(
            ObjectNode resources, LambdaFunction function, List<HttpRouteTrigger> routes, ServiceModel service) {
        String integrationId = function.logicalIdPrefix() + "HttpIntegration";
        ObjectNode integration = Cfn.properties(resources, integrationId, "AWS::ApiGatewayV2::Integration");
        integration.set("ApiId", Cfn.ref(API));
        integration.put("IntegrationType", "AWS_PROXY");
        integration.set("IntegrationUri", Cfn.invokeArn(function));
        integration.put("PayloadFormatVersion", "2.0");
        int number = 0;
        for (HttpRouteTrigger route : routes) {
            String routeId = function.logicalIdPrefix() + "HttpRoute" + ++number;
            ObjectNode properties = Cfn.properties(resources, routeId, "AWS::ApiGatewayV2::Route");
            properties.set("ApiId", Cfn.ref(API));
            properties.put("RouteKey", route.routeKey());
            properties.set("Target", Cfn.sub("integrations/${" + integrationId + "}"));
            ApiAuthorizerTemplate.authorize(properties, service, route);
            Cfn.invokePermission(
                    resources,
                    routeId + "Permission",
                    function,
                    "apigateway.amazonaws.com",
                    Cfn.sub(executeApiArn(API, route)));
        }
    }

    /** The execute-api ARN that matches one route in any stage, with a wildcard for each path parameter. */
    static String executeApiArn(String apiLogicalId, HttpRouteTrigger route) {
        StringBuilder path = new StringBuilder();
        for (String segment : RouteRules.segments(route.path())) {
            path.append('/').append(RouteRules.parameterName(segment).isPresent() ? "*" : segment);
        }
        String method = route.method().equals("ANY") ? "*" : route.method();
        return "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + apiLogicalId + "}/*/" + method
                + (path.isEmpty() ? "/" : path.toString());
    }

    static ObjectNode corsConfiguration(Cors cors) {
        ObjectNode configuration = TemplateJson.object();
        strings(configuration, "AllowOrigins", cors.allowOrigins());
        strings(configuration, "AllowMethods", cors.allowMethods());
        strings(configuration, "AllowHeaders", cors.allowHeaders());
        strings(configuration, "ExposeHeaders", cors.exposeHeaders());
        if (cors.maxAgeSeconds() >= 0) {
            configuration.put("MaxAge", cors.maxAgeSeconds());
        }
        if (cors.allowCredentials()) {
            configuration.put("AllowCredentials", true);
        }
        return configuration;
    }

    private static void strings(ObjectNode into, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = into.putArray(name);
            values.forEach(array::add);
        }
    }
}
