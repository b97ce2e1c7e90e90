package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.ApiKind;
import io.sparta.api.HttpApiSettings.Domain;
import io.sparta.api.ServiceModel;

/**
 * The service's custom domain name: a regional {@code AWS::ApiGatewayV2::DomainName} with its ACM certificate and
 * TLS 1.2, the HTTP API's stage mapped at its base path ({@code AWS::ApiGatewayV2::ApiMapping}), the REST API's at
 * its own ({@code AWS::ApiGateway::BasePathMapping}), and, given a hosted zone, a Route 53 alias record pointing the
 * name at the domain's regional endpoint
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html).
 */
final class ApiDomainTemplate {

    static final String DOMAIN = "ApiDomain";

    private ApiDomainTemplate() {}

    static void add(ObjectNode resources, ObjectNode outputs, ServiceModel service) {
        Domain domain = service.http().domain();
        boolean http = !service.routes(ApiKind.HTTP).isEmpty();
        boolean rest = !service.routes(ApiKind.REST).isEmpty();
        if (!domain.enabled() || !(http || rest)) {
            return;
        }
        ObjectNode properties = Cfn.properties(resources, DOMAIN, "AWS::ApiGatewayV2::DomainName");
        properties.set("DomainName", Cfn.text(domain.name()));
        ObjectNode configuration =
                properties.putArray("DomainNameConfigurations").addObject();
        configuration.set("CertificateArn", Cfn.text(domain.certificateArn()));
        configuration.put("EndpointType", "REGIONAL");
        configuration.put("SecurityPolicy", "TLS_1_2");

        if (http) {
            ObjectNode mapping = Cfn.properties(resources, "HttpApiMapping", "AWS::ApiGatewayV2::ApiMapping");
            mapping.set("ApiId", Cfn.ref(HttpApiTemplate.API));
            mapping.set("DomainName", Cfn.ref(DOMAIN));
            mapping.set("Stage", Cfn.ref(HttpApiTemplate.STAGE));
            if (!domain.basePath().isEmpty()) {
                mapping.set("ApiMappingKey", Cfn.text(domain.basePath()));
            }
            Cfn.output(
                    outputs,
                    "HttpApiDomainUrl",
                    "The HTTP API's URL at the service's custom domain",
                    Cfn.text(url(domain.name(), domain.basePath())));
        }
        if (rest) {
            ObjectNode mapping = Cfn.properties(resources, "RestApiMapping", "AWS::ApiGateway::BasePathMapping");
            mapping.set("DomainName", Cfn.ref(DOMAIN));
            mapping.set("RestApiId", Cfn.ref(RestApiTemplate.API));
            mapping.set("Stage", Cfn.ref(RestApiTemplate.STAGE));
            if (!domain.restBasePath().isEmpty()) {
                mapping.set("BasePath", Cfn.text(domain.restBasePath()));
            }
            Cfn.output(
                    outputs,
                    "RestApiDomainUrl",
                    "The REST API's URL at the service's custom domain",
                    Cfn.text(url(domain.name(), domain.restBasePath())));
        }
        if (!domain.hostedZoneId().isEmpty()) {
            ObjectNode record = Cfn.properties(resources, DOMAIN + "Record", "AWS::Route53::RecordSet");
            record.set("HostedZoneId", Cfn.text(domain.hostedZoneId()));
            record.set("Name", Cfn.text(domain.name()));
            record.put("Type", "A");
            ObjectNode alias = record.putObject("AliasTarget");
            alias.set("DNSName", Cfn.getAtt(DOMAIN, "RegionalDomainName"));
            alias.set("HostedZoneId", Cfn.getAtt(DOMAIN, "RegionalHostedZoneId"));
        }
        Cfn.output(
                outputs,
                "ApiDomainTarget",
                "Where DNS must point the custom domain (a CNAME, or an alias A record in the Route 53 zone "
                        + "ApiDomainHostedZoneId)",
                Cfn.getAtt(DOMAIN, "RegionalDomainName"));
        Cfn.output(
                outputs,
                "ApiDomainHostedZoneId",
                "The Route 53 zone of ApiDomainTarget, for an alias record",
                Cfn.getAtt(DOMAIN, "RegionalHostedZoneId"));
    }

    private static String url(String name, String basePath) {
        return "https://" + name + "/" + (basePath.isEmpty() ? "" : basePath + "/");
    }
}
