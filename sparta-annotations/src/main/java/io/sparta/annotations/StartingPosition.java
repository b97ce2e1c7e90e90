package io.sparta.annotations;

/** Where a stream's event source mapping starts reading when it is created. */
public enum StartingPosition {
    /** Only records written from now on. */
    LATEST,
    /** The oldest record the stream still holds. */
    TRIM_HORIZON
}
