package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@link SpartaLambda} function from a Kinesis data stream: one the service declares
 * ({@link KinesisStream}), by name, or an existing one, by ARN. The function receives a {@code KinesisEvent}; its
 * role may read that stream only.
 */
@Documented
@Repeatable(KinesisTriggers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KinesisTrigger {

    /** A declared stream's name, or an existing stream's ARN. */
    String stream();

    StartingPosition startingPosition() default StartingPosition.LATEST;

    /** Records per invocation, 1 to 10000. */
    int batchSize() default 100;
}
