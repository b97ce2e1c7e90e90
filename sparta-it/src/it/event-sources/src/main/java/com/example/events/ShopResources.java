package com.example.events;

import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.KinesisStream;
import io.sparta.annotations.S3Bucket;
import io.sparta.annotations.SnsTopic;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.StreamView;

/** What the shop's stack owns. Test data: nothing outlives the stack. */
@DynamoTable(name = "orders", partitionKey = "id", stream = StreamView.NEW_AND_OLD_IMAGES, retainOnDelete = false)
@S3Bucket(name = "uploads", retainOnDelete = false)
@SqsQueue(name = "work", visibilityTimeout = 60)
@SnsTopic(name = "events")
@KinesisStream(name = "clicks")
public final class ShopResources {

    private ShopResources() {}
}
