package com.example.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.SqsTrigger;
import java.util.List;

/** Takes orders from the team's existing queue, five at a time, reporting failed messages one by one. */
public class Orders {

    @SpartaLambda(name = "orders")
    @SqsTrigger(
            queue = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders",
            batchSize = 5,
            reportBatchItemFailures = true)
    public SQSBatchResponse take(SQSEvent event, Context context) {
        context.getLogger().log("orders: " + event.getRecords().size());
        return new SQSBatchResponse(List.of());
    }
}
