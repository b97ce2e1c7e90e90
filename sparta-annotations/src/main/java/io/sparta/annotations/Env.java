package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One environment variable of a {@link SpartaLambda} function. A value may name a template parameter
 * declared in the plugin's {@code <parameters>} or a CloudFormation pseudo parameter as {@code ${Name}}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Env {

    /** The variable's name: a letter followed by letters, digits or underscores. */
    String name();

    /** The variable's value. */
    String value();
}
