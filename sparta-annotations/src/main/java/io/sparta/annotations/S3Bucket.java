package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An S3 bucket the service owns: encrypted, public access blocked, TLS only, kept when the stack is deleted unless
 * {@link #retainOnDelete()} says otherwise. Its name is {@code <stack>-<name>-<account>-<stack id>}, lower-cased, the
 * last part being the first group of the UUID that ends the stack's id: new for each creation of the stack.
 */
@Documented
@Repeatable(S3Buckets.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface S3Bucket {

    /**
     * The resource's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter:
     * what grants and triggers refer to, and what {@code Discover} looks up at run time.
     */
    String name();

    /** Whether the bucket keeps every version of its objects. */
    boolean versioned() default false;

    /** Whether the bucket and its objects outlive the stack. */
    boolean retainOnDelete() default true;
}
