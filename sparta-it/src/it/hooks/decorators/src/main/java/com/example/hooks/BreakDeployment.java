package com.example.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.ServiceDecorator;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateFragment;

/**
 * When enabled, adds a valid template that the local AWS APIs cannot deploy: for moto, a queue tagged with the
 * ARN of an alarm, a resource type moto skips; for fakecloud, which creates alarms, an alias of a function that
 * does not exist (a name no check before the change set reads; moto skips aliases). Lets the tests see a
 * provision fail.
 */
public class BreakDeployment implements ServiceDecorator {

    boolean enabled;

    @Override
    public void decorate(ServiceModel service, TemplateFragment fragment) {
        if (!enabled) {
            return;
        }
        ObjectNode alarm = fragment.resource("BreakingAlarm", "AWS::CloudWatch::Alarm");
        alarm.put("Namespace", "AWS/Lambda").put("MetricName", "Errors").put("Statistic", "Sum");
        alarm.put("Period", 60).put("EvaluationPeriods", 1).put("Threshold", 1);
        alarm.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        ObjectNode tag = fragment.resource("BrokenQueue", "AWS::SQS::Queue").putArray("Tags").addObject();
        tag.put("Key", "alarm");
        tag.putObject("Value").putArray("Fn::GetAtt").add("BreakingAlarm").add("Arn");
        fragment.resource("BrokenAlias", "AWS::Lambda::Alias")
                .put("FunctionName", "sparta-it-no-such-function")
                .put("FunctionVersion", "1")
                .put("Name", "live");
    }
}
