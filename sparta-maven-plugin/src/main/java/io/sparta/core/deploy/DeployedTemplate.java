package io.sparta.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.Console;
import io.sparta.core.common.TemplateJson;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;
import software.amazon.awssdk.services.s3.S3Client;

/** The template a stack runs now, as CloudFormation keeps it. */
final class DeployedTemplate {

    private DeployedTemplate() {}

    /**
     * @return empty when the stack does not exist, has no template yet, or runs one that is not JSON (a YAML stack
     *     another tool made, which holds nothing Sparta wrote)
     */
    static Optional<JsonNode> of(CloudFormationClient cloudFormation, String stackName) {
        try {
            String body = cloudFormation
                    .getTemplate(r -> r.stackName(stackName).templateStage(TemplateStage.ORIGINAL))
                    .templateBody();
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(TemplateJson.read(body));
        } catch (CloudFormationException e) {
            return Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The whole template of a split service, which its parent names in its metadata and the artifact bucket holds
     * ({@link io.sparta.core.template.NestedStacks#WHOLE_TEMPLATE_METADATA}); else the template as given.
     */
    static JsonNode whole(S3Client s3, String bucket, JsonNode template, Console console) {
        String key = template.path("Metadata")
                .path(io.sparta.core.template.NestedStacks.WHOLE_TEMPLATE_METADATA)
                .asText("");
        if (key.isEmpty() || s3 == null || bucket == null || bucket.isEmpty()) {
            return template;
        }
        try {
            return TemplateJson.read(
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (SdkException | java.io.IOException e) {
            console.warn("Cannot read the deployed whole template s3://" + bucket + "/" + key + " (" + e.getMessage()
                    + "); the plan compares the parent stack's template alone");
            return template;
        }
    }
}
