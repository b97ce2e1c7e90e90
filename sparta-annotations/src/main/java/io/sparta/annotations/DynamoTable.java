package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A DynamoDB table the service owns: on-demand capacity unless {@link #readCapacity()} and {@link #writeCapacity()}
 * are set, encrypted, point-in-time recovery on, kept when the stack is deleted unless {@link #retainOnDelete()}
 * says otherwise. Put it on any class of the module, such as one that
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

    /** Global secondary indexes, at most 20. Grants on the table cover its indexes. */
    TableIndex[] globalIndexes() default {};

    /** Local secondary indexes, at most 5; the table needs a {@link #sortKey()}. */
    TableIndex[] localIndexes() default {};

    /**
     * The attribute holding each item's expiry, in seconds since the epoch (a Number); DynamoDB deletes expired
     * items within days of that time. None when empty. See
     * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html">Time to Live</a>.
     */
    String timeToLiveAttribute() default "";

    /**
     * Read capacity units of a table with provisioned capacity, 1 to 40000, set with {@link #writeCapacity()}; 0,
     * with {@code writeCapacity} 0 too, for on-demand capacity.
     */
    int readCapacity() default 0;

    /** Write capacity units of a table with provisioned capacity, 1 to 40000; 0 for on-demand capacity. */
    int writeCapacity() default 0;
}
