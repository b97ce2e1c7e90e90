package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.annotations.ResourceKind;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;

/** The ARN a trigger or grant means: an existing resource's as written, a declared one's through the template. */
final class ResourceArns {

    private ResourceArns() {}

    /** @param reference a declared resource's name, or an ARN */
    static JsonNode arn(ServiceModel service, String reference) {
        if (reference.startsWith("arn:")) {
            return Cfn.text(reference);
        }
        return arn(service, declared(service, reference));
    }

    static JsonNode arn(ServiceModel service, OwnedResource resource) {
        String id = resource.logicalId();
        return switch (resource.kind()) {
            case TABLE, QUEUE, STREAM -> Cfn.getAtt(id, "Arn");
            case TOPIC -> Cfn.ref(id);
            // Spelled out from the bucket's name, not read from the bucket: the bucket's notifications depend on
            // permissions that name this ARN, and a reference would make that a cycle.
            case BUCKET ->
                Cfn.sub("arn:${AWS::Partition}:s3:::"
                        + ((OwnedResource.Bucket) resource).physicalName(service.stackName()));
            case CUSTOM ->
                throw new IllegalStateException(
                        "Custom resource " + resource.name() + " has no ARN; grants and triggers do not name one");
        };
    }

    /** A table's stream ARN, or an existing stream's ARN as written. */
    static JsonNode streamArn(ServiceModel service, ResourceKind kind, String reference) {
        if (reference.startsWith("arn:")) {
            return Cfn.text(reference);
        }
        OwnedResource resource = declared(service, reference);
        return kind == ResourceKind.TABLE ? Cfn.getAtt(resource.logicalId(), "StreamArn") : arn(service, resource);
    }

    static OwnedResource declared(ServiceModel service, String name) {
        return service.resource(name)
                .orElseThrow(() -> new IllegalStateException("The model refers to undeclared resource " + name));
    }
}
