package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.Digests;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.template.ServiceTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * Whether a deployed stack already runs exactly what a provision would give it, read from one DescribeStacks call:
 * its template (known by the content digest {@link #stamp} writes into the template's Description, which
 * DescribeStacks returns), its parameter values and its tags. When it does, a provision has nothing to do and makes no
 * other call: no upload check, no change set.
 */
public final class UpToDateStack {

    private static final String STAMP_PREFIX = " (template sha256 ";
    private static final Pattern STAMPED = Pattern.compile(".* \\(template sha256 [0-9a-f]{64}\\)$", Pattern.DOTALL);
    private static final Set<String> SETTLED = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE");

    private UpToDateStack() {}

    /**
     * Appends to the template's Description the SHA-256 of the template without it, so a deployed stack says which
     * template it runs. Done on the final template {@code package} writes; stamping again replaces the stamp.
     */
    public static void stamp(ObjectNode template) {
        ObjectNode without = template.deepCopy();
        without.remove("Description");
        String description = template.path("Description").asText("");
        if (STAMPED.matcher(description).matches()) {
            description = description.substring(0, description.lastIndexOf(STAMP_PREFIX));
        }
        // Replacing the value keeps the Description where the template had it.
        template.put("Description", description + STAMP_PREFIX + Digests.sha256(TemplateJson.bytes(without)) + ")");
    }

    /**
     * What a provision would ask of the stack.
     *
     * @param parameters every parameter value the provision passes, the artifact bucket's included when it is
     *     configured; without it ({@code artifactBucketConfigured} false) the deployed one is taken as is, since the
     *     managed bucket's name is only known from another call
     * @param tags every stack tag, the owner tag included
     */
    public record Expected(
            JsonNode template,
            Map<String, String> parameters,
            boolean artifactBucketConfigured,
            Map<String, String> tags) {

        public Expected {
            parameters = Map.copyOf(parameters);
            tags = Map.copyOf(tags);
        }
    }

    /**
     * A stack as one DescribeStacks call of this run found it, handed on to {@link StackDeployer#deploy(
     * StackDeployer.Request, io.sparta.core.plan.Safeguards, Described)} so a provision that must change it does not
     * ask again.
     *
     * @param stack empty when the stack does not exist
     */
    public record Described(String stackName, Optional<Stack> stack) {}

    /** One DescribeStacks call. */
    public static Described describe(CloudFormationClient cloudFormation, String stackName) {
        return new Described(stackName, Stacks.find(cloudFormation, stackName));
    }

    /** Whether the described stack runs what {@code expected} describes; the reason it does not at debug. */
    public static boolean runs(Described described, Expected expected, io.sparta.core.common.Console console) {
        if (described.stack().isEmpty()) {
            return false;
        }
        Optional<String> difference = difference(described.stack().get(), expected);
        difference.ifPresent(
                reason -> console.debug("Stack " + described.stackName() + " needs a change set: " + reason));
        return difference.isEmpty();
    }

    /** The first thing the deployed stack differs in, or empty when it runs what is expected. */
    static Optional<String> difference(Stack stack, Expected expected) {
        if (!SETTLED.contains(stack.stackStatusAsString())) {
            return Optional.of("it is " + stack.stackStatusAsString());
        }
        String description = expected.template().path("Description").asText("");
        if (!STAMPED.matcher(description).matches()) {
            return Optional.of("the template carries no digest");
        }
        if (!description.equals(stack.description())) {
            return Optional.of("it runs another template");
        }
        for (JsonNode parameter : expected.template().path("Parameters")) {
            if (parameter.path("NoEcho").asBoolean(false)) {
                // DescribeStacks masks NoEcho values: they can only be compared by a change set.
                return Optional.of("a NoEcho parameter cannot be compared");
            }
        }
        Map<String, String> deployed = new TreeMap<>();
        for (Parameter parameter : stack.parameters()) {
            // An emulator may list pseudo parameters among them; AWS does not, and no template can declare one.
            if (!parameter.parameterKey().startsWith("AWS::")) {
                deployed.put(parameter.parameterKey(), parameter.parameterValue());
            }
        }
        Map<String, String> wanted = new TreeMap<>(expected.parameters());
        // A parameter given no value (one a decorator declares with a Default) is deployed with its default.
        expected.template().path("Parameters").fields().forEachRemaining(parameter -> {
            if (!wanted.containsKey(parameter.getKey()) && parameter.getValue().has("Default")) {
                wanted.put(
                        parameter.getKey(), parameter.getValue().path("Default").asText());
            }
        });
        if (!expected.artifactBucketConfigured()) {
            String bucket = deployed.get(ServiceTemplate.ARTIFACT_BUCKET);
            if (bucket == null || bucket.isEmpty()) {
                return Optional.of("it names no artifact bucket");
            }
            wanted.put(ServiceTemplate.ARTIFACT_BUCKET, bucket);
        }
        if (!wanted.equals(deployed)) {
            return Optional.of("its parameters differ");
        }
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : stack.tags()) {
            tags.put(tag.key(), tag.value());
        }
        if (!new TreeMap<>(expected.tags()).equals(tags)) {
            return Optional.of("its tags differ");
        }
        return Optional.empty();
    }
}
