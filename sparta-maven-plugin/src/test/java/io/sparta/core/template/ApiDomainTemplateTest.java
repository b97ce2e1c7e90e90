package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ApiKind;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpApiSettings.AccessLogs;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.HttpApiSettings.Domain;
import io.sparta.api.HttpApiSettings.Throttling;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A custom domain: its regional domain name, each API's mapping, the Route 53 record and the URL outputs. */
class ApiDomainTemplateTest {

    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d";

    @TempDir
    Path work;

    private static ServiceModel service(Domain domain, HttpRouteTrigger... routes) {
        LambdaFunction orders = TestFunctions.function("orders", "Orders", List.of(routes));
        return new ServiceModel(
                "shop",
                "shop",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(orders),
                new HttpApiSettings("v1", Cors.NONE, AccessLogs.NONE, Throttling.NONE, domain),
                List.of());
    }

    @Test
    void bothApisAreMappedAtTheirPathsAndTheZoneGetsAnAliasRecord() throws Exception {
        JsonNode template = ServiceTemplate.marshal(service(
                new Domain("api.example.com", CERTIFICATE, "orders", "ops", "Z0123456789ABCDEFGHIJ"),
                new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders"),
                new HttpRouteTrigger(ApiKind.REST, "GET", "/health")));
        JsonNode resources = template.path("Resources");

        JsonNode domain = resources.at("/ApiDomain/Properties");
        assertEquals("api.example.com", domain.path("DomainName").asText());
        assertEquals(
                "[{\"CertificateArn\":\"" + CERTIFICATE
                        + "\",\"EndpointType\":\"REGIONAL\",\"SecurityPolicy\":\"TLS_1_2\"}]",
                domain.path("DomainNameConfigurations").toString());

        JsonNode http = resources.at("/HttpApiMapping/Properties");
        assertEquals("HttpApi", http.at("/ApiId/Ref").asText());
        assertEquals("ApiDomain", http.at("/DomainName/Ref").asText());
        assertEquals("HttpApiStage", http.at("/Stage/Ref").asText());
        assertEquals("orders", http.path("ApiMappingKey").asText());

        JsonNode rest = resources.at("/RestApiMapping/Properties");
        assertEquals(
                "AWS::ApiGateway::BasePathMapping",
                resources.at("/RestApiMapping/Type").asText());
        assertEquals("RestApi", rest.at("/RestApiId/Ref").asText());
        assertEquals("RestApiStage", rest.at("/Stage/Ref").asText());
        assertEquals("ops", rest.path("BasePath").asText());

        JsonNode record = resources.at("/ApiDomainRecord/Properties");
        assertEquals("Z0123456789ABCDEFGHIJ", record.path("HostedZoneId").asText());
        assertEquals("A", record.path("Type").asText());
        assertEquals(
                "[\"ApiDomain\",\"RegionalDomainName\"]",
                record.at("/AliasTarget/DNSName/Fn::GetAtt").toString());
        assertEquals(
                "[\"ApiDomain\",\"RegionalHostedZoneId\"]",
                record.at("/AliasTarget/HostedZoneId/Fn::GetAtt").toString());

        JsonNode outputs = template.path("Outputs");
        // Plain text where nothing is substituted: cfn-lint warns of an Fn::Sub without variables (W1020).
        assertEquals(
                "https://api.example.com/orders/",
                outputs.at("/HttpApiDomainUrl/Value").asText());
        assertEquals(
                "https://api.example.com/ops/",
                outputs.at("/RestApiDomainUrl/Value").asText());
        assertEquals(
                "[\"ApiDomain\",\"RegionalDomainName\"]",
                outputs.at("/ApiDomainTarget/Value/Fn::GetAtt").toString());

        Path file = work.resolve("domain.json");
        Files.write(file, TemplateJson.bytes(template));
        assertEquals(List.of(), new CfnLint(PythonTools.fromSystemProperties()).errors(file));
    }

    @Test
    void parameterizedValuesBecomeSubstitutionsAndARootMappingHasNoKey() {
        JsonNode template = ServiceTemplate.marshal(service(
                new Domain("${ApiHost}.example.com", "${Certificate}", "", "", ""),
                new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders")));
        JsonNode resources = template.path("Resources");
        assertEquals(
                "${ApiHost}.example.com",
                resources.at("/ApiDomain/Properties/DomainName/Fn::Sub").asText());
        assertEquals(
                "${Certificate}",
                resources
                        .at("/ApiDomain/Properties/DomainNameConfigurations/0/CertificateArn/Fn::Sub")
                        .asText());
        assertFalse(resources.at("/HttpApiMapping/Properties").has("ApiMappingKey"));
        assertFalse(resources.has("RestApiMapping"));
        assertFalse(resources.has("ApiDomainRecord"));
        assertEquals(
                "https://${ApiHost}.example.com/",
                template.at("/Outputs/HttpApiDomainUrl/Value/Fn::Sub").asText());
        assertFalse(template.path("Outputs").has("RestApiDomainUrl"));
    }

    @Test
    void withoutADomainNothingOfItIsWritten() {
        JsonNode template =
                ServiceTemplate.marshal(service(Domain.NONE, new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders")));
        assertFalse(template.path("Resources").has("ApiDomain"));
        assertFalse(template.path("Resources").has("HttpApiMapping"));
        assertFalse(template.path("Outputs").has("ApiDomainTarget"));
    }
}
