package io.sparta.core.deploy;

import java.time.Duration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;

/** CloudFormation waiters that poll every two seconds, up to half an hour, instead of the SDK's 30 s default. */
final class Waiters {

    private static final WaiterOverrideConfiguration EVERY_TWO_SECONDS = WaiterOverrideConfiguration.builder()
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofSeconds(2)))
            .maxAttempts(900)
            .build();

    private Waiters() {}

    static CloudFormationWaiter of(CloudFormationClient cloudFormation) {
        return CloudFormationWaiter.builder()
                .client(cloudFormation)
                .overrideConfiguration(EVERY_TWO_SECONDS)
                .build();
    }
}
