package io.sparta.core.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.HookException;
import io.sparta.api.LambdaFunction;
import io.sparta.api.PostMarshallHook;
import io.sparta.api.PreMarshallHook;
import io.sparta.api.RollbackHook;
import io.sparta.api.ServiceDecorator;
import io.sparta.api.ServiceModel;
import io.sparta.api.SpartaDecorator;
import io.sparta.api.TemplateDecorator;
import io.sparta.api.TemplateValidator;
import io.sparta.api.WorkflowHook;
import io.sparta.core.RecordingConsole;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.template.ServiceTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HookRunnerTest {

    private static final LambdaFunction HELLO = TestFunctions.function("hello", "Hello");
    private static final ServiceModel SERVICE =
            new ServiceModel("orders", "orders", new TreeMap<>(), new TreeMap<>(), List.of(HELLO));

    private final RecordingConsole console = new RecordingConsole();

    private HookRunner runner(List<SpartaDecorator> decorators, List<WorkflowHook> hooks) {
        return new HookRunner(new Extensions(decorators, hooks), console);
    }

    static final class Tracing implements TemplateDecorator {
        @Override
        public void decorate(ServiceModel service, LambdaFunction function, io.sparta.api.TemplateFragment fragment) {
            fragment.properties(function.functionLogicalId())
                    .putObject("TracingConfig")
                    .put("Mode", "Active");
        }
    }

    static final class MemoryOverride implements ServiceDecorator {
        @Override
        public void decorate(ServiceModel service, io.sparta.api.TemplateFragment fragment) {
            fragment.properties("HelloFunction").put("MemorySize", 1024);
        }
    }

    static final class Queue implements ServiceDecorator {
        final String visibility;

        Queue(String visibility) {
            this.visibility = visibility;
        }

        @Override
        public void decorate(ServiceModel service, io.sparta.api.TemplateFragment fragment) {
            fragment.resource("WorkQueue", "AWS::SQS::Queue").put("VisibilityTimeout", visibility);
        }
    }

    @Test
    void decoratorsAddResourcesAndPropertiesInConfiguredOrder() throws Exception {
        ObjectNode template = ServiceTemplate.marshal(SERVICE);
        runner(List.of(new Tracing(), new Queue("30")), List.of()).decorate(SERVICE, template);

        assertEquals(
                "Active",
                template.at("/Resources/HelloFunction/Properties/TracingConfig/Mode")
                        .asText());
        assertEquals(
                256,
                template.at("/Resources/HelloFunction/Properties/MemorySize").asInt(),
                "Sparta's own value kept");
        assertEquals("AWS::SQS::Queue", template.at("/Resources/WorkQueue/Type").asText());
    }

    @Test
    void aDecoratorChangingWhatSpartaSetFailsNamingBoth() {
        ObjectNode template = ServiceTemplate.marshal(SERVICE);
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> runner(List.of(new MemoryOverride()), List.of()).decorate(SERVICE, template));
        assertEquals(
                "Resources/HelloFunction/Properties/MemorySize is set to 256 by Sparta and to 1024 by "
                        + MemoryOverride.class.getName() + "; make them agree or drop one",
                e.getMessage());
    }

    @Test
    void twoDecoratorsSettingOneKeyDifferentlyFailNamingBoth() {
        ObjectNode template = ServiceTemplate.marshal(SERVICE);
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> runner(List.of(new Queue("30"), new Queue("60")), List.of())
                        .decorate(SERVICE, template));
        assertEquals(
                "Resources/WorkQueue/Properties/VisibilityTimeout is set to \"30\" by " + Queue.class.getName()
                        + " and to \"60\" by " + Queue.class.getName() + "; make them agree or drop one",
                e.getMessage());
    }

    @Test
    void twoDecoratorsAgreeingOnAValueMerge() throws Exception {
        ObjectNode template = ServiceTemplate.marshal(SERVICE);
        runner(List.of(new Queue("30"), new Queue("30")), List.of()).decorate(SERVICE, template);
        assertEquals(
                "30",
                template.at("/Resources/WorkQueue/Properties/VisibilityTimeout").asText());
    }

    @Test
    void propertiesOnAResourceNoOneDeclaresFail() {
        ServiceDecorator orphan =
                (service, fragment) -> fragment.properties("Missing").put("A", 1);
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> runner(List.of(orphan), List.of()).decorate(SERVICE, ServiceTemplate.marshal(SERVICE)));
        assertTrue(e.getMessage().startsWith("Resource Missing has no Type: "), e.getMessage());
    }

    @Test
    void hooksThatChangeNothingLeaveTheTemplateByteIdentical() throws Exception {
        byte[] plain = TemplateJson.bytes(ServiceTemplate.marshal(SERVICE));
        PreMarshallHook same = service -> service;
        PostMarshallHook looksOnly = (service, template) -> ((ObjectNode) template).put("Description", "changed copy");
        TemplateValidator passes = (service, template) -> List.of();
        ServiceDecorator nothing = (service, fragment) -> {};
        HookRunner runner = runner(List.of(nothing), List.of(same, looksOnly, passes));

        ServiceModel service = runner.preMarshall(SERVICE);
        ObjectNode template = ServiceTemplate.marshal(service);
        runner.decorate(service, template);
        runner.postMarshall(service, template);

        assertArrayEquals(plain, TemplateJson.bytes(template));
    }

    @Test
    void preMarshallHooksMayReplaceTheModel() throws Exception {
        PreMarshallHook tagger = service -> new ServiceModel(
                service.serviceName(),
                service.stackName(),
                new TreeMap<>(Map.of("owner", "hooks")),
                service.parameters(),
                service.functions());
        assertEquals(
                Map.of("owner", "hooks"),
                runner(List.of(), List.of(tagger)).preMarshall(SERVICE).tags());
    }

    @Test
    void aValidatorStopsTheBuildWithItsMessages() {
        TemplateValidator requireTracing = (service, template) -> List.of("function hello has no tracing", "no alarm");
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> runner(List.of(), List.of(requireTracing))
                        .postMarshall(SERVICE, ServiceTemplate.marshal(SERVICE)));
        assertTrue(
                e.getMessage().endsWith("rejected the template:\n  - function hello has no tracing\n  - no alarm"),
                e.getMessage());
    }

    @Test
    void aFailingHookIsNamedWithItsStage() {
        PreMarshallHook broken = service -> {
            throw new HookException("no credentials for the registry");
        };
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> runner(List.of(), List.of(broken)).preMarshall(SERVICE));
        assertTrue(e.getMessage().startsWith("PreMarshall "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" failed: no credentials for the registry"), e.getMessage());
    }

    @Test
    void rollbackHooksAreAllCalledAndTheirFailuresOnlyWarn() {
        List<RollbackHook.ProvisionFailure> seen = new ArrayList<>();
        RollbackHook broken = failure -> {
            throw new HookException("pager unreachable");
        };
        RollbackHook recorder = seen::add;
        RollbackHook.ProvisionFailure failure = new RollbackHook.ProvisionFailure("orders", "orders", "boom");

        runner(List.of(), List.of(broken, recorder)).rollback(failure);

        assertEquals(List.of(failure), seen);
        assertEquals(1, console.warnings().size());
        assertTrue(
                console.warnings().get(0).endsWith(" failed: pager unreachable"),
                console.warnings().get(0));
    }
}
