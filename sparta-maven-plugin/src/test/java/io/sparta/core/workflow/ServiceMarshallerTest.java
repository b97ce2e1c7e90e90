package io.sparta.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparta.api.LambdaFunction;
import io.sparta.api.PreMarshallHook;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.model.ServiceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PreMarshall hooks may replace the model; what they return is checked as the annotations were. */
class ServiceMarshallerTest {

    @TempDir
    Path work;

    /** Sets every function's memory, as a team's hook might. */
    public static final class MemoryHook implements PreMarshallHook {
        int memory;

        @Override
        public ServiceModel preMarshall(ServiceModel service) {
            return new ServiceModel(
                    service.serviceName(),
                    service.stackName(),
                    service.tags(),
                    service.parameters(),
                    service.functions().stream()
                            .map(f -> new LambdaFunction(
                                    f.name(),
                                    f.logicalIdPrefix(),
                                    f.handler(),
                                    f.source(),
                                    f.description(),
                                    memory,
                                    f.timeout(),
                                    f.runtime(),
                                    f.architecture(),
                                    f.environment(),
                                    f.logRetentionDays(),
                                    f.options(),
                                    f.triggers(),
                                    f.access()))
                            .toList(),
                    service.http(),
                    service.resources());
        }
    }

    private Path classes() throws Exception {
        return JavaSources.compile(work, Map.of("acme/Handlers.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Handlers {
                    @SpartaLambda(name = "hello")
                    public String handle(String in) { return in; }
                }
                """));
    }

    private ServiceMarshaller.Marshalled marshal(int memory) throws Exception {
        MemoryHook hook = new MemoryHook();
        hook.memory = memory;
        return new ServiceMarshaller(new RecordingConsole())
                .marshal(
                        classes(),
                        JavaSources.testClasspath(),
                        new ServiceSettings("orders", "orders", Map.of(), Map.of()),
                        new Extensions(List.of(), List.of(hook)),
                        io.sparta.core.archive.LayerModules.NONE)
                .orElseThrow();
    }

    @Test
    void aHooksModelWithinTheRulesIsMarshalled() throws Exception {
        assertEquals(
                1024,
                marshal(1024)
                        .template()
                        .at("/Resources/HelloFunction/Properties/MemorySize")
                        .asInt());
    }

    @Test
    void aHooksModelOutsideTheRulesFailsNamingTheHookAndTheProblem() {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> marshal(64));
        assertEquals(
                "1 problem(s) in the service model the PreMarshall hooks returned; fix the hooks"
                        + " [io.sparta.core.workflow.ServiceMarshallerTest$MemoryHook]:\n"
                        + "  - function \"hello\" (acme.Handlers#handle): memory = 64 is out of range; allowed 128 to"
                        + " 10240 (MB)",
                e.getMessage());
    }
}
