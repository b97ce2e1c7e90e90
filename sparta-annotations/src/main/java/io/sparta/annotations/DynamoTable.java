package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A DynamoDB table the service owns: on-demand capacity, encrypted, point-in-time recovery on, kept when the stack
 * is deleted unless {@link #retainOnDelete()} says otherwise. Put it on any class of the module, such as one that
 * holds the service's resources.
 *
 * <pre>{@code
 * @DynamoTable(name = "orders", partitionKey = "id", stream = StreamView.NEW_AND_OLD_IMAGES)
 * public final class ShopResources {}
 * }</pre>
 */
@Documented
@Repeatable(DynamoTables.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DynamoTable {

    /**
     * The resource's name in the service, 1 to 32 lower-case letters, digits and hyphens starting with a letter:
     * what grants and triggers refer to, and what {@code Discover} looks up at run time.
     */
    String name();

    String partitionKey();

    KeyType partitionKeyType() default KeyType.STRING;

    /** The sort key's attribute; none when empty. */
    String sortKey() default "";

    KeyType sortKeyType() default KeyType.STRING;

    /** What the table's stream carries; {@link StreamView#NONE} turns the stream off. */
    StreamView stream() default StreamView.NONE;

    /** Whether the table and its data outlive the stack. */
    boolean retainOnDelete() default true;
}
