package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One property of a {@link CustomResource}: a literal {@link #value()}, or a reference to a resource the service
 * declares ({@link #ref()}), which also makes CloudFormation create that resource first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ResourceProperty {

    /** The property's name, 1 to 255 characters; {@code ServiceToken} is CloudFormation's own. */
    String name();

    /** A literal value; not with {@link #ref()}. */
    String value() default "";

    /**
     * The name of a declared resource, whose CloudFormation {@code Ref} becomes the value: a table's, bucket's or
     * stream's name, a queue's URL, a topic's ARN, a custom resource's physical id.
     */
    String ref() default "";

    /**
     * With {@link #ref()}, an attribute of that resource instead ({@code Fn::GetAtt}): such as {@code Arn}, or a key
     * of the data another custom resource's function returned.
     */
    String attribute() default "";
}
