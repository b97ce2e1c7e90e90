package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A custom resource the service declares, for what CloudFormation cannot do itself: CloudFormation creates,
 * updates and deletes it with the stack by calling {@link #function()}, a {@link SpartaLambda} class of the service
 * that extends {@code io.sparta.runtime.customresource.CustomResourceFunction}. The function is deployed like any
 * other, with its own role holding only what its grants and {@link Allow}s give it. Put the declaration on any
 * class of the module.
 *
 * <pre>{@code
 * @DynamoTable(name = "products", partitionKey = "id")
 * @CustomResource(name = "product-seed", type = "Custom::TableSeed", function = "Seeder",
 *     properties = {@ResourceProperty(name = "TableName", ref = "products"),
 *                   @ResourceProperty(name = "Ids", value = "a,b,c")},
 *     outputs = "RowCount")
 * public final class ShopResources {}
 * }</pre>
 *
 * <p>The template holds it as {@code {"Type": type, "Properties": {"ServiceToken": the function's ARN, ...}}}; see
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources.html">Custom
 * resources</a>. CloudFormation passes every property value to the function as a string.
 */
@Documented
@Repeatable(CustomResources.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CustomResource {

    /**
     * The resource's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter;
     * its logical id is the name in camel case followed by {@code Resource}, such as {@code ProductSeedResource}.
     */
    String name();

    /**
     * Its CloudFormation type: {@code Custom::} and 1 to 60 letters, digits or {@code _@-}, such as
     * {@code Custom::TableSeed}. Types starting with {@code Custom::Sparta} are Sparta's own.
     */
    String type();

    /** The name of the {@link SpartaLambda} function that handles it. */
    String function();

    /** What CloudFormation passes the function as {@code ResourceProperties}. */
    ResourceProperty[] properties() default {};

    /**
     * Keys of the data the function returns, each written as a stack output named after the logical id and the key
     * ({@code ProductSeedResourceRowCount}); at most 200 outputs in a stack.
     */
    String[] outputs() default {};
}
