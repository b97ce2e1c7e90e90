package com.example.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.SpartaLambda;
import java.util.Map;

/** The shop's product API on the service's HTTP API. */
@SpartaLambda(name = "storefront", memory = 512)
@HttpRoute(method = "GET", path = "/products/{id}")
@HttpRoute(method = "POST", path = "/products")
public class Storefront implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = event.getPathParameters() == null
                ? "{\"created\":true}"
                : "{\"id\":\"" + event.getPathParameters().get("id") + "\"}";
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build();
    }
}
