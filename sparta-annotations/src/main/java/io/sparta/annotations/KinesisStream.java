package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Kinesis data stream the service owns, encrypted with the AWS-managed Kinesis key. */
@Documented
@Repeatable(KinesisStreams.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KinesisStream {

    /**
     * The resource's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter:
     * what grants and triggers refer to, and what {@code Discover} looks up at run time.
     */
    String name();

    /** Provisioned shards, 1 to 500. */
    int shards() default 1;
}
