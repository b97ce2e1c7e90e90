package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.ServiceModel;
import io.sparta.core.JavaSources;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.ConcretePolicies;
import io.sparta.testkit.PolicyLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service using authorizers, a custom domain, scheduled provisioned concurrency and CodeDeploy deployments, delivered
 * through the pipeline: its CloudFormation role covers every type the service's template holds, and parliament and
 * cfn-lint pass the pipeline's template.
 */
class PipelineNewerTypesTest {

    private static final String SOURCE = """
            package acme;
            import io.sparta.annotations.*;
            @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "https://id.example.com", audiences = "web")
            @Authorizer(name = "keys", type = AuthorizerType.LAMBDA, function = "Keys")
            @Authorizer(name = "pool", type = AuthorizerType.COGNITO_USER_POOLS,
                userPoolArns = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123")
            public class Shop {
                @SpartaLambda(name = "Orders", deployment = DeploymentType.CANARY_10_PERCENT_5_MINUTES,
                    preTrafficHook = "Keys", provisionedConcurrency = 2,
                    concurrencySchedule = @ScheduledConcurrency(schedule = "cron(0 8 * * ? *)", concurrency = 5))
                @HttpRoute(method = "GET", path = "/orders", authorizer = "users")
                @HttpRoute(method = "POST", path = "/orders", api = ApiKind.REST, authorizer = "pool")
                @HttpRoute(method = "GET", path = "/partners", api = ApiKind.REST, authorizer = "keys")
                public String orders(String in) { return in; }
                @SpartaLambda(name = "Keys")
                public String keys(java.util.Map<String, Object> event) { return ""; }
            }
            """;

    @TempDir
    static Path work;

    private static ObjectNode service;
    private static ObjectNode pipeline;

    @BeforeAll
    static void marshal() throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Shop.java", SOURCE));
        HttpApiSettings http = new HttpApiSettings(
                "v1",
                HttpApiSettings.Cors.NONE,
                HttpApiSettings.AccessLogs.NONE,
                HttpApiSettings.Throttling.NONE,
                new HttpApiSettings.Domain(
                        "api.example.com",
                        "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab",
                        "orders",
                        "ops",
                        "Z0123456789ABCDEFGHIJ"));
        ServiceModel model = new ServiceModelBuilder()
                .build(
                        new ServiceSettings("orders", "orders", Map.of(), Map.of(), Map.of(), http),
                        new FunctionScanner().scan(classes, JavaSources.testClasspath()));
        service = ServiceTemplate.marshal(model);
        pipeline = PipelineTemplate.marshal(
                new PipelineTemplate.Declaration(
                        "orders",
                        "orders-pipeline",
                        "orders/package.zip",
                        PipelineTemplateTest.ENVIRONMENTS,
                        Optional.empty(),
                        "image"),
                service);
    }

    @Test
    void theServiceHoldsEveryNewerTypeAndThePipelineKnowsEachOne() {
        Set<String> types = new TreeSet<>();
        service.path("Resources")
                .forEach(resource -> types.add(resource.path("Type").asText()));
        assertTrue(
                types.containsAll(List.of(
                        "AWS::ApiGatewayV2::Authorizer",
                        "AWS::ApiGateway::Authorizer",
                        "AWS::ApiGatewayV2::DomainName",
                        "AWS::ApiGatewayV2::ApiMapping",
                        "AWS::ApiGateway::BasePathMapping",
                        "AWS::Route53::RecordSet",
                        "AWS::ApplicationAutoScaling::ScalableTarget",
                        "AWS::CodeDeploy::Application",
                        "AWS::CodeDeploy::DeploymentGroup",
                        "AWS::CloudWatch::Alarm")),
                types.toString());
        for (String type : types) {
            assertFalse(ResourceActions.of(type).isEmpty(), type);
        }
        String policies = pipeline.toString();
        assertTrue(policies.contains("codedeploy:CreateDeployment"), "CloudFormation starts the deployments");
        assertTrue(policies.contains("application-autoscaling:RegisterScalableTarget"));
    }

    @Test
    void parliamentAndCfnLintPassThePipeline() throws Exception {
        assertEquals(
                List.of(),
                new PolicyLint(PythonTools.fromSystemProperties())
                        .findingsAboveLow(ConcretePolicies.of(pipeline, "orders-pipeline")));
        Path file = Files.write(work.resolve("pipeline.json"), TemplateJson.bytes(pipeline));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
        Path serviceFile = Files.write(work.resolve("service.json"), TemplateJson.bytes(service));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(serviceFile));
    }
}
