package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes a {@link SpartaLambda} function when objects change in a bucket: one the service declares
 * ({@link S3Bucket}), by name, or an existing one, by ARN ({@code arn:aws:s3:::legacy-uploads}). The function
 * receives an {@code S3Event}. CloudFormation can set an existing bucket's notifications only by taking them all
 * over; so a custom resource of the stack, handled by Sparta's own function, merges the stack's into the bucket's
 * configuration and leaves every other one alone.
 */
@Documented
@Repeatable(S3Triggers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface S3Trigger {

    /** A declared bucket's name, or an existing bucket's ARN. */
    String bucket();

    /** Event types such as {@code s3:ObjectCreated:*} or {@code s3:ObjectRemoved:Delete}. */
    String[] events() default {"s3:ObjectCreated:*"};

    /** Only keys starting with this, such as {@code incoming/}; any when empty. */
    String prefix() default "";

    /** Only keys ending with this, such as {@code .csv}; any when empty. */
    String suffix() default "";
}
