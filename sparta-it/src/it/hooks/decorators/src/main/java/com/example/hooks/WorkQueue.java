package com.example.hooks;

import io.sparta.api.ServiceDecorator;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateFragment;

/** A queue the service's functions can hand work to. */
public class WorkQueue implements ServiceDecorator {

    /** Seconds a received message stays hidden. */
    int visibilityTimeout = 60;

    @Override
    public void decorate(ServiceModel service, TemplateFragment fragment) {
        fragment.resource("WorkQueue", "AWS::SQS::Queue").put("VisibilityTimeout", visibilityTimeout);
        fragment.output("WorkQueueUrl").putObject("Value").put("Ref", "WorkQueue");
    }
}
