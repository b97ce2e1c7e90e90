package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CloudFormation's quotas on one template, checked on the template {@code package} writes, so that a service too
 * large for one stack fails the build rather than the change set. The values are those of "CloudFormation quotas"
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html); cfn-lint applies the
 * same to the template's size, resources, outputs and description (E1002, E3010, E6010, E1003), not to parameters or
 * mappings.
 */
public final class TemplateQuotas {

    /** Resources one template may declare. */
    public static final int RESOURCES_MAX = 500;
    /** Outputs one template may declare. */
    public static final int OUTPUTS_MAX = 200;
    /** Parameters one template may declare. */
    public static final int PARAMETERS_MAX = 200;
    /** Mappings one template may declare. */
    public static final int MAPPINGS_MAX = 200;
    /** Bytes of a template body CloudFormation reads from S3, as provision passes it. */
    public static final int TEMPLATE_BYTES_MAX = 1_000_000;
    /** Characters of a resource's, output's, parameter's or mapping's logical id. */
    public static final int NAME_MAX = 255;
    /** Bytes of the template's Description. */
    public static final int DESCRIPTION_BYTES_MAX = 1024;

    private static final String QUOTAS_PAGE =
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html";

    private TemplateQuotas() {}

    /**
     * Every quota the template breaks, each naming the count and the limit; empty when it fits one stack.
     *
     * @param template the template as written
     * @param bytes its bytes as written to {@code template.json} and uploaded
     */
    public static List<String> problems(JsonNode template, byte[] bytes) {
        List<String> problems = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        if (resources.size() > RESOURCES_MAX) {
            problems.add(String.format(
                    Locale.ROOT,
                    "%,d resources, at most %,d (%s)",
                    resources.size(),
                    RESOURCES_MAX,
                    largestTypes(resources)));
        }
        count(template, "Outputs", OUTPUTS_MAX, problems);
        count(template, "Parameters", PARAMETERS_MAX, problems);
        count(template, "Mappings", MAPPINGS_MAX, problems);
        if (bytes.length > TEMPLATE_BYTES_MAX) {
            problems.add(String.format(
                    Locale.ROOT,
                    "%,d bytes, at most %,d for a template read from S3",
                    bytes.length,
                    TEMPLATE_BYTES_MAX));
        }
        for (String section : List.of("Resources", "Outputs", "Parameters", "Mappings")) {
            for (Iterator<String> names = template.path(section).fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.length() > NAME_MAX) {
                    problems.add(String.format(
                            Locale.ROOT,
                            "%s name %s… is %,d characters, at most %,d",
                            section.substring(0, section.length() - 1).toLowerCase(Locale.ROOT),
                            name.substring(0, 40),
                            name.length(),
                            NAME_MAX));
                }
            }
        }
        int description = template.path("Description").asText("").getBytes(StandardCharsets.UTF_8).length;
        if (description > DESCRIPTION_BYTES_MAX) {
            problems.add(String.format(
                    Locale.ROOT, "a Description of %,d bytes, at most %,d", description, DESCRIPTION_BYTES_MAX));
        }
        return problems;
    }

    /**
     * What {@code package} says when a template does not fit one stack and its split into nested stacks of
     * functions ({@link NestedStacks}) does not fit either.
     *
     * @param problems the whole template's quota problems
     * @param splitProblems those of the split with the most groups tried, each naming its stack
     * @param pinned the number of nested stacks {@code <nestedStacks>} pins, 0 for as few as fit
     */
    public static String splitMessage(
            String templateFile, List<String> problems, List<String> splitProblems, int pinned) {
        if (pinned > 0) {
            return "The template " + templateFile + " split into the " + pinned + " nested stacks of functions"
                    + " <nestedStacks> pins does not fit (" + QUOTAS_PAGE + "): " + String.join("; ", splitProblems)
                    + ". Raise <nestedStacks> (each nested stack holds at most " + RESOURCES_MAX + " resources), or"
                    + " set it to 0 to split into as few as fit with room to grow.";
        }
        return "The template " + templateFile + " does not fit one CloudFormation stack (" + QUOTAS_PAGE + "): "
                + String.join("; ", problems) + "; split into up to " + NestedStacks.MAX_GROUPS + " nested stacks of"
                + " functions it still does not fit: " + String.join("; ", splitProblems) + ". Functions move to"
                + " nested stacks with their roles, log groups and triggers; parameters, declared resources, APIs and"
                + " what decorators add stay in the parent stack. Reduce what the parent holds, or move some functions"
                + " to a module of their own with the Sparta plugin (a service and stack of its own).";
    }

    private static void count(JsonNode template, String section, int max, List<String> problems) {
        int count = template.path(section).size();
        if (count > max) {
            problems.add(
                    String.format(Locale.ROOT, "%,d %s, at most %,d", count, section.toLowerCase(Locale.ROOT), max));
        }
    }

    /** The five most numerous resource types with their counts, most first. */
    private static String largestTypes(JsonNode resources) {
        Map<String, Integer> byType = new TreeMap<>();
        resources.forEach(resource -> byType.merge(resource.path("Type").asText(), 1, Integer::sum));
        return byType.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
