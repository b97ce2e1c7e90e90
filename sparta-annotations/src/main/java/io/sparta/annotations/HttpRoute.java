package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes HTTP requests to a {@link SpartaLambda} function through API Gateway with Lambda proxy integration.
 * Repeatable. On the service's HTTP API (v2) the function receives an {@code APIGatewayV2HTTPEvent} and returns
 * an {@code APIGatewayV2HTTPResponse}; on its REST API (v1) an {@code APIGatewayProxyRequestEvent} and an
 * {@code APIGatewayProxyResponseEvent}.
 *
 * <pre>{@code
 * @SpartaLambda
 * @HttpRoute(method = "GET", path = "/orders/{id}")
 * @HttpRoute(method = "POST", path = "/orders")
 * public class Orders implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> { ... }
 * }</pre>
 */
@Documented
@Repeatable(HttpRoutes.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface HttpRoute {

    /**
     * {@link #authorizer()} for IAM authorization: callers sign requests with AWS Signature Version 4, and API Gateway
     * lets through only principals whose policies allow {@code execute-api:Invoke} on the route.
     */
    String AWS_IAM = "AWS_IAM";

    /** {@link #authorizer()} for an open route, even where the pom sets a {@code <defaultAuthorizer>}. */
    String NONE = "NONE";

    /** GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, or ANY for all of them. */
    String method();

    /**
     * The path, starting with {@code /}: literal segments of letters, digits and {@code -._~}, path parameters
     * such as {@code {id}}, and a greedy {@code {proxy+}} as the last segment.
     */
    String path();

    /** Which of the service's APIs serves the route. */
    ApiKind api() default ApiKind.HTTP;

    /**
     * Who may call the route: the name of one of the service's {@link Authorizer}s, {@link #AWS_IAM}, or
     * {@link #NONE} for anyone; empty, the default, takes the pom's {@code <defaultAuthorizer>}, and without one the
     * route is open.
     */
    String authorizer() default "";

    /**
     * The OAuth scopes a caller's token must hold at least one of, such as {@code orders/read}; only with a JWT
     * authorizer (HTTP API) or a Cognito one (REST API, which then takes access tokens only). Empty for none.
     */
    String[] scopes() default {};
}
