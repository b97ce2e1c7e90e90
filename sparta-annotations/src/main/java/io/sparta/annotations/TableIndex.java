package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secondary index of a {@link DynamoTable}, written inside its {@code globalIndexes} or {@code localIndexes}. A
 * global index has keys of its own; a local one shares the table's partition key and sorts by another attribute.
 * See <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/SecondaryIndexes.html">Improving
 * data access with secondary indexes</a>.
 *
 * <pre>{@code
 * @DynamoTable(name = "orders", partitionKey = "id",
 *         globalIndexes = @TableIndex(name = "by-customer", partitionKey = "customerId", sortKey = "placedAt"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface TableIndex {

    /** The index's name, 3 to 255 of letters, digits, {@code _ - .}; unique in its table. */
    String name();

    /**
     * The index's partition key attribute: required for a global index; for a local one, empty (or the table's own
     * partition key), since a local index always shares it.
     */
    String partitionKey() default "";

    KeyType partitionKeyType() default KeyType.STRING;

    /** The sort key attribute: optional for a global index, required for a local one. */
    String sortKey() default "";

    KeyType sortKeyType() default KeyType.STRING;

    Projection projection() default Projection.ALL;

    /** With {@link Projection#INCLUDE} only: the other attributes the index copies. */
    String[] nonKeyAttributes() default {};

    /**
     * A global index's read capacity units on a table with provisioned capacity; 0 takes the table's. Not for a
     * local index, which uses the table's capacity.
     */
    int readCapacity() default 0;

    /** A global index's write capacity units on a table with provisioned capacity; 0 takes the table's. */
    int writeCapacity() default 0;
}
