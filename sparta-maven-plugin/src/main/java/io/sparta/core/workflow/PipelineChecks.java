package io.sparta.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.template.ServiceTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What CodePipeline and CloudFormation refuse about a pipeline that cfn-lint does not check: each action mode's
 * required fields, the sizes of action configuration values, artifacts that an earlier action produces, and
 * environment files whose keys the service template declares, none of them a literal secret. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html">
 * the CloudFormation action's configuration reference</a> and CodePipeline's quotas.
 */
final class PipelineChecks {

    /** CodePipeline's limit on one action configuration value. */
    static final int CONFIGURATION_VALUE_MAX = 1000;
    /** CloudFormation's limit on an action's ParameterOverrides. */
    static final int PARAMETER_OVERRIDES_MAX = 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.@\\-_]{1,100}");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "CHANGE_SET_REPLACE", List.of("StackName", "ChangeSetName", "TemplatePath", "RoleArn"),
            "CHANGE_SET_EXECUTE", List.of("StackName", "ChangeSetName"),
            "CREATE_UPDATE", List.of("StackName", "TemplatePath", "RoleArn"),
            "DELETE_ONLY", List.of("StackName"));

    private PipelineChecks() {}

    /** @param packageDirectory where package wrote the service template and the environments' files */
    /**
     * @param layerParameters the layer key parameters publish gives every environment, beside the archive's
     */
    static List<String> problems(JsonNode pipelineTemplate, Path packageDirectory, Set<String> layerParameters)
            throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode serviceTemplate = TemplateJson.read(packageDirectory.resolve(DeliveryPackage.TEMPLATE));
        Set<String> declared = new TreeSet<>();
        serviceTemplate.path("Parameters").fieldNames().forEachRemaining(declared::add);
        JsonNode stages = pipelineTemplate.at("/Resources/Pipeline/Properties/Stages");
        Set<String> produced = new HashSet<>();
        Set<String> stageNames = new HashSet<>();
        for (JsonNode stage : stages) {
            String stageName = stage.path("Name").asText();
            if (!NAME.matcher(stageName).matches() || !stageNames.add(stageName)) {
                problems.add("stage \"" + stageName + "\" must be a unique name of 1 to 100 letters, digits or .@-_");
            }
            Set<String> actionNames = new HashSet<>();
            for (JsonNode action : stage.path("Actions")) {
                String where =
                        "stage " + stageName + ", action " + action.path("Name").asText();
                if (!actionNames.add(action.path("Name").asText())) {
                    problems.add(where + " is named twice in its stage");
                }
                Set<String> inputs = new HashSet<>();
                for (JsonNode input : action.path("InputArtifacts")) {
                    inputs.add(input.path("Name").asText());
                    if (!produced.contains(input.path("Name").asText())) {
                        problems.add(where + " reads artifact "
                                + input.path("Name").asText() + ", which no earlier action produces");
                    }
                }
                JsonNode configuration = action.path("Configuration");
                configuration.fields().forEachRemaining(field -> {
                    if (field.getValue().isTextual()
                            && field.getValue().asText().length() > CONFIGURATION_VALUE_MAX) {
                        problems.add(where + ": " + field.getKey() + " is "
                                + field.getValue().asText().length() + " characters; CodePipeline allows "
                                + CONFIGURATION_VALUE_MAX);
                    }
                });
                if (configuration.has("ParameterOverrides")
                        && configuration.path("ParameterOverrides").asText().getBytes(StandardCharsets.UTF_8).length
                                > PARAMETER_OVERRIDES_MAX) {
                    problems.add(where + ": ParameterOverrides exceeds 1 KB; move the values to the template"
                            + " configuration file");
                }
                String mode = configuration.path("ActionMode").asText("");
                if ("CloudFormation".equals(action.at("/ActionTypeId/Provider").asText())) {
                    List<String> required = REQUIRED.get(mode);
                    if (required == null) {
                        problems.add(where + ": ActionMode \"" + mode + "\" is not one Sparta deploys with");
                    } else {
                        required.stream()
                                .filter(field -> !configuration.has(field))
                                .forEach(field -> problems.add(where + ": ActionMode " + mode + " needs " + field));
                    }
                    for (String pathField : List.of("TemplatePath", "TemplateConfiguration")) {
                        if (configuration.has(pathField)) {
                            String path = configuration.path(pathField).asText();
                            String artifact = path.contains("::") ? path.substring(0, path.indexOf("::")) : "";
                            if (!inputs.contains(artifact)) {
                                problems.add(where + ": " + pathField + " " + path + " names artifact \"" + artifact
                                        + "\", which is not among the action's inputs " + inputs);
                            }
                        }
                    }
                    if (configuration.has("TemplateConfiguration")) {
                        String path =
                                configuration.path("TemplateConfiguration").asText();
                        environmentFile(
                                where,
                                packageDirectory.resolve(path.substring(path.indexOf("::") + 2)),
                                declared,
                                layerParameters,
                                problems);
                    }
                }
                action.path("OutputArtifacts")
                        .forEach(output -> produced.add(output.path("Name").asText()));
            }
        }
        return problems;
    }

    /** Every key the file gives is a parameter the template declares, and no secret's value is written out. */
    private static void environmentFile(
            String where, Path file, Set<String> declared, Set<String> layerParameters, List<String> problems)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(where + ": its template configuration " + file + " is missing; run mvn package");
            return;
        }
        JsonNode parameters = TemplateJson.read(file).path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            if (!declared.contains(parameter.getKey())) {
                problems.add(where + ": " + file.getFileName() + " gives parameter " + parameter.getKey()
                        + ", which the service template does not declare");
            }
            String value = parameter.getValue().asText();
            if (parameter.getKey().startsWith(ServiceTemplate.SECRET_PARAMETER_PREFIX)
                    && !value.startsWith("secretsmanager:")
                    && !value.startsWith("ssm:")) {
                problems.add(where + ": " + file.getFileName() + " gives secret " + parameter.getKey()
                        + " a value that is not a reference; write secretsmanager:SECRET-ID or ssm:NAME in <secrets>");
            }
        }
        declared.stream()
                .filter(name -> !parameters.has(name))
                .filter(name -> !name.equals(ServiceTemplate.ARTIFACT_BUCKET)
                        && !name.equals(ServiceTemplate.ARTIFACT_KEY)
                        && !layerParameters.contains(name))
                .forEach(name ->
                        problems.add(where + ": " + file.getFileName() + " gives no value for parameter " + name));
    }
}
