package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@link SpartaLambda} function from a DynamoDB stream: a declared table's ({@link DynamoTable} with a
 * {@code stream}), by name, or an existing stream, by ARN. The function receives a {@code DynamodbEvent}; its role
 * may read that stream only.
 */
@Documented
@Repeatable(DynamoDbTriggers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DynamoDbTrigger {

    /** A declared table's name, or an existing table stream's ARN. */
    String table();

    StartingPosition startingPosition() default StartingPosition.LATEST;

    /** Records per invocation, 1 to 10000. */
    int batchSize() default 100;

    /**
     * Where a batch's records go, as a description of the batch, once retries are used up: a declared standard
     * {@link SqsQueue} or {@link SnsTopic} by name, or a standard SQS queue's or SNS topic's ARN. The role may send
     * there. None when empty. See
     * <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Retaining
     * records</a>.
     */
    String onFailure() default "";

    /**
     * Retries of a failing batch before it is given up (and sent to {@link #onFailure()}), 0 to 10000; -1, Lambda's
     * default, retries until the records expire from the stream.
     */
    int maximumRetryAttempts() default -1;
}
