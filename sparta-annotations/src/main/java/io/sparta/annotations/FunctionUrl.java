package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@link SpartaLambda} function its own HTTPS endpoint, a Lambda function URL, published as a stack
 * output. The function receives an {@code APIGatewayV2HTTPEvent}, as from an HTTP API.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FunctionUrl {

    /**
     * Who may call the URL: {@link UrlAuth#AWS_IAM} (the default) only principals allowed
     * {@code lambda:InvokeFunctionUrl} with SigV4-signed requests; {@link UrlAuth#NONE} anyone on the internet.
     */
    UrlAuth auth() default UrlAuth.AWS_IAM;
}
