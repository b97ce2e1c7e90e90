package io.sparta.api;

import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;

/**
 * A DynamoDB or Kinesis stream that feeds the function through an event source mapping.
 *
 * @param kind {@code TABLE} for a DynamoDB table's stream, {@code STREAM} for a Kinesis stream
 * @param source a declared table's or stream's name, or an existing stream's ARN
 * @param onFailure where a batch given up on is described: a declared standard queue's or topic's name, an ARN, or
 *     empty for nowhere
 * @param maximumRetryAttempts retries of a failing batch, or -1 until its records expire
 */
public record StreamTrigger(
        ResourceKind kind,
        String source,
        StartingPosition startingPosition,
        int batchSize,
        String onFailure,
        int maximumRetryAttempts)
        implements Trigger {

    /** A mapping that retries until records expire and sends failed records nowhere. */
    public StreamTrigger(ResourceKind kind, String source, StartingPosition startingPosition, int batchSize) {
        this(kind, source, startingPosition, batchSize, "", -1);
    }
}
