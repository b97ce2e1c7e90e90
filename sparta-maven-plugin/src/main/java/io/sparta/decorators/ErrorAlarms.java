package io.sparta.decorators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateDecorator;
import io.sparta.api.TemplateFragment;

/**
 * A CloudWatch alarm per function on its {@code Errors} metric, optionally notifying an SNS topic. Written only
 * against the public API.
 *
 * <pre>{@code
 * <decorator implementation="io.sparta.decorators.ErrorAlarms">
 *   <threshold>5</threshold>
 *   <period>300</period>
 *   <topicArn>arn:aws:sns:eu-west-1:123456789012:oncall</topicArn>
 * </decorator>
 * }</pre>
 */
public class ErrorAlarms implements TemplateDecorator {

    /** Errors within one period that raise the alarm, at least 1. */
    int threshold = 1;

    /** The period in seconds: 10, 30 or a multiple of 60. */
    int period = 60;

    /** How many consecutive periods must breach, at least 1. */
    int evaluationPeriods = 1;

    /** An SNS topic told when the alarm fires and clears; none by default. */
    String topicArn;

    @Override
    public void decorate(ServiceModel service, LambdaFunction function, TemplateFragment fragment) {
        if (threshold < 1) {
            throw new IllegalArgumentException("<threshold> is " + threshold + "; it must be at least 1");
        }
        if (period != 10 && period != 30 && (period < 60 || period % 60 != 0)) {
            throw new IllegalArgumentException(
                    "<period> is " + period + "; CloudWatch allows 10, 30 or a multiple of 60");
        }
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException(
                    "<evaluationPeriods> is " + evaluationPeriods + "; it must be at least 1");
        }
        ObjectNode alarm = fragment.resource(function.logicalIdPrefix() + "ErrorAlarm", "AWS::CloudWatch::Alarm");
        alarm.putObject("AlarmName").put("Fn::Sub", "${AWS::StackName}-" + function.name() + "-errors");
        alarm.put("AlarmDescription", "Errors of function " + function.name() + " (" + function.handler() + ")");
        alarm.put("Namespace", "AWS/Lambda");
        alarm.put("MetricName", "Errors");
        alarm.putArray("Dimensions")
                .addObject()
                .put("Name", "FunctionName")
                .putObject("Value")
                .put("Ref", function.functionLogicalId());
        alarm.put("Statistic", "Sum");
        alarm.put("Period", period);
        alarm.put("EvaluationPeriods", evaluationPeriods);
        alarm.put("Threshold", threshold);
        alarm.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        alarm.put("TreatMissingData", "notBreaching");
        if (topicArn != null && !topicArn.isBlank()) {
            alarm.putArray("AlarmActions").add(topicArn);
            alarm.putArray("OKActions").add(topicArn);
        }
    }
}
