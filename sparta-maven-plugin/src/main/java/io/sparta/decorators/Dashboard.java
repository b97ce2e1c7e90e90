package io.sparta.decorators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceDecorator;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateFragment;

/**
 * A CloudWatch dashboard named after the stack, with invocations, errors, duration and throttles of every
 * function. Written only against the public API.
 *
 * <pre>{@code <decorator implementation="io.sparta.decorators.Dashboard"/>}</pre>
 */
public class Dashboard implements ServiceDecorator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] WIDGETS = {
        {"Invocations", "Sum"}, {"Errors", "Sum"}, {"Duration", "Average"}, {"Throttles", "Sum"}
    };

    /** The dashboard's logical id. */
    String logicalId = "ServiceDashboard";

    /** The metrics' period in seconds. */
    int period = 60;

    @Override
    public void decorate(ServiceModel service, TemplateFragment fragment) {
        if (service.functions().isEmpty()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode widgets = body.putArray("widgets");
        for (int i = 0; i < WIDGETS.length; i++) {
            ObjectNode widget = widgets.addObject()
                    .put("type", "metric")
                    .put("x", (i % 2) * 12)
                    .put("y", (i / 2) * 6)
                    .put("width", 12)
                    .put("height", 6);
            ObjectNode properties = widget.putObject("properties")
                    .put("title", WIDGETS[i][0])
                    .put("region", "${AWS::Region}")
                    .put("stat", WIDGETS[i][1])
                    .put("period", period)
                    .put("view", "timeSeries");
            ArrayNode metrics = properties.putArray("metrics");
            for (LambdaFunction function : service.functions()) {
                metrics.addArray()
                        .add("AWS/Lambda")
                        .add(WIDGETS[i][0])
                        .add("FunctionName")
                        .add("${" + function.functionLogicalId() + "}");
            }
        }
        ObjectNode dashboard = fragment.resource(logicalId, "AWS::CloudWatch::Dashboard");
        dashboard.putObject("DashboardName").put("Fn::Sub", "${AWS::StackName}");
        dashboard.putObject("DashboardBody").put("Fn::Sub", body.toString());
        fragment.output(logicalId + "Name")
                .put("Description", "CloudWatch dashboard of the service's functions")
                .putObject("Value")
                .put("Ref", logicalId);
    }
}
