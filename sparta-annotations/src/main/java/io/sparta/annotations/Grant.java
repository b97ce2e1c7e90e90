package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a {@link SpartaLambda} function use a resource the service declares, with the actions {@link Access} maps
 * to on that resource's ARNs only. The function also gets the resource's physical name in its environment, which
 * {@code io.sparta.runtime.Discover} reads.
 *
 * <pre>{@code
 * @SpartaLambda
 * @Grant(resource = "orders", access = Access.WRITE)
 * public class PlaceOrder implements RequestHandler<...> { ... }
 * }</pre>
 */
@Documented
@Repeatable(Grants.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Grant {

    /** The name of a {@link DynamoTable}, {@link S3Bucket}, {@link SqsQueue}, {@link SnsTopic} or {@link KinesisStream}. */
    String resource();

    Access access() default Access.READ;
}
