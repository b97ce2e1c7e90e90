package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Buckets a template names literally (Sparta's own get a name that differs per creation of the stack; a decorator
 * or hook may still write a fixed {@code BucketName}) that exist already: a bucket a delete kept, or another
 * account's. CloudFormation would fail the create half-way and leave the stack to roll back; this says so before
 * any change set.
 */
public final class FixedNameCollisions {

    private FixedNameCollisions() {}

    /**
     * @param template the template about to be deployed to {@code stackName}
     * @throws SpartaUserException naming each bucket the stack would create under a name that is taken
     */
    public static void check(S3Client s3, CloudFormationClient cloudFormation, String stackName, JsonNode template)
            throws SpartaUserException {
        List<String[]> named = new ArrayList<>();
        template.path("Resources").properties().forEach(resource -> {
            JsonNode name = resource.getValue().at("/Properties/BucketName");
            if ("AWS::S3::Bucket".equals(resource.getValue().path("Type").asText()) && name.isTextual()) {
                named.add(new String[] {resource.getKey(), name.asText()});
            }
        });
        if (named.isEmpty()) {
            return;
        }
        Optional<JsonNode> deployed = DeployedTemplate.of(cloudFormation, stackName);
        List<String> taken = new ArrayList<>();
        for (String[] bucket : named) {
            String logicalId = bucket[0];
            String name = bucket[1];
            boolean ours = deployed.map(t -> name.equals(t.at("/Resources/" + logicalId + "/Properties/BucketName")
                            .asText()))
                    .orElse(false);
            if (!ours && ArtifactStore.bucketInUse(s3, name)) {
                taken.add(logicalId + " (BucketName " + name + ")");
            }
        }
        if (!taken.isEmpty()) {
            throw new SpartaUserException("Stack " + stackName + " would create bucket(s) under a name that is taken: "
                    + String.join(", ", taken) + ". Bucket names are global: this one was kept by an earlier delete,"
                    + " or belongs to someone else, and CloudFormation would fail the create. Empty and delete the"
                    + " kept bucket (aws s3 rb s3://NAME --force, once its objects are saved), or leave BucketName out"
                    + " so CloudFormation generates a name");
        }
    }
}
