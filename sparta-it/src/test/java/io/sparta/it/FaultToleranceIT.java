package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.it.FaultyProxy.Fault;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The hello-world provision through a proxy that throttles, fails and drops four requests in ten: the SDK's
 * retries and Sparta's handling of calls that succeeded but lost their answer bring the stack to the same end
 * state as a clean network.
 *
 * <p>moto gap: when the answer to DeleteChangeSet is dropped, the SDK's retry meets a moto crash (HTTP 500,
 * UnboundLocalError) where AWS answers ChangeSetNotFound. Sparta treats deleting an empty change set as
 * housekeeping, so the provision still succeeds, with a warning, after a bounded 10 s.
 */
class FaultToleranceIT {

    @Test
    void provisionConvergesThroughThrottlingErrorsAndDroppedConnections() throws Exception {
        try (SampleOnMoto local = SampleOnMoto.start("hello-world", "hello-world-faults");
                FaultyProxy proxy = new FaultyProxy(local.moto.endpoint())) {
            SampleProject sample = local.sample.withAws(proxy.endpoint().toString(), LocalAws.REGION.id());
            LocalAws aws = local.aws;

            SampleProject.BuildResult provisioned = sample.mvn("package", "sparta:provision");
            assertEquals(0, provisioned.exitCode(), provisioned.describe());
            FunctionConfiguration hello = aws.lambda
                    .getFunction(r -> r.functionName("hello-world-HelloHandler"))
                    .configuration();
            assertEquals("com.example.hello.HelloHandler", hello.handler());
            assertEquals(256, hello.memorySize());
            assertEquals(
                    Map.of("GREETING", "Hello", "STAGE", "dev"),
                    hello.environment().variables());
            assertEquals(
                    "com.example.hello.Greetings::shout",
                    aws.lambda
                            .getFunction(r -> r.functionName("hello-world-shout"))
                            .configuration()
                            .handler());
            assertEquals(
                    "CREATE_COMPLETE",
                    aws.cloudFormation
                            .describeStacks(r -> r.stackName("hello-world"))
                            .stacks()
                            .get(0)
                            .stackStatusAsString());

            SampleProject.BuildResult again = sample.mvn("sparta:provision");
            assertEquals(0, again.exitCode(), again.describe());
            assertTrue(again.logContains("Stack hello-world is up to date"), again.describe());

            SampleProject.BuildResult deleted = sample.mvn("sparta:delete");
            assertEquals(0, deleted.exitCode(), deleted.describe());
            assertThrows(
                    CloudFormationException.class,
                    () -> aws.cloudFormation.describeStacks(r -> r.stackName("hello-world")));

            for (Fault fault : Fault.values()) {
                assertTrue(
                        proxy.injected(fault) > 0, fault + " was never injected in " + proxy.requests() + " requests");
            }
        }
    }
}
