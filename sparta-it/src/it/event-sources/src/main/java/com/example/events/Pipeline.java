package com.example.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sparta.annotations.Access;
import io.sparta.annotations.Allow;
import io.sparta.annotations.DynamoDbTrigger;
import io.sparta.annotations.EventRule;
import io.sparta.annotations.Grant;
import io.sparta.annotations.KinesisTrigger;
import io.sparta.annotations.LogSubscription;
import io.sparta.annotations.S3Trigger;
import io.sparta.annotations.SnsTrigger;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.SqsTrigger;
import io.sparta.annotations.StartingPosition;
import io.sparta.runtime.Discover;
import java.util.Map;

/** The order pipeline: every kind of trigger, grants on the shop's resources, and one raw statement. */
public class Pipeline {

    /** Uploaded order files, from the shop's bucket and from the legacy drop bucket another team owns. */
    @SpartaLambda(name = "ingest")
    @S3Trigger(bucket = "uploads", prefix = "incoming/", suffix = ".csv")
    @S3Trigger(bucket = "arn:aws:s3:::legacy-drop", events = "s3:ObjectCreated:Put")
    @Grant(resource = "orders", access = Access.WRITE)
    @Grant(resource = "uploads", access = Access.READ)
    public String ingest(S3Event event) {
        return Discover.table("orders") + " <- " + event.getRecords().size();
    }

    @SpartaLambda(name = "announce")
    @SnsTrigger(topic = "events", filterPolicy = "{\"kind\": [\"order\"]}")
    @Grant(resource = "work", access = Access.WRITE)
    @Grant(resource = "clicks", access = Access.WRITE)
    public void announce(SNSEvent event) {}

    @SpartaLambda(name = "worker")
    @SqsTrigger(queue = "work", batchSize = 10)
    @Grant(resource = "events", access = Access.WRITE)
    public void work(SQSEvent event) {}

    @SpartaLambda(name = "audit")
    @DynamoDbTrigger(table = "orders", startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 50)
    public void audit(DynamodbEvent event) {}

    @SpartaLambda(name = "clicks")
    @KinesisTrigger(stream = "clicks")
    public void countClicks(KinesisEvent event) {}

    @SpartaLambda(name = "react")
    @EventRule(pattern = "{\"source\": [\"com.example.shop\"]}", description = "shop events")
    @LogSubscription(logGroup = "/aws/lambda/legacy-worker", filterPattern = "ERROR")
    @Allow(actions = "ses:SendEmail", resources = "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/shop.example.com")
    public void react(Map<String, Object> event) {}
}
