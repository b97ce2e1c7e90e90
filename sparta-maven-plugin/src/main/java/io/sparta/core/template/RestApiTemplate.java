package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.processing.RouteRules;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.Digests;
import io.sparta.core.common.TemplateJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The service's REST API (API Gateway v1), made once a function declares a REST route: a resource per path
 * segment, a method with Lambda proxy integration per route, a mock OPTIONS method answering CORS preflight, and a
 * deployment whose logical id follows the API's content, so a changed API is deployed again and an unchanged one
 * is not.
 */
final class RestApiTemplate {

    static final String API = "RestApi";
    static final String STAGE = "RestApiStage";

    private RestApiTemplate() {}

    static void add(ObjectNode resources, ObjectNode outputs, ServiceModel service) {
        if (service.routes(ApiKind.REST).isEmpty()) {
            return;
        }
        ObjectNode restResources = TemplateJson.object();
        ObjectNode api = Cfn.properties(restResources, API, "AWS::ApiGateway::RestApi");
        api.set("Name", Cfn.sub("${AWS::StackName}"));
        api.putObject("EndpointConfiguration").putArray("Types").add("REGIONAL");

        Map<String, String> resourceIds = addPathResources(restResources, service);
        ApiAuthorizerTemplate.add(restResources, service, ApiKind.REST, API);
        List<String> methodIds = new ArrayList<>();
        for (LambdaFunction function : service.functions()) {
            int number = 0;
            for (HttpRouteTrigger route : function.routes(ApiKind.REST)) {
                String methodId = function.logicalIdPrefix() + "RestMethod" + ++number;
                addMethod(restResources, methodId, function, route, resourceIds.get(route.path()), service);
                methodIds.add(methodId);
            }
        }
        Cors cors = service.http().cors();
        if (cors.enabled()) {
            Set<String> answered = new LinkedHashSet<>();
            service.routes(ApiKind.REST).forEach(route -> answered.add(route.path()));
            for (String path : answered) {
                String methodId = resourceIds.get(path) + "Preflight";
                addPreflight(restResources, methodId, resourceIds.get(path), cors);
                methodIds.add(methodId);
            }
        }
        // The deployment snapshots the API when it is created; naming it after the API's content makes
        // CloudFormation create a new one exactly when routes, integrations or CORS change.
        String deploymentId = "RestApiDeployment"
                + Digests.sha256(TemplateJson.bytes(restResources)).substring(0, 12);
        ObjectNode deployment = Cfn.resource(restResources, deploymentId, "AWS::ApiGateway::Deployment");
        ArrayNode dependsOn = deployment.putArray("DependsOn");
        methodIds.forEach(dependsOn::add);
        deployment.putObject("Properties").set("RestApiId", Cfn.ref(API));

        ObjectNode stage = Cfn.properties(restResources, STAGE, "AWS::ApiGateway::Stage");
        stage.set("RestApiId", Cfn.ref(API));
        stage.set("DeploymentId", Cfn.ref(deploymentId));
        stage.put("StageName", service.http().restStage());
        // Added after the deployment's name is taken from the API's content: stage settings need no new deployment.
        ApiStageTemplate.accessLogSetting(restResources, API, service.http(), ApiStageTemplate.REST_FORMAT)
                .ifPresent(setting -> stage.set("AccessLogSetting", setting));
        ApiStageTemplate.throttlingSettings(service.http()).ifPresent(settings -> {
            settings.put("HttpMethod", "*");
            settings.put("ResourcePath", "/*");
            stage.putArray("MethodSettings").add(settings);
        });
        resources.setAll(restResources);

        Cfn.output(
                outputs,
                "RestApiUrl",
                "Base URL of the service's REST API",
                Cfn.sub("https://${" + API + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${" + STAGE + "}/"));
    }

    /**
     * One {@code AWS::ApiGateway::Resource} for each path prefix the routes use, parents first.
     *
     * @return the logical id of each path's resource; the root path maps to {@code RestApi} itself
     */
    private static Map<String, String> addPathResources(ObjectNode resources, ServiceModel service) {
        Map<String, String> ids = new TreeMap<>();
        ids.put("/", API);
        Set<String> takenIds = new HashSet<>();
        for (HttpRouteTrigger route : service.routes(ApiKind.REST)) {
            StringBuilder path = new StringBuilder();
            String parentId = API;
            for (String segment : RouteRules.segments(route.path())) {
                path.append('/').append(segment);
                String existing = ids.get(path.toString());
                if (existing == null) {
                    existing = resourceId(path.toString(), takenIds);
                    ObjectNode resource = Cfn.properties(resources, existing, "AWS::ApiGateway::Resource");
                    resource.set("RestApiId", Cfn.ref(API));
                    resource.set("ParentId", resourceRef(parentId));
                    resource.put("PathPart", segment);
                    ids.put(path.toString(), existing);
                }
                parentId = existing;
            }
        }
        return ids;
    }

    /** {@code /orders/{id}} becomes {@code RestOrdersIdParam}; a path that would clash gets its hash appended. */
    private static String resourceId(String path, Set<String> taken) {
        StringBuilder id = new StringBuilder("Rest");
        for (String segment : RouteRules.segments(path)) {
            String name = RouteRules.parameterName(segment).orElse(segment);
            for (String word : name.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            if (RouteRules.parameterName(segment).isPresent()) {
                id.append(RouteRules.isGreedy(segment) ? "Greedy" : "Param");
            }
        }
        String candidate = id.toString();
        if (!taken.add(candidate)) {
            candidate = candidate
                    + Digests.sha256(path.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .substring(0, 8);
            taken.add(candidate);
        }
        return candidate;
    }

    private static JsonNode resourceRef(String logicalId) {
        return logicalId.equals(API) ? Cfn.getAtt(API, "RootResourceId") : Cfn.ref(logicalId);
    }

    private static void addMethod(
            ObjectNode resources,
            String methodId,
            LambdaFunction function,
            HttpRouteTrigger route,
            String resourceId,
            ServiceModel service) {
        ObjectNode method = Cfn.properties(resources, methodId, "AWS::ApiGateway::Method");
        method.set("RestApiId", Cfn.ref(API));
        method.set("ResourceId", resourceRef(resourceId));
        method.put("HttpMethod", route.method());
        ApiAuthorizerTemplate.authorize(method, service, route);
        ObjectNode integration = method.putObject("Integration");
        integration.put("Type", "AWS_PROXY");
        integration.put("IntegrationHttpMethod", "POST");
        integration.set(
                "Uri",
                Cfn.sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                        + Cfn.invokeArnSub(function) + "/invocations"));
        Cfn.invokePermission(
                resources,
                methodId + "Permission",
                function,
                "apigateway.amazonaws.com",
                Cfn.sub(HttpApiTemplate.executeApiArn(API, route)));
    }

    /** A mock OPTIONS method that answers browsers' preflight with the service's CORS rules. */
    private static void addPreflight(ObjectNode resources, String methodId, String resourceId, Cors cors) {
        ObjectNode method = Cfn.properties(resources, methodId, "AWS::ApiGateway::Method");
        method.set("RestApiId", Cfn.ref(API));
        method.set("ResourceId", resourceRef(resourceId));
        method.put("HttpMethod", "OPTIONS");
        method.put("AuthorizationType", "NONE");
        Map<String, String> headers = new TreeMap<>();
        headers.put("Access-Control-Allow-Origin", cors.allowOrigins().get(0));
        headers.put(
                "Access-Control-Allow-Methods",
                cors.allowMethods().isEmpty() ? "*" : String.join(",", cors.allowMethods()));
        if (!cors.allowHeaders().isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
        }
        if (cors.maxAgeSeconds() >= 0) {
            headers.put("Access-Control-Max-Age", String.valueOf(cors.maxAgeSeconds()));
        }
        if (cors.allowCredentials()) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        ObjectNode integration = method.putObject("Integration");
        integration.put("Type", "MOCK");
        integration.putObject("RequestTemplates").put("application/json", "{\"statusCode\": 200}");
        ObjectNode integrationResponse =
                integration.putArray("IntegrationResponses").addObject();
        integrationResponse.put("StatusCode", "200");
        ObjectNode integrationHeaders = integrationResponse.putObject("ResponseParameters");
        ObjectNode methodResponse = method.putArray("MethodResponses").addObject();
        methodResponse.put("StatusCode", "200");
        ObjectNode declaredHeaders = methodResponse.putObject("ResponseParameters");
        headers.forEach((name, value) -> {
            integrationHeaders.put("method.response.header." + name, "'" + value + "'");
            declaredHeaders.put("method.response.header." + name, true);
        });
    }
}
