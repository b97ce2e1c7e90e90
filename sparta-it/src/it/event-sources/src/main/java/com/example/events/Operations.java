package com.example.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sparta.annotations.ApiKind;
import io.sparta.annotations.FunctionUrl;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.UrlAuth;

/** Operational endpoints: a health check on the REST API and a public status page on a function URL. */
public class Operations {

    @SpartaLambda(name = "health")
    @HttpRoute(method = "GET", path = "/health", api = ApiKind.REST)
    @HttpRoute(method = "GET", path = "/health/{component}", api = ApiKind.REST)
    public APIGatewayProxyResponseEvent health(APIGatewayProxyRequestEvent event) {
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("ok");
    }

    @SpartaLambda(name = "status")
    @FunctionUrl(auth = UrlAuth.NONE)
    public APIGatewayV2HTTPResponse status(APIGatewayV2HTTPEvent event) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("up").build();
    }
}
