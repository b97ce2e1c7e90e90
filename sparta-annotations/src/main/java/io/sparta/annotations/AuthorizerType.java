package io.sparta.annotations;

/** What an {@link Authorizer} checks, and so which of the service's APIs may use it. */
public enum AuthorizerType {

    /**
     * A JSON Web Token from an OpenID Connect issuer, such as a Cognito user pool, verified by API Gateway against
     * the issuer's keys; the HTTP API only
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html).
     */
    JWT,

    /**
     * A function of the service that API Gateway calls with the request's identity sources and that says whether
     * the call may go on; both APIs
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html,
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html).
     */
    LAMBDA,

    /**
     * A Cognito user pool's ID or access token, verified by API Gateway; the REST API only
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html).
     */
    COGNITO_USER_POOLS
}
