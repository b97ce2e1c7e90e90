package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.model.ModelValidator;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue-visibility rule agrees with cfn-lint's E3505 on both sides of its edge: the model Sparta refuses is the
 * template cfn-lint flags, and the one it accepts lints clean.
 */
class QueueVisibilityLintTest {

    @TempDir
    Path work;

    private static ServiceModel service(int visibilityTimeout) {
        LambdaFunction worker =
                TestFunctions.function("worker", "Worker", List.of(new SqsQueueTrigger("work", 10, 0, false)));
        LambdaFunction slow = new LambdaFunction(
                worker.name(),
                worker.logicalIdPrefix(),
                worker.handler(),
                worker.source(),
                worker.description(),
                worker.memory(),
                120,
                worker.runtime(),
                worker.architecture(),
                worker.environment(),
                worker.logRetentionDays(),
                worker.options(),
                worker.triggers(),
                worker.access());
        return new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(slow),
                HttpApiSettings.DEFAULTS,
                List.of(new OwnedResource.Queue("work", visibilityTimeout)));
    }

    private List<String> lint(ServiceModel service, String name) throws Exception {
        Path file = work.resolve(name + ".json");
        Files.write(file, TemplateJson.bytes(ServiceTemplate.marshal(service)));
        return new CfnLint(PythonTools.fromSystemProperties()).errors(file);
    }

    @Test
    void theQueueThatKeepsItsDefaultIsRefusedByBoth() throws Exception {
        ServiceModel refused = service(30);
        assertEquals(
                1,
                ModelValidator.problems(refused).size(),
                ModelValidator.problems(refused).toString());
        List<String> errors = lint(refused, "refused");
        assertTrue(errors.stream().anyMatch(error -> error.startsWith("E3505")), errors.toString());
    }

    @Test
    void aVisibilityTimeoutEqualToTheFunctionsTimeoutPassesBoth() throws Exception {
        ServiceModel accepted = service(120);
        assertEquals(List.of(), ModelValidator.problems(accepted));
        assertEquals(List.of(), lint(accepted, "accepted"));
    }
}
