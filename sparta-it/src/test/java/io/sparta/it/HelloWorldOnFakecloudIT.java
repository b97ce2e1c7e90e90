package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hello-world sample's provision on fakecloud: the same checks {@code HelloWorldIT} makes on moto
 * ({@link HelloWorldChecks}), then what moto cannot show, checked there only in the template: each function's
 * architecture and the stack's outputs. The no-change provision stays on moto, since fakecloud lists every resource
 * of an identical template as Modify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelloWorldOnFakecloudIT extends SharedSampleOnFakecloud {

    HelloWorldOnFakecloudIT() {
        super("hello-world", "hello-world-fakecloud");
    }

    @Test
    @Order(1)
    void provisionCreatesBothFunctionsAndLogGroupsAsOnMoto_rolesOnMotoOnlySinceFakecloudRefsALogGroupByArn()
            throws Exception {
        needsFakecloud();
        SampleProject.BuildResult build = sample.mvn("package", "sparta:provision");
        assertEquals(0, build.exitCode(), build.describe());

        HelloWorldChecks.bothFunctionsAsDeclared(aws, sample.file("target/hello-world-1.0.0.jar"));
        HelloWorldChecks.logGroupsKeepTheDeclaredRetention(aws);
        // The roles' statements name their log group through Ref, which CloudFormation (and moto) resolve to the
        // group's name and fakecloud 0.51.0 to its ARN; HelloWorldIT checks the resolved policy on moto.
    }

    @Test
    @Order(2)
    void eachFunctionRunsOnItsDeclaredArchitecture_onFakecloud() {
        needsFakecloud();
        assertEquals(
                List.of("arm64"),
                aws.lambda
                        .getFunction(r -> r.functionName(HelloWorldChecks.HELLO))
                        .configuration()
                        .architecturesAsStrings());
        assertEquals(
                List.of("x86_64"),
                aws.lambda
                        .getFunction(r -> r.functionName(HelloWorldChecks.SHOUT))
                        .configuration()
                        .architecturesAsStrings());
    }

    @Test
    @Order(3)
    void theStackOutputsEachFunctionsArn_onFakecloud() {
        needsFakecloud();
        Map<String, String> outputs = new TreeMap<>();
        aws.cloudFormation
                .describeStacks(r -> r.stackName("hello-world"))
                .stacks()
                .get(0)
                .outputs()
                .forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
        assertEquals(
                aws.lambda
                        .getFunction(r -> r.functionName(HelloWorldChecks.HELLO))
                        .configuration()
                        .functionArn(),
                outputs.get("HelloHandlerArn"));
        assertEquals(
                aws.lambda
                        .getFunction(r -> r.functionName(HelloWorldChecks.SHOUT))
                        .configuration()
                        .functionArn(),
                outputs.get("ShoutArn"));
        assertTrue(outputs.size() >= 2, outputs.toString());
    }
}
