package io.sparta.api;

/** Adds CloudFormation for each function: called once per function, in the order functions are named. */
public interface TemplateDecorator extends SpartaDecorator {

    void decorate(ServiceModel service, LambdaFunction function, TemplateFragment fragment);
}
