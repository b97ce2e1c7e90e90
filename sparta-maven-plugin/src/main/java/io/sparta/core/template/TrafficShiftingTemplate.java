package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.FunctionOptions.Deployment;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * CodeDeploy deployments of functions' versions, as SAM's {@code DeploymentPreference} writes them: one
 * {@code AWS::CodeDeploy::Application} (named after the stack) and service role for the service, and for each
 * function a deployment group (named after the function) with its traffic shifting, automatic rollback and alarms,
 * Sparta's alarm on the alias's errors unless others are named, and the alias's {@code CodeDeployLambdaAliasUpdate}
 * update policy, so that CloudFormation hands each new version to CodeDeploy
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatepolicy.html#cfn-attributes-updatepolicy-codedeploylambdaaliasupdate).
 */
final class TrafficShiftingTemplate {

    static final String APPLICATION = "CodeDeployApplication";
    static final String ROLE = "CodeDeployServiceRole";

    private TrafficShiftingTemplate() {}

    static boolean used(ServiceModel service) {
        return service.functions().stream()
                .anyMatch(function -> function.options().deployment().enabled());
    }

    /** The group and alarm of one function, and its alias's update policy; the alias is already written. */
    static void addFunction(ObjectNode resources, LambdaFunction function, ServiceModel service) {
        Deployment deployment = function.options().deployment();
        if (!deployment.enabled()) {
            return;
        }
        String prefix = function.logicalIdPrefix();
        ObjectNode alias = (ObjectNode) resources.get(function.aliasLogicalId());
        List<String> alarms = new ArrayList<>(deployment.alarms());
        if (alarms.isEmpty()) {
            String alarmId = prefix + "DeploymentAlarm";
            String alarmName = "${AWS::StackName}-" + function.name() + "-deployment-errors";
            ObjectNode alarm = Cfn.properties(resources, alarmId, "AWS::CloudWatch::Alarm");
            alarm.set("AlarmName", Cfn.sub(alarmName));
            alarm.put(
                    "AlarmDescription",
                    "Errors of the alias " + LambdaFunction.ALIAS + " of function " + function.name()
                            + ": rolls a CodeDeploy deployment back");
            alarm.put("Namespace", "AWS/Lambda");
            alarm.put("MetricName", "Errors");
            ArrayNode dimensions = alarm.putArray("Dimensions");
            dimensions.addObject().put("Name", "FunctionName").set("Value", Cfn.ref(function.functionLogicalId()));
            dimensions
                    .addObject()
                    .put("Name", "Resource")
                    .set("Value", Cfn.sub("${" + function.functionLogicalId() + "}:" + LambdaFunction.ALIAS));
            alarm.put("Statistic", "Sum");
            alarm.put("Period", 60);
            alarm.put("EvaluationPeriods", 1);
            alarm.put("Threshold", 1);
            alarm.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
            alarm.put("TreatMissingData", "notBreaching");
            // The group names the alarm by name, so the alias waits for it: a new alarm exists before a deployment.
            dependsOn(alias, alarmId);
            alarms.add(alarmName);
        }
        String groupId = prefix + "DeploymentGroup";
        ObjectNode group = Cfn.properties(resources, groupId, "AWS::CodeDeploy::DeploymentGroup");
        group.set("ApplicationName", Cfn.ref(APPLICATION));
        group.put("DeploymentGroupName", function.name());
        group.set("ServiceRoleArn", Cfn.getAtt(ROLE, "Arn"));
        group.put("DeploymentConfigName", deployment.type().configurationName());
        ObjectNode style = group.putObject("DeploymentStyle");
        style.put("DeploymentType", "BLUE_GREEN");
        style.put("DeploymentOption", "WITH_TRAFFIC_CONTROL");
        ObjectNode rollback = group.putObject("AutoRollbackConfiguration");
        rollback.put("Enabled", true);
        rollback.putArray("Events")
                .add("DEPLOYMENT_FAILURE")
                .add("DEPLOYMENT_STOP_ON_ALARM")
                .add("DEPLOYMENT_STOP_ON_REQUEST");
        ObjectNode alarmConfiguration = group.putObject("AlarmConfiguration");
        alarmConfiguration.put("Enabled", true);
        ArrayNode names = alarmConfiguration.putArray("Alarms");
        alarms.forEach(name -> names.addObject().set("Name", Cfn.text(name)));

        ObjectNode update = alias.putObject("UpdatePolicy").putObject("CodeDeployLambdaAliasUpdate");
        update.set("ApplicationName", Cfn.ref(APPLICATION));
        update.set("DeploymentGroupName", Cfn.ref(groupId));
        // Named by Ref, as SAM does: the alias then waits for the hooks, so a deployment runs the hooks' new code.
        if (!deployment.preTrafficHook().isEmpty()) {
            update.set("BeforeAllowTrafficHook", hookRef(service, deployment.preTrafficHook()));
        }
        if (!deployment.postTrafficHook().isEmpty()) {
            update.set("AfterAllowTrafficHook", hookRef(service, deployment.postTrafficHook()));
        }
    }

    private static ObjectNode hookRef(ServiceModel service, String hook) {
        return Cfn.ref(service.function(hook).orElseThrow().functionLogicalId());
    }

