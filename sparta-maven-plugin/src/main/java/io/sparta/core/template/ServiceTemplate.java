package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sparta.api.FunctionOptions;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.Digests;
import io.sparta.core.common.TemplateJson;

/**
 * Marshals a {@link ServiceModel} to a CloudFormation template. Each function gets its own role, trusting
 * only Lambda and allowed only to write its own log group (unless it names an existing role), and a log group
 * with the declared retention.
 */
public final class ServiceTemplate {

    public static final String ARTIFACT_BUCKET = "ArtifactBucket";
    public static final String ARTIFACT_KEY = "ArtifactKey";
    /**
     * Prefix of the parameters that carry a secret's reference: NoEcho, so CloudFormation masks them in what it
     * shows.
     */
    public static final String SECRET_PARAMETER_PREFIX = "Secret";
    /** Metadata of a permission for a notification on a bucket the stack does not own, which provision sets. */
    public static final String BUCKET_NOTIFICATION_METADATA = "SpartaBucketNotification";

    private ServiceTemplate() {}

    public static ObjectNode marshal(ServiceModel service) {
        ObjectNode template = TemplateJson.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "Sparta for Java service " + service.serviceName());
        ObjectNode parameters = template.putObject("Parameters");
        parameters
                .putObject(ARTIFACT_BUCKET)
                .put("Type", "String")
                .put("Description", "S3 bucket holding the service archive");
        parameters.putObject(ARTIFACT_KEY).put("Type", "String").put("Description", "S3 key of the service archive");
        service.parameters().keySet().forEach(name -> {
            ObjectNode parameter = parameters.putObject(name).put("Type", "String");
            if (name.startsWith(SECRET_PARAMETER_PREFIX)) {
                parameter.put("NoEcho", true);
            }
        });
        ObjectNode resources = template.putObject("Resources");
        ObjectNode outputs = template.putObject("Outputs");
        // Declared resources first: a bucket's notifications are added to it with the functions they invoke.
        ResourceTemplate.add(resources, outputs, service);
        for (LambdaFunction function : service.functions()) {
            addFunction(resources, outputs, function, service);
            function.triggers(FunctionUrlTrigger.class)
                    .forEach(url -> FunctionUrlTemplate.add(
                            resources, outputs, function, url, service.http().cors()));
        }
        // With the functions' triggers, which it completes.
        BucketNotificationsTemplate.add(template, service);
        HttpApiTemplate.add(resources, outputs, service);
        RestApiTemplate.add(resources, outputs, service);
        ApiDomainTemplate.add(resources, outputs, service);
        TrafficShiftingTemplate.addService(resources, service);
        return template;
    }

    private static void addFunction(
            ObjectNode resources, ObjectNode outputs, LambdaFunction function, ServiceModel service) {
        String functionId = function.functionLogicalId();
        String logGroupId = function.logGroupLogicalId();
        String deployedName = "${AWS::StackName}-" + function.name();

        ObjectNode logGroup =
                Cfn.resource(resources, logGroupId, "AWS::Logs::LogGroup").putObject("Properties");
        logGroup.set("LogGroupName", Cfn.sub("/aws/lambda/" + deployedName));
        if (function.logRetentionDays() != io.sparta.annotations.SpartaLambda.LOGS_NEVER_EXPIRE) {
            // Without RetentionInDays, CloudWatch keeps the logs until they are deleted.
            logGroup.put("RetentionInDays", function.logRetentionDays());
        }

        if (!function.options().hasStaticRole()) {
            addRole(resources, function, service);
        }

        ObjectNode lambda = Cfn.resource(resources, functionId, "AWS::Lambda::Function");
        lambda.putArray("DependsOn").add(logGroupId);
        ObjectNode properties = lambda.putObject("Properties");
        properties.set("FunctionName", Cfn.sub(deployedName));
        properties.put("Handler", function.handler());
        properties.put("Runtime", function.runtime().identifier());
        if (function.architecture() != io.sparta.annotations.Architecture.X86_64) {
            // Lambda's default is x86_64; like every option left at its default, it stays out of the template.
            properties.putArray("Architectures").add(function.architecture().identifier());
        }
        properties.put("MemorySize", function.memory());
        properties.put("Timeout", function.timeout());
        if (!function.description().isEmpty()) {
            properties.put("Description", function.description());
        }
        properties.set("Role", roleArn(function));
        addOptions(properties, function.options());
        ObjectNode code = properties.putObject("Code");
        code.set("S3Bucket", Cfn.ref(ARTIFACT_BUCKET));
        code.set("S3Key", Cfn.ref(ARTIFACT_KEY));
        if (!function.environment().isEmpty()) {
            ObjectNode variables = properties.putObject("Environment").putObject("Variables");
            function.environment().forEach((key, value) -> {
                if (value.contains("${")) {
                    variables.set(key, Cfn.sub(value));
                } else {
                    variables.put(key, value);
                }
            });
        }
        TrafficShiftingTemplate.addHookVariables(properties, function, service);

        if (service.functionOutputs()) {
            Cfn.output(
                    outputs,
                    function.logicalIdPrefix() + "Arn",
                    "ARN of function " + function.name() + " (" + function.handler() + ")",
                    Cfn.getAtt(functionId, "Arn"));
        }
        if (function.options().publishesAlias()) {
            addPublishedAlias(resources, service.functionOutputs() ? outputs : null, function, properties, service);
        }
        TriggerTemplate.add(resources, function, service);
        if (!function.options().onFailure().isEmpty()) {
            ObjectNode invokeConfigResource = Cfn.resource(
                    resources, function.logicalIdPrefix() + "InvokeConfig", "AWS::Lambda::EventInvokeConfig");
            if (function.options().publishesAlias()) {
                invokeConfigResource.putArray("DependsOn").add(function.aliasLogicalId());
            }
            ObjectNode invokeConfig = invokeConfigResource.putObject("Properties");
            invokeConfig.set("FunctionName", Cfn.ref(functionId));
            invokeConfig.put("Qualifier", function.options().publishesAlias() ? LambdaFunction.ALIAS : "$LATEST");
            invokeConfig
                    .putObject("DestinationConfig")
                    .putObject("OnFailure")
                    .set(
                            "Destination",
                            ResourceArns.arn(service, function.options().onFailure()));
        }
    }

    /**
     * Names layer keys in a SnapStart function's version description, beside its code's: the version is published
     * when the description changes, so a new layer version reaches the alias {@code live}, not only
     * {@code $LATEST}.
     *
     * @param version the function's {@code AWS::Lambda::Version}, or a missing node for a function without one
     * @param keyParameters the template parameters holding the keys of the layers it lists
     */
    static void publishOnLayerChange(JsonNode version, java.util.List<String> keyParameters) {
        JsonNode description = version.path("Properties").path("Description");
        String code = "code ${" + ARTIFACT_KEY + "}";
        String text = description.path("Fn::Sub").asText();
        if (!version.path("Type").asText().equals("AWS::Lambda::Version") || !text.startsWith(code)) {
            return;
        }
        StringBuilder keys = new StringBuilder();
        keyParameters.forEach(key -> keys.append(" layer ${").append(key).append('}'));
        ((ObjectNode) description).put("Fn::Sub", code + keys + text.substring(code.length()));
    }

    /**
     * A version published whenever code or configuration changes, and the alias {@code live} on it, with SnapStart
     * or provisioned concurrency. The version's
     * description holds the archive's content-hash key and a hash of the configuration, so an unchanged function
     * publishes nothing; older versions are kept for rollback.
     *
     * @param outputs where the alias's ARN goes as an output, or {@code null} when function outputs are off
     */
    private static void addPublishedAlias(
            ObjectNode resources,
            ObjectNode outputs,
            LambdaFunction function,
            ObjectNode functionProperties,
            ServiceModel service) {
        if (function.options().snapStart()) {
            functionProperties.putObject("SnapStart").put("ApplyOn", "PublishedVersions");
        }
        String configuration =
                Digests.sha256(TemplateJson.bytes(functionProperties)).substring(0, 16);
        String versionId = function.logicalIdPrefix() + "Version";
        ObjectNode version = Cfn.resource(resources, versionId, "AWS::Lambda::Version");
        version.put("UpdateReplacePolicy", "Retain");
        ObjectNode versionProperties = version.putObject("Properties");
        versionProperties.set("FunctionName", Cfn.ref(function.functionLogicalId()));
        versionProperties.set("Description", Cfn.sub("code ${" + ARTIFACT_KEY + "} configuration " + configuration));
        String aliasId = function.aliasLogicalId();
        ObjectNode alias =
                Cfn.resource(resources, aliasId, "AWS::Lambda::Alias").putObject("Properties");
        alias.put("Name", LambdaFunction.ALIAS);
        alias.set("FunctionName", Cfn.ref(function.functionLogicalId()));
        alias.set("FunctionVersion", Cfn.getAtt(versionId, "Version"));
        ProvisionedConcurrencyTemplate.add(resources, function, alias);
        TrafficShiftingTemplate.addFunction(resources, function, service);
        if (outputs == null) {
            return;
        }
        Cfn.output(
                outputs,
                function.logicalIdPrefix() + "AliasArn",
                "ARN of the alias live of function " + function.name() + ": call this one",
                Cfn.ref(aliasId));
    }

    /** The function's own role: trusts only Lambda, may write only to the function's log group. */
    private static void addRole(ObjectNode resources, LambdaFunction function, ServiceModel service) {
        String logGroupId = function.logGroupLogicalId();
        ObjectNode role = lambdaRole(resources, function.roleLogicalId());
        if (!function.options().managedPolicies().isEmpty()) {
            ArrayNode managed = role.putArray("ManagedPolicyArns");
            function.options().managedPolicies().forEach(managed::add);
        }
        writeOwnLogs(role.putArray("Policies"), logGroupId);
        AccessPolicies.add((ArrayNode) role.get("Policies"), function, service);
        TrafficShiftingTemplate.addHookPolicy((ArrayNode) role.get("Policies"), function, service);
        if (function.options().tracing()) {
            ObjectNode tracesPolicy = ((ArrayNode) role.get("Policies")).addObject();
            tracesPolicy.put("PolicyName", "send-traces");
            ObjectNode tracesDocument = Cfn.policyDocument();
            ObjectNode sendTraces = ((ArrayNode) tracesDocument.get("Statement")).addObject();
            sendTraces.put("Effect", "Allow");
            sendTraces.putArray("Action").add("xray:PutTraceSegments").add("xray:PutTelemetryRecords");
            // X-Ray's actions take no resource: this is the one resource Sparta writes as "*".
            sendTraces.put("Resource", "*");
            tracesPolicy.set("PolicyDocument", tracesDocument);
        }
    }

    /** A role's Properties, trusting only Lambda. */
    static ObjectNode lambdaRole(ObjectNode resources, String roleId) {
        return serviceRole(resources, roleId, "lambda.amazonaws.com");
    }

    /** A role only one AWS service may assume, such as {@code codedeploy.amazonaws.com}; its properties. */
    static ObjectNode serviceRole(ObjectNode resources, String roleId, String service) {
        ObjectNode role = Cfn.properties(resources, roleId, "AWS::IAM::Role");
        ObjectNode trust = Cfn.policyDocument();
        ObjectNode assume = ((ArrayNode) trust.get("Statement")).addObject();
        assume.put("Effect", "Allow");
        assume.putObject("Principal").put("Service", service);
        assume.put("Action", "sts:AssumeRole");
        role.set("AssumeRolePolicyDocument", trust);
        return role;
    }

    /** The inline policy letting a function write to its own log group, and nowhere else. */
    static void writeOwnLogs(ArrayNode policies, String logGroupId) {
        ObjectNode logsPolicy = policies.addObject();
        logsPolicy.put("PolicyName", "write-own-logs");
        ObjectNode logsDocument = Cfn.policyDocument();
        ObjectNode writeLogs = ((ArrayNode) logsDocument.get("Statement")).addObject();
        writeLogs.put("Effect", "Allow");
        writeLogs.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents");
        // The log group's ARN with ":*", which covers its streams, spelled out rather than left to GetAtt.
        writeLogs.set(
                "Resource",
                Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${" + logGroupId
                        + "}:*"));
        logsPolicy.set("PolicyDocument", logsDocument);
    }

    private static JsonNode roleArn(LambdaFunction function) {
        String role = function.options().role();
        if (!function.options().hasStaticRole()) {
            return Cfn.getAtt(function.roleLogicalId(), "Arn");
        }
        return role.startsWith("arn:")
                ? TextNode.valueOf(role)
                : Cfn.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + role);
    }

    /** Only what differs from Lambda's defaults, so templates stay as short as the declarations. */
    private static void addOptions(ObjectNode properties, FunctionOptions options) {
        if (options.reservedConcurrency() >= 0) {
            properties.put("ReservedConcurrentExecutions", options.reservedConcurrency());
        }
        if (options.tracing()) {
            properties.putObject("TracingConfig").put("Mode", "Active");
        }
        if (options.ephemeralStorage() != FunctionOptions.DEFAULTS.ephemeralStorage()) {
            properties.putObject("EphemeralStorage").put("Size", options.ephemeralStorage());
        }
        if (!options.layers().isEmpty()) {
            ArrayNode layers = properties.putArray("Layers");
            options.layers().forEach(layers::add);
        }
        if (options.inVpc()) {
            ObjectNode vpc = properties.putObject("VpcConfig");
            ArrayNode subnets = vpc.putArray("SubnetIds");
            options.subnetIds().forEach(subnets::add);
            ArrayNode groups = vpc.putArray("SecurityGroupIds");
            options.securityGroupIds().forEach(groups::add);
        }
        if (!options.tags().isEmpty()) {
            ArrayNode tags = properties.putArray("Tags");
            options.tags()
                    .forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
    }
}
