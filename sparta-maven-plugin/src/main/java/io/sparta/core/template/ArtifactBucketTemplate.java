package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.TemplateJson;

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
        Cfn.privateEncryptedBucket(properties);
        properties
                .putObject("OwnershipControls")
                .putArray("Rules")
                .addObject()
                .put("ObjectOwnership", "BucketOwnerEnforced");
        Cfn.abortIncompleteUploads(properties);

        Cfn.tlsOnlyPolicy(resources, "BucketPolicy", "Bucket", Cfn.getAtt("Bucket", "Arn"), Cfn.sub("${Bucket.Arn}/*"));

        template.putObject("Outputs")
                .putObject(BUCKET_NAME_OUTPUT)
                .put("Description", "Bucket holding Sparta archives and templates")
                .set("Value", Cfn.ref("Bucket"));
        return template;
    }
}