    /**
     * The variable that tells a hook the version it tests: {@code SPARTA_NEW_VERSION_<FUNCTION>} holds the ARN of the
     * version being deployed of each function it hooks.
     */
    static void addHookVariables(ObjectNode functionProperties, LambdaFunction hook, ServiceModel service) {
        for (LambdaFunction function : hooked(hook, service)) {
            ObjectNode environment = functionProperties.has("Environment")
                    ? (ObjectNode) functionProperties.get("Environment")
                    : functionProperties.putObject("Environment");
            ObjectNode variables = environment.has("Variables")
                    ? (ObjectNode) environment.get("Variables")
                    : environment.putObject("Variables");
            variables.set(newVersionVariable(function.name()), Cfn.ref(function.logicalIdPrefix() + "Version"));
        }
    }

    /** {@code SPARTA_NEW_VERSION_ORDERS} for {@code Orders}. */
    static String newVersionVariable(String function) {
        return "SPARTA_NEW_VERSION_"
                + function.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The functions whose deployments call the hook. */
    private static List<LambdaFunction> hooked(LambdaFunction hook, ServiceModel service) {
        return service.functions().stream()
                .filter(function -> function.options().deployment().enabled())
                .filter(function -> hook.name()
                                .equals(function.options().deployment().preTrafficHook())
                        || hook.name().equals(function.options().deployment().postTrafficHook()))
                .toList();
    }

    private static void dependsOn(ObjectNode resource, String id) {
        ArrayNode dependsOn =
                resource.has("DependsOn") ? (ArrayNode) resource.get("DependsOn") : resource.putArray("DependsOn");
        dependsOn.add(id);
    }

    /**
     * The application and the role CodeDeploy acts with: it may read and move the aliases of the service's deployed
     * functions, read alarms, and call the hooks, each named by its function's name rather than referenced, so the
     * role stays with the application when the service is split into nested stacks.
     */
    static void addService(ObjectNode resources, ServiceModel service) {
        if (!used(service)) {
            return;
        }
        ObjectNode application = Cfn.properties(resources, APPLICATION, "AWS::CodeDeploy::Application");
        application.set("ApplicationName", Cfn.sub("${AWS::StackName}"));
        application.put("ComputePlatform", "Lambda");

        ObjectNode role = ServiceTemplate.serviceRole(resources, ROLE, "codedeploy.amazonaws.com");
        ObjectNode policy = role.putArray("Policies").addObject();
        policy.put("PolicyName", "shift-aliases");
        ObjectNode document = Cfn.policyDocument();
        ArrayNode statements = (ArrayNode) document.get("Statement");
        ObjectNode aliases = statements.addObject();
        aliases.put("Effect", "Allow");
        aliases.putArray("Action")
                .add("lambda:GetAlias")
                .add("lambda:GetProvisionedConcurrencyConfig")
                .add("lambda:UpdateAlias");
        ArrayNode aliasResources = aliases.putArray("Resource");
        List<String> hooks = new ArrayList<>();
        for (LambdaFunction function : service.functions()) {
            Deployment deployment = function.options().deployment();
            if (deployment.enabled()) {
                aliasResources.add(Cfn.sub(functionArn(function.name()) + ":*"));
                for (String hook : List.of(deployment.preTrafficHook(), deployment.postTrafficHook())) {
                    if (!hook.isEmpty() && !hooks.contains(hook)) {
                        hooks.add(hook);
                    }
                }
            }
        }
        ObjectNode readAlarms = statements.addObject();
        readAlarms.put("Effect", "Allow");
        readAlarms.put("Action", "cloudwatch:DescribeAlarms");
        readAlarms.set(
                "Resource", Cfn.sub("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*"));
        if (!hooks.isEmpty()) {
            ObjectNode callHooks = statements.addObject();
            callHooks.put("Effect", "Allow");
            callHooks.put("Action", "lambda:InvokeFunction");
            ArrayNode hookResources = callHooks.putArray("Resource");
            hooks.stream().sorted().forEach(hook -> hookResources.add(Cfn.sub(functionArn(hook))));
        }
        policy.set("PolicyDocument", document);
    }

    /**
     * What a hook function may do: tell CodeDeploy its verdict on a deployment, and call the versions of the functions
     * it hooks to test them. Nothing when the function hooks none.
     */
    static void addHookPolicy(ArrayNode policies, LambdaFunction hook, ServiceModel service) {
        List<String> hooked =
                hooked(hook, service).stream().map(LambdaFunction::name).toList();
        if (hooked.isEmpty()) {
            return;
        }
        ObjectNode policy = policies.addObject();
        policy.put("PolicyName", "codedeploy-hook");
        ObjectNode document = Cfn.policyDocument();
        ArrayNode statements = (ArrayNode) document.get("Statement");
        ObjectNode verdict = statements.addObject();
        verdict.put("Effect", "Allow");
        verdict.put("Action", "codedeploy:PutLifecycleEventHookExecutionStatus");
        // The action takes no resource (IAM's Service Authorization Reference for CodeDeploy): "*" is its only form.
        verdict.put("Resource", "*");
        ObjectNode test = statements.addObject();
        test.put("Effect", "Allow");
        test.put("Action", "lambda:InvokeFunction");
        ArrayNode versions = test.putArray("Resource");
        for (String function : hooked) {
            versions.add(Cfn.sub(functionArn(function) + ":*"));
        }
        policy.set("PolicyDocument", document);
    }

    private static String functionArn(String name) {
        return "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${AWS::StackName}-" + name;
    }
}
