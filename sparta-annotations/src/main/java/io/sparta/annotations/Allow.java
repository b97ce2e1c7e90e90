package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A raw IAM statement for what grants do not cover: these actions on these resources, written as IAM writes them.
 * {@code ${AWS::Region}}, {@code ${AWS::AccountId}} and {@code ${AWS::Partition}} are resolved at deployment.
 * Sparta adds no wildcard; one you write is yours.
 *
 * <pre>{@code
 * @Allow(actions = "ses:SendEmail",
 *        resources = "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/shop.example.com")
 * }</pre>
 */
@Documented
@Repeatable(Allows.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {

    /** Actions such as {@code ses:SendEmail}: {@code service:Action}. */
    String[] actions();

    /** Resource ARNs. */
    String[] resources();
}
