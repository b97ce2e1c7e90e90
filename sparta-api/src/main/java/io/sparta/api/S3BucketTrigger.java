package io.sparta.api;

import java.util.List;

/**
 * Object events of a bucket that invoke the function.
 *
 * @param bucket a declared bucket's name, or an existing bucket's ARN
 * @param prefix key prefix filter; none when empty
 * @param suffix key suffix filter; none when empty
 */
public record S3BucketTrigger(String bucket, List<String> events, String prefix, String suffix) implements Trigger {

    public S3BucketTrigger {
        events = List.copyOf(events);
    }

    public boolean existingBucket() {
        return bucket.startsWith("arn:");
    }
}
