package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An authorizer of the service's APIs, which routes name in {@link HttpRoute#authorizer()} or the pom in
 * {@code <defaultAuthorizer>}. Put the declaration on any class of the module.
 *
 * <pre>{@code
 * @Authorizer(name = "users", type = AuthorizerType.JWT,
 *     issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123", audiences = "4hq1a6example")
 * @Authorizer(name = "partners", type = AuthorizerType.LAMBDA, function = "PartnerKeys",
 *     identitySources = "$request.header.X-Api-Key")
 * public final class Security {}
 * }</pre>
 *
 * <p>Which attributes apply depends on the {@link #type()}: {@link #issuer()} and {@link #audiences()} to a JWT
 * authorizer, {@link #userPoolArns()} to a Cognito one, {@link #function()}, {@link #resultTtlSeconds()} and
 * {@link #simpleResponses()} to a Lambda one; the build refuses the others. Values of {@code issuer},
 * {@code audiences} and {@code userPoolArns} may name the template's parameters as {@code ${Name}}, so that each
 * environment trusts its own issuer.
 */
@Documented
@Repeatable(Authorizers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Authorizer {

    /** The identity source every type reads unless told otherwise: the {@code Authorization} header. */
    String AUTHORIZATION_HEADER = "$request.header.Authorization";

    /**
     * The authorizer's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter;
     * its logical id is the name in camel case followed by {@code HttpAuthorizer} or {@code RestAuthorizer}.
     */
    String name();

    /** What it checks, which decides the APIs that may use it. */
    AuthorizerType type();

    /**
     * JWT: the issuer's URL, {@code https://}, equal to the tokens' {@code iss} claim; for a Cognito user pool
     * {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. API Gateway reads its keys from
     * {@code <issuer>/.well-known/openid-configuration}.
     */
    String issuer() default "";

    /**
     * JWT: the audiences accepted, at least one: a token passes when its {@code aud} claim, or a Cognito access
     * token's {@code client_id}, is one of them.
     */
    String[] audiences() default {};

    /** COGNITO_USER_POOLS: the ARNs of the user pools whose tokens are accepted, 1 to 1,000. */
    String[] userPoolArns() default {};

    /**
     * LAMBDA: the name of the {@link SpartaLambda} function of this service that API Gateway calls. On the HTTP API
     * it gets a request of payload format 2.0 and, with {@link #simpleResponses()}, answers
     * {@code {"isAuthorized": true|false, "context": {...}}}; on the REST API it gets a {@code REQUEST} event and
     * answers an IAM policy with {@code execute-api:Invoke}.
     */
    String function() default "";

    /**
     * Where the identity is read, in the HTTP API's syntax: {@code $request.header.<name>},
     * {@code $request.querystring.<name>}, and for a Lambda authorizer also {@code $context.<variable>} and
     * {@code $stageVariables.<name>}. Sparta writes the REST API's form ({@code method.request.header.<name>}) for
     * it. A JWT or Cognito authorizer reads exactly one header (JWT: or query string); a request without every
     * source is refused with 401 before any authorizer runs.
     */
    String[] identitySources() default {AUTHORIZATION_HEADER};

    /**
     * LAMBDA: how long API Gateway keeps the function's answer for the same identity sources, 0 to 3,600 seconds;
     * 0 calls the function for every request.
     */
    int resultTtlSeconds() default 300;

    /**
     * LAMBDA, HTTP API: whether the function answers {@code isAuthorized} rather than an IAM policy. The REST API
     * always takes a policy.
     */
    boolean simpleResponses() default true;
}
