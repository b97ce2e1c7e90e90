package io.sparta.api;

import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;

/**
 * A DynamoDB or Kinesis stream that feeds the function through an event source mapping.
 *
 * @param kind {@code TABLE} for a DynamoDB table's stream, {@code STREAM} for a Kinesis stream
 * @param source a declared table's or stream's name, or an existing stream's ARN
 */
public record StreamTrigger(ResourceKind kind, String source, StartingPosition startingPosition, int batchSize)
        implements Trigger {}
