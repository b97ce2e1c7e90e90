package io.sparta.annotations;

/**
 * Which attributes a DynamoDB secondary index copies from the table, as DynamoDB's {@code ProjectionType}. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html">Projection</a>.
 */
public enum Projection {
    /** Every attribute of the item. */
    ALL,
    /** The table's and the index's key attributes only. */
    KEYS_ONLY,
    /** The key attributes and those named in {@link TableIndex#nonKeyAttributes()}. */
    INCLUDE
}
