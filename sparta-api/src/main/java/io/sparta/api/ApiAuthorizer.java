package io.sparta.api;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.AuthorizerType;
import java.util.List;

/**
 * An authorizer of the service's APIs, as {@code @Authorizer} declares it; the template writes one
 * {@code AWS::ApiGatewayV2::Authorizer} or {@code AWS::ApiGateway::Authorizer} for each API whose routes use it.
 *
 * @param issuer JWT: the tokens' issuer URL; may name parameters as {@code ${Name}}; empty otherwise
 * @param audiences JWT: the accepted {@code aud} (or {@code client_id}) values
 * @param userPoolArns COGNITO_USER_POOLS: the accepted user pools
 * @param function LAMBDA: the name of the service's function API Gateway calls
 * @param identitySources where the identity is read, in the HTTP API's syntax ({@code $request.header.Authorization})
 * @param resultTtlSeconds LAMBDA: seconds an answer is cached for the same identity sources; 0 for none
 * @param simpleResponses LAMBDA on the HTTP API: whether the function answers {@code isAuthorized}
 */
public record ApiAuthorizer(
        String name,
        AuthorizerType type,
        String issuer,
        List<String> audiences,
        List<String> userPoolArns,
        String function,
        List<String> identitySources,
        int resultTtlSeconds,
        boolean simpleResponses) {

    public ApiAuthorizer {
        audiences = List.copyOf(audiences);
        userPoolArns = List.copyOf(userPoolArns);
        identitySources = List.copyOf(identitySources);
    }

    /** Its logical id on one API: the name in camel case, such as {@code UsersHttpAuthorizer}. */
    public String logicalId(ApiKind api) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id + (api == ApiKind.HTTP ? "HttpAuthorizer" : "RestAuthorizer");
    }
}
