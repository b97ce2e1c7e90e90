package io.sparta.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.TemplateJson;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

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
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(TemplateJson.MAPPER.readTree(body));
        } catch (CloudFormationException e) {
            return Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
