package io.sparta.api;

/** Adds CloudFormation for the service as a whole: called once, after every {@link TemplateDecorator}. */
public interface ServiceDecorator extends SpartaDecorator {

    void decorate(ServiceModel service, TemplateFragment fragment);
}
