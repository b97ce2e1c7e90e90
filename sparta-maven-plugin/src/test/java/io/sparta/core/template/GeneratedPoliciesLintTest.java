package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.ServiceModel;
import io.sparta.core.RecordingConsole;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.hooks.HookRunner;
import io.sparta.decorators.Dashboard;
import io.sparta.decorators.ErrorAlarms;
import io.sparta.decorators.StaticSite;
import io.sparta.testkit.ConcretePolicies;
import io.sparta.testkit.PolicyLint;
import io.sparta.testkit.PythonTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * parliament, pinned, over every policy of every template the template tests build (each role's inline policies
 * and each bucket policy), their intrinsics resolved to the ARNs they would be in account 123456789012, us-east-1:
 * no finding above LOW, except parliament's one known misreading of a table stream's ARN (see {@link PolicyLint}).
 */
class GeneratedPoliciesLintTest {

    private static PolicyLint lint;

    @BeforeAll
    static void venv() {
        lint = new PolicyLint(PythonTools.fromSystemProperties());
    }

    static Stream<Arguments> services() {
        List<Arguments> services = new ArrayList<>();
        services.add(Arguments.of("ResourcesAndTriggersTemplateTest", ResourcesAndTriggersTemplateTest.model()));
        services.add(Arguments.of("SchedulerTemplateTest", SchedulerTemplateTest.model()));
        services.add(Arguments.of("OwnedResourceSettingsTemplateTest", OwnedResourceSettingsTemplateTest.model()));
        services.add(Arguments.of("ProvisionedConcurrencyTemplateTest", ProvisionedConcurrencyTemplateTest.service()));
        for (Map.Entry<String, Map<String, ServiceModel>> test : Map.of(
                        "ServiceTemplateTest", ServiceTemplateTest.models(),
                        "HttpTemplatesTest", HttpTemplatesTest.models())
                .entrySet()) {
            test.getValue().forEach((name, model) -> services.add(Arguments.of(test.getKey() + " " + name, model)));
        }
        return services.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyRolePolicyOfTheServiceIsLintClean(String name, ServiceModel service) {
        assertLintClean(ServiceTemplate.marshal(service), service.stackName());
    }

    @Test
    void theArtifactBucketsPolicyIsLintClean() {
        assertLintClean(ArtifactBucketTemplate.marshal(), "sparta-artifacts");
    }

    @Test
    void aServiceWithEveryBuiltInDecoratorIsLintClean() throws Exception {
        ServiceModel service = ServiceTemplateTest.models().get("service");
        ObjectNode template = ServiceTemplate.marshal(service);
        new HookRunner(
                        new Extensions(List.of(new ErrorAlarms(), new Dashboard(), new StaticSite()), List.of()),
                        new RecordingConsole())
                .decorate(service, template);
        assertLintClean(template, service.stackName());
    }

    private static void assertLintClean(JsonNode template, String stackName) {
        List<ConcretePolicies.Policy> policies = ConcretePolicies.of(template, stackName);
        assertTrue(policies.size() > 0, "a template with no policy to lint");
        assertEquals(policiesWritten(template), policies.size(), "every policy of the template is linted");
        assertEquals(List.of(), lint.findingsAboveLow(policies));
    }

    /** Counted apart from {@link ConcretePolicies}: each role's inline policies, and each bucket policy. */
    private static int policiesWritten(JsonNode template) {
        int count = 0;
        for (JsonNode resource : template.path("Resources")) {
            switch (resource.path("Type").asText()) {
                case "AWS::IAM::Role" ->
                    count += resource.at("/Properties/Policies").size();
                case "AWS::S3::BucketPolicy" -> count++;
                default -> {}
            }
        }
        return count;
    }
}
