package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.AuthorizerType;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.processing.AuthorizerRules;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import java.util.List;
import java.util.Optional;

/**
 * The declared authorizers of one API, written once for each API whose routes use them, and what a route or method
 * says to use one: {@code AWS::ApiGatewayV2::Authorizer} (JWT, or REQUEST with payload format 2.0) for the HTTP API,
 * {@code AWS::ApiGateway::Authorizer} (COGNITO_USER_POOLS or REQUEST) for the REST API, and for a Lambda authorizer
 * a permission that lets API Gateway call the function as that authorizer only.
 */
final class ApiAuthorizerTemplate {

    private ApiAuthorizerTemplate() {}

    /** Writes each declared authorizer some route of the API takes; none when none does. */
    static void add(ObjectNode resources, ServiceModel service, ApiKind api, String apiLogicalId) {
        HttpApiSettings http = service.http();
        for (ApiAuthorizer authorizer : http.authorizers()) {
            boolean used = service.routes(api).stream()
                    .anyMatch(route -> http.authorizer(route).equals(authorizer.name()));
            if (used) {
                if (api == ApiKind.HTTP) {
                    addHttp(resources, service, authorizer, apiLogicalId);
                } else {
                    addRest(resources, service, authorizer, apiLogicalId);
                }
            }
        }
    }

    private static void addHttp(ObjectNode resources, ServiceModel service, ApiAuthorizer authorizer, String api) {
        String id = authorizer.logicalId(ApiKind.HTTP);
        ObjectNode properties = Cfn.properties(resources, id, "AWS::ApiGatewayV2::Authorizer");
        properties.set("ApiId", Cfn.ref(api));
        properties.put("Name", authorizer.name());
        ArrayNode sources = properties.putArray("IdentitySource");
        authorizer.identitySources().forEach(sources::add);
        if (authorizer.type() == AuthorizerType.JWT) {
            properties.put("AuthorizerType", "JWT");
            ObjectNode jwt = properties.putObject("JwtConfiguration");
            jwt.set("Issuer", Cfn.text(authorizer.issuer()));
            ArrayNode audiences = jwt.putArray("Audience");
            authorizer.audiences().forEach(audience -> audiences.add(Cfn.text(audience)));
            return;
        }
        LambdaFunction function = service.function(authorizer.function()).orElseThrow();
        properties.put("AuthorizerType", "REQUEST");
        properties.put("AuthorizerPayloadFormatVersion", "2.0");
        properties.put("EnableSimpleResponses", authorizer.simpleResponses());
        properties.put("AuthorizerResultTtlInSeconds", authorizer.resultTtlSeconds());
        properties.set("AuthorizerUri", authorizerUri(function));
        permission(resources, id, function, api);
    }

    private static void addRest(ObjectNode resources, ServiceModel service, ApiAuthorizer authorizer, String api) {
        String id = authorizer.logicalId(ApiKind.REST);
        ObjectNode properties = Cfn.properties(resources, id, "AWS::ApiGateway::Authorizer");
        properties.set("RestApiId", Cfn.ref(api));
        properties.put("Name", authorizer.name());
        String sources = String.join(
                ",",
                authorizer.identitySources().stream()
                        .map(AuthorizerRules::restIdentitySource)
                        .toList());
        if (!sources.isEmpty()) {
            properties.put("IdentitySource", sources);
        }
        if (authorizer.type() == AuthorizerType.COGNITO_USER_POOLS) {
            properties.put("Type", "COGNITO_USER_POOLS");
            ArrayNode pools = properties.putArray("ProviderARNs");
            authorizer.userPoolArns().forEach(arn -> pools.add(Cfn.text(arn)));
            return;
        }
        LambdaFunction function = service.function(authorizer.function()).orElseThrow();
        properties.put("Type", "REQUEST");
        properties.put("AuthorizerResultTtlInSeconds", authorizer.resultTtlSeconds());
        properties.set("AuthorizerUri", authorizerUri(function));
        permission(resources, id, function, api);
    }

    /**
     * API Gateway may call the function as this authorizer of this API, and as nothing else; in a split service the
     * authorizer goes with its function ({@link NestedStacks}), so the two stay in one stack.
     */
    private static void permission(ObjectNode resources, String id, LambdaFunction function, String api) {
        Cfn.invokePermission(
                resources,
                id + "Permission",
                function,
                "apigateway.amazonaws.com",
                Cfn.sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + api
                        + "}/authorizers/${" + id + "}"));
    }

    private static com.fasterxml.jackson.databind.JsonNode authorizerUri(LambdaFunction function) {
        return Cfn.sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                + Cfn.invokeArnSub(function) + "/invocations");
    }

    /**
     * What a route ({@code AWS::ApiGatewayV2::Route}) or method ({@code AWS::ApiGateway::Method}) says of its
     * authorization: the type, the authorizer and the scopes. An open HTTP route leaves the type out, as templates
     * written before authorizers did; a REST method always names it.
     */
    static void authorize(ObjectNode properties, ServiceModel service, HttpRouteTrigger route) {
        HttpApiSettings http = service.http();
        String chosen = http.authorizer(route);
        Optional<ApiAuthorizer> declared = http.declaredAuthorizer(route);
        if (declared.isEmpty()) {
            if (route.api() == ApiKind.REST || !chosen.equals(HttpRoute.NONE)) {
                properties.put("AuthorizationType", chosen);
            }
            return;
        }
        ApiAuthorizer authorizer = declared.get();
        properties.put(
                "AuthorizationType",
                switch (authorizer.type()) {
                    case JWT -> "JWT";
                    case COGNITO_USER_POOLS -> "COGNITO_USER_POOLS";
                    case LAMBDA -> "CUSTOM";
                });
        properties.set("AuthorizerId", Cfn.ref(authorizer.logicalId(route.api())));
        List<String> scopes = route.scopes();
        if (!scopes.isEmpty()) {
            ArrayNode array = properties.putArray("AuthorizationScopes");
            scopes.forEach(array::add);
        }
    }
}
