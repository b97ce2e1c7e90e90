package io.sparta.api;

/** Something that invokes a function: each kind knows the resources and permissions it needs. */
public sealed interface Trigger
        permits ScheduleTrigger,
                SchedulerTrigger,
                SqsQueueTrigger,
                HttpRouteTrigger,
                FunctionUrlTrigger,
                S3BucketTrigger,
                SnsTopicTrigger,
                StreamTrigger,
                EventPatternTrigger,
                LogSubscriptionTrigger {}
