package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.core.common.TemplateJson;
import java.util.List;

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

    /**
     * Fn::Sub of {@code text}; where it uses {@link OwnedResource.Bucket#STACK_SUFFIX}, with that variable defined
     * beside it.
     */
    static ObjectNode sub(String text) {
        if (!text.contains("${" + OwnedResource.Bucket.STACK_SUFFIX + "}")) {
            return TemplateJson.object().put("Fn::Sub", text);
        }
        ObjectNode sub = TemplateJson.object();
        ArrayNode arguments = sub.putArray("Fn::Sub");
        arguments.add(text);
        arguments.addObject().set(OwnedResource.Bucket.STACK_SUFFIX, stackSuffix());
        return sub;
    }

    /**
     * The first group of the UUID ending the stack's id ({@code arn:...:stack/<name>/<uuid>}): set when the stack
     * is created, kept across its updates.
     */
    private static ObjectNode stackSuffix() {
        ObjectNode stackId = ref("AWS::StackId");
        ObjectNode uuid = select(2, split("/", stackId));
        return select(0, split("-", uuid));
    }

    private static ObjectNode select(int index, JsonNode list) {
        ObjectNode node = TemplateJson.object();
        node.putArray("Fn::Select").add(index).add(list);
        return node;
    }

    private static ObjectNode split(String delimiter, JsonNode text) {
        ObjectNode node = TemplateJson.object();
        node.putArray("Fn::Split").add(delimiter).add(text);
        return node;
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

    /** A resource's Properties object, to fill in. */
    static ObjectNode properties(ObjectNode resources, String logicalId, String type) {
        return resource(resources, logicalId, type).putObject("Properties");
    }

    /**
     * What triggers and APIs invoke: the alias {@code live} of a function with SnapStart or provisioned concurrency,
     * which apply to published versions only, or else the function.
     */
    static JsonNode invokeArn(LambdaFunction function) {
        return function.options().publishesAlias()
                ? ref(function.aliasLogicalId())
                : getAtt(function.functionLogicalId(), "Arn");
    }

    /** {@link #invokeArn} for use inside Fn::Sub. */
    static String invokeArnSub(LambdaFunction function) {
        return function.options().publishesAlias()
                ? "${" + function.aliasLogicalId() + "}"
                : "${" + function.functionLogicalId() + ".Arn}";
    }

    /** Lets one AWS service invoke a function, from one source only. */
    static ObjectNode invokePermission(
            ObjectNode resources, String logicalId, LambdaFunction function, String principal, JsonNode sourceArn) {
        ObjectNode permission = properties(resources, logicalId, "AWS::Lambda::Permission");
        permission.put("Action", "lambda:InvokeFunction");
        permission.set("FunctionName", invokeArn(function));
        permission.put("Principal", principal);
        permission.set("SourceArn", sourceArn);
        return permission;
    }

    /** A text as written, or through Fn::Sub when it holds {@code ${...}} references. */
    static JsonNode text(String value) {
        return value.contains("${") ? sub(value) : TextNode.valueOf(value);
    }

    /** Exports named after the stack, so other stacks can import them and two stacks never clash. */
    static void exportAs(ObjectNode output, String name) {
        output.putObject("Export").set("Name", sub("${AWS::StackName}-" + name));
    }

    /** A stack output, exported under the stack's name. */
    static ObjectNode output(ObjectNode outputs, String name, String description, JsonNode value) {
        ObjectNode output = outputs.putObject(name);
        output.put("Description", description);
        output.set("Value", value);
        exportAs(output, name);
        return output;
    }

    /** Encryption at rest and every public access block: what every bucket Sparta makes starts with. */
    static void privateEncryptedBucket(ObjectNode bucketProperties) {
        bucketProperties
                .putObject("BucketEncryption")
                .putArray("ServerSideEncryptionConfiguration")
                .addObject()
                .putObject("ServerSideEncryptionByDefault")
                .put("SSEAlgorithm", "AES256");
        bucketProperties
                .putObject("PublicAccessBlockConfiguration")
                .put("BlockPublicAcls", true)
                .put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true)
                .put("RestrictPublicBuckets", true);
    }

    /** A bucket policy denying every request that does not use TLS. */
    static void tlsOnlyPolicy(
            ObjectNode resources, String policyId, String bucketId, JsonNode bucketArn, JsonNode objectsArn) {
        ObjectNode policy = properties(resources, policyId, "AWS::S3::BucketPolicy");
        policy.set("Bucket", ref(bucketId));
        ObjectNode document = policyDocument();
        ObjectNode deny = ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("Statement")).addObject();
        deny.put("Sid", "DenyInsecureTransport");
        deny.put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", "s3:*");
        deny.putArray("Resource").add(bucketArn).add(objectsArn);
        deny.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        policy.set("PolicyDocument", document);
    }

    /**
     * An Allow statement, keys in the order every Sparta policy writes them.
     *
     * @param sid the statement's id, or {@code null} for none
     */
    static ObjectNode allow(String sid, List<String> actions, List<? extends JsonNode> resources) {
        ObjectNode statement = TemplateJson.object();
        if (sid != null) {
            statement.put("Sid", sid);
        }
        statement.put("Effect", "Allow");
        com.fasterxml.jackson.databind.node.ArrayNode actionArray = statement.putArray("Action");
        actions.forEach(actionArray::add);
        com.fasterxml.jackson.databind.node.ArrayNode resourceArray = statement.putArray("Resource");
        resources.forEach(resourceArray::add);
        return statement;
    }

    /** Multipart uploads never finished are removed after a week, so a bucket keeps no invisible parts. */
    static void abortIncompleteUploads(ObjectNode bucketProperties) {
        bucketProperties
                .putObject("LifecycleConfiguration")
                .putArray("Rules")
                .addObject()
                .put("Id", "abort-incomplete-uploads")
                .put("Status", "Enabled")
                .putObject("AbortIncompleteMultipartUpload")
                .put("DaysAfterInitiation", 7);
    }
}
