package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.FunctionOptions;
import io.sparta.api.FunctionOptions.ConcurrencyChange;
import io.sparta.api.LambdaFunction;

/**
 * A function's provisioned concurrency on its alias {@code live}
 * (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html), and its scheduled changes as an
 * Application Auto Scaling scalable target with one scheduled action a change
 * (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html#managing-provisioned-concurency).
 */
final class ProvisionedConcurrencyTemplate {

    private ProvisionedConcurrencyTemplate() {}

    /**
     * Sets the alias's provisioned concurrency and, when the function has a schedule, adds the scalable target
     * {@code <Function>ConcurrencyTarget} holding the alias at that number until a scheduled action changes it.
     *
     * @param alias the alias {@code live}'s properties
     */
    static void add(ObjectNode resources, LambdaFunction function, ObjectNode alias) {
        FunctionOptions options = function.options();
        if (options.provisionedConcurrency() <= 0) {
            return;
        }
        alias.putObject("ProvisionedConcurrencyConfig")
                .put("ProvisionedConcurrentExecutions", options.provisionedConcurrency());
        if (options.concurrencySchedule().isEmpty()) {
            return;
        }
        ObjectNode target = Cfn.resource(
                resources,
                function.logicalIdPrefix() + "ConcurrencyTarget",
                "AWS::ApplicationAutoScaling::ScalableTarget");
        // The alias must hold its provisioned concurrency before Application Auto Scaling may manage it.
        target.putArray("DependsOn").add(function.aliasLogicalId());
        ObjectNode properties = target.putObject("Properties");
        properties.put("ServiceNamespace", "lambda");
        properties.put("ScalableDimension", "lambda:function:ProvisionedConcurrency");
        properties.set(
                "ResourceId", Cfn.sub("function:${" + function.functionLogicalId() + "}:" + LambdaFunction.ALIAS));
        properties.put("MinCapacity", options.provisionedConcurrency());
        properties.put("MaxCapacity", options.provisionedConcurrency());
        ArrayNode actions = properties.putArray("ScheduledActions");
        int number = 0;
        for (ConcurrencyChange change : options.concurrencySchedule()) {
            ObjectNode action = actions.addObject();
            action.put("ScheduledActionName", function.logicalIdPrefix() + "Concurrency" + ++number);
            action.put("Schedule", change.schedule());
            action.put("Timezone", change.timezone());
            action.putObject("ScalableTargetAction")
                    .put("MinCapacity", change.concurrency())
                    .put("MaxCapacity", change.concurrency());
        }
    }
}
