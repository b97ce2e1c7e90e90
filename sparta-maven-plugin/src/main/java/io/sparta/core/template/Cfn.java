package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CloudFormation intrinsic functions as JSON nodes. */
final class Cfn {

    private Cfn() {}

    static ObjectNode ref(String logicalId) {
        return TemplateJson.object().put("Ref", logicalId);
    }

    static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode node = TemplateJson.object();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }

    static ObjectNode sub(String text) {
        return TemplateJson.object().put("Fn::Sub", text);
    }

    /** A resource with its type and an empty Properties object to fill in. */
    static ObjectNode resource(ObjectNode resources, String logicalId, String type) {
        ObjectNode resource = resources.putObject(logicalId);
        resource.put("Type", type);
        return resource;
    }

    /** An IAM policy document with its version set. */
    static ObjectNode policyDocument() {
        ObjectNode document = TemplateJson.object();
        document.put("Version", "2012-10-17");
        document.putArray("Statement");
        return document;
    }
}
