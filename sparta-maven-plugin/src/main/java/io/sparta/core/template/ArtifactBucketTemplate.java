package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The small stack Sparta manages when no {@code <s3Bucket>} is configured: one bucket for archives and
 * templates, encrypted, closed to the public and reachable only over TLS.
 */
public final class ArtifactBucketTemplate {

    public static final String BUCKET_NAME_OUTPUT = "BucketName";

    private ArtifactBucketTemplate() {}

    public static ObjectNode marshal() {
        ObjectNode template = TemplateJson.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "Sparta for Java artifact bucket: service archives and templates");
        ObjectNode resources = template.putObject("Resources");

        ObjectNode bucket = Cfn.resource(resources, "Bucket", "AWS::S3::Bucket");
        bucket.put("DeletionPolicy", "Retain");
        bucket.put("UpdateReplacePolicy", "Retain");
        ObjectNode properties = bucket.putObject("Properties");
        properties
                .putObject("BucketEncryption")
                .putArray("ServerSideEncryptionConfiguration")
                .addObject()
                .putObject("ServerSideEncryptionByDefault")
                .put("SSEAlgorithm", "AES256");
        properties
                .putObject("PublicAccessBlockConfiguration")
                .put("BlockPublicAcls", true)
                .put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true)
                .put("RestrictPublicBuckets", true);
        properties
                .putObject("OwnershipControls")
                .putArray("Rules")
                .addObject()
                .put("ObjectOwnership", "BucketOwnerEnforced");
        properties
                .putObject("LifecycleConfiguration")
                .putArray("Rules")
                .addObject()
                .put("Id", "abort-incomplete-uploads")
                .put("Status", "Enabled")
                .putObject("AbortIncompleteMultipartUpload")
                .put("DaysAfterInitiation", 7);

        ObjectNode policy =
                Cfn.resource(resources, "BucketPolicy", "AWS::S3::BucketPolicy").putObject("Properties");
        policy.set("Bucket", Cfn.ref("Bucket"));
        ObjectNode document = Cfn.policyDocument();
        ObjectNode denyPlainHttp = ((ArrayNode) document.get("Statement")).addObject();
        denyPlainHttp.put("Sid", "DenyInsecureTransport");
        denyPlainHttp.put("Effect", "Deny");
        denyPlainHttp.put("Principal", "*");
        denyPlainHttp.put("Action", "s3:*");
        denyPlainHttp.putArray("Resource").add(Cfn.getAtt("Bucket", "Arn")).add(Cfn.sub("${Bucket.Arn}/*"));
        denyPlainHttp.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        policy.set("PolicyDocument", document);

        template.putObject("Outputs")
                .putObject(BUCKET_NAME_OUTPUT)
                .put("Description", "Bucket holding Sparta archives and templates")
                .set("Value", Cfn.ref("Bucket"));
        return template;
    }
}
