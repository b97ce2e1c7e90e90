package io.sparta.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.TemplateJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan written for people: console lines, Markdown ready to paste as a pull-request comment ({@code plan.md}),
 * and JSON for tools ({@code plan.json}).
 */
public final class PlanReport {

    public static final String MARKDOWN_FILE = "plan.md";
    public static final String JSON_FILE = "plan.json";

    private PlanReport() {}

    /**
     * What a change set that lists neither a resource nor a parameter change still does, as CloudFormation made it
     * all the same: something only it compares changed.
     */
    static final String UNLISTED_UPDATE =
            "CloudFormation lists no resource or parameter change, but the change set still updates the stack "
                    + "(its outputs, description, tags or NoEcho parameter values)";

    /**
     * How much a plan with changes changes, after the stack's name: {@code has 2 resource change(s), 1 parameter
     * change(s)}, or, when CloudFormation lists none, that it still updates the stack.
     */
    public static String extent(Plan plan) {
        if (plan.listsNoChange()) {
            return "has a change set: " + UNLISTED_UPDATE;
        }
        return "has " + plan.resources().size() + " resource change(s), "
                + plan.parameters().size() + " parameter change(s)";
    }

    /** One line per resource change, then per permission statement added or removed, then the warnings. */
    public static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>();
        if (!plan.hasChanges()) {
            lines.add("Plan for stack " + plan.stackName() + ": no changes");
            return lines;
        }
        lines.add("Plan for stack " + plan.stackName() + " (" + (plan.creates() ? "create" : "update") + "): "
                + plan.resources().size() + " resource change(s)");
        if (plan.listsNoChange()) {
            lines.add("  " + UNLISTED_UPDATE);
        }
        for (PlannedChange change : plan.resources()) {
            lines.add("  " + change.action() + "  " + change.logicalId() + "  " + change.resourceType()
                    + details(change));
        }
        if (!plan.parameters().isEmpty()) {
            lines.add("Parameter changes:");
            for (ParameterChange change : plan.parameters()) {
                lines.add("  " + change.name() + ": " + shown(change.before()) + " -> " + shown(change.after()));
            }
        }
        List<PolicyChange> policies = plan.policies();
        if (!policies.isEmpty()) {
            lines.add("Permission changes: " + count(policies, PolicyChange.Direction.ADDED) + " statement(s) added, "
                    + count(policies, PolicyChange.Direction.REMOVED) + " removed");
            for (PolicyChange change : policies) {
                lines.add("  " + (change.direction() == PolicyChange.Direction.ADDED ? "+ " : "- ") + change.holder()
                        + " " + change.document() + ": " + statement(change.statement())
                        + (plan.creates() || !change.broadens()
                                ? ""
                                : "  BROADENS: " + String.join("; ", change.broadening())));
            }
        }
        for (PlannedChange loss : plan.dataLoss()) {
            lines.add("DATA LOSS: " + loss.action() + " " + loss.logicalId() + " (" + loss.resourceType()
                    + (loss.physicalId().isEmpty() ? "" : " " + loss.physicalId()) + ")"
                    + ("Remove".equals(loss.action())
                            ? " deletes it and what it holds"
                            : " replaces it with an empty one (" + String.join(", ", loss.replacingProperties())
                                    + ")"));
        }
        return lines;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    private static String details(PlannedChange change) {
        StringBuilder details = new StringBuilder();
        if (!change.physicalId().isEmpty()) {
            details.append("  [").append(change.physicalId()).append(']');
        }
        if (change.replaces()) {
            details.append("  replacement: ").append(change.replacement());
            if (!change.replacingProperties().isEmpty()) {
                details.append(" (")
                        .append(String.join(", ", change.replacingProperties()))
                        .append(')');
            }
        } else if (!change.changedProperties().isEmpty()) {
            details.append("  properties: ").append(String.join(", ", change.changedProperties()));
        }
        if (change.stateful() && ("Remove".equals(change.action()) || change.replaces())) {
            details.append(change.retained() ? "  (kept in AWS by its policy)" : "  DATA LOSS");
        }
        return details.toString();
    }

    private static long count(List<PolicyChange> policies, PolicyChange.Direction direction) {
        return policies.stream().filter(p -> p.direction() == direction).count();
    }

    /** A statement in one line: effect, actions, resources, principals and conditions. */
    public static String statement(JsonNode statement) {
        if (statement.has("ManagedPolicyArn")) {
            return "managed policy " + PolicyDiff.display(statement.get("ManagedPolicyArn"));
        }
        StringBuilder text = new StringBuilder(statement.path("Effect").asText());
        appendList(text, " ", statement.path("Action"));
        appendList(text, " all but ", statement.path("NotAction"));
        appendList(text, " on ", statement.path("Resource"));
        appendList(text, " on all but ", statement.path("NotResource"));
        JsonNode principal = statement.path("Principal");
        if (!principal.isMissingNode()) {
            text.append(" to ");
            if (principal.isArray()) {
                text.append(joined(principal));
            } else {
                List<String> parts = new ArrayList<>();
                principal.properties().forEach(kind -> parts.add(kind.getKey() + ":" + joined(kind.getValue())));
                text.append(String.join(", ", parts));
            }
        }
        if (statement.has("Condition")) {
            text.append(" when ").append(statement.get("Condition"));
        }
        return text.toString();
    }

    private static void appendList(StringBuilder text, String prefix, JsonNode values) {
        if (!values.isMissingNode()) {
            text.append(prefix).append(joined(values));
        }
    }

    private static String joined(JsonNode values) {
        List<String> parts = new ArrayList<>();
        if (values.isArray()) {
            values.forEach(v -> parts.add(PolicyDiff.display(v)));
        } else {
            parts.add(PolicyDiff.display(values));
        }
        return String.join(", ", parts);
    }

    /** Markdown for a pull request: a summary, the resource table, permissions, and what needs a flag. */
    public static String markdown(Plan plan) {
        StringBuilder md = new StringBuilder();
        md.append("### Sparta plan: stack `").append(plan.stackName()).append("`\n\n");
        if (!plan.hasChanges()) {
            return md.append("No changes.\n").toString();
        }
        md.append(plan.creates() ? "Creates the stack" : "Updates the stack")
                .append(": ")
                .append(plan.resources().size())
                .append(" resource change(s), ")
                .append(plan.policies().size())
                .append(" permission statement change(s)")
                .append(
                        plan.parameters().isEmpty()
                                ? ""
                                : ", " + plan.parameters().size() + " parameter change(s)")
                .append(".\n\n");
        if (plan.listsNoChange()) {
            md.append(UNLISTED_UPDATE).append(".\n\n");
        }
        List<PlannedChange> loss = plan.dataLoss();
        List<PolicyChange> broadening = plan.broadening();
        if (!loss.isEmpty()) {
            md.append("> **Data loss:** ");
            md.append(String.join(
                    ", ",
                    loss.stream()
                            .map(c -> "`" + c.logicalId() + "` (" + c.resourceType() + ", "
                                    + ("Remove".equals(c.action()) ? "removed" : "replaced") + ")")
                            .toList()));
            md.append(". Provision needs `-Dsparta.allowDataLoss=true`.\n\n");
        }
        if (!broadening.isEmpty()) {
            md.append("> **Broader access:** ")
                    .append(broadening.size())
                    .append(" statement(s) grant more than before. Provision needs"
                            + " `-Dsparta.allowIamBroadening=true`.\n\n");
        }
        if (!plan.resources().isEmpty()) {
            md.append("| Action | Logical ID | Type | Replacement | Properties |\n");
            md.append("|---|---|---|---|---|\n");
        }
        for (PlannedChange change : plan.resources()) {
            md.append("| ")
                    .append(change.action())
                    .append(change.losesData() ? " :warning:" : "")
                    .append(" | `")
                    .append(cell(change.logicalId()))
                    .append("` | ")
                    .append(cell(change.resourceType()))
                    .append(" | ")
                    .append(cell(change.replacement()))
                    .append(" | ")
                    .append(cell(String.join(
                            ", ", change.replaces() ? change.replacingProperties() : change.changedProperties())))
                    .append(" |\n");
        }
        if (!plan.parameters().isEmpty()) {
            md.append(plan.resources().isEmpty() ? "" : "\n")
                    .append("#### Parameters\n\n| Parameter | Deployed | New |\n|---|---|---|\n");
            for (ParameterChange change : plan.parameters()) {
                md.append("| `")
                        .append(cell(change.name()))
                        .append("` | ")
                        .append(cell(change.before()))
                        .append(" | ")
                        .append(cell(change.after()))
                        .append(" |\n");
            }
        }
        if (!plan.policies().isEmpty()) {
            md.append(plan.listsNoChange() ? "" : "\n")
                    .append("#### Permissions\n\n| | Holder | Statement | Broadens |\n|---|---|---|---|\n");
            for (PolicyChange change : plan.policies()) {
                md.append("| ")
                        .append(change.direction() == PolicyChange.Direction.ADDED ? "+" : "−")
                        .append(" | `")
                        .append(cell(change.holder()))
                        .append("` ")
                        .append(cell(change.document()))
                        .append(" | ")
                        .append(cell(statement(change.statement())))
                        .append(" | ")
                        .append(plan.creates() ? "" : cell(String.join("; ", change.broadening())))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** A Markdown table cell: pipes escaped, lines joined. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    public static ObjectNode json(Plan plan) {
        ObjectNode root = TemplateJson.object();
        root.put("stackName", plan.stackName());
        root.put("changeSetType", plan.changeSetType());
        root.put("hasChanges", plan.hasChanges());
        root.put("dataLoss", !plan.dataLoss().isEmpty());
        root.put("broadensAccess", !plan.broadening().isEmpty());
        ArrayNode resources = root.putArray("resources");
        for (PlannedChange change : plan.resources()) {
            ObjectNode node = resources.addObject();
            node.put("action", change.action());
            node.put("logicalResourceId", change.logicalId());
            node.put("physicalResourceId", change.physicalId());
            node.put("resourceType", change.resourceType());
            node.put("replacement", change.replacement());
            change.replacingProperties().forEach(node.putArray("replacingProperties")::add);
            change.changedProperties().forEach(node.putArray("changedProperties")::add);
            node.put("stateful", change.stateful());
            node.put("retained", change.retained());
            node.put("dataLoss", change.losesData());
        }
        ArrayNode parameters = root.putArray("parameters");
        for (ParameterChange change : plan.parameters()) {
            parameters
                    .addObject()
                    .put("name", change.name())
                    .put("before", change.before())
                    .put("after", change.after());
        }
        ArrayNode policies = root.putArray("permissions");
        for (PolicyChange change : plan.policies()) {
            ObjectNode node = policies.addObject();
            node.put("direction", change.direction().name());
            node.put("holder", change.holder());
            node.put("holderType", change.holderType());
            node.put("document", change.document());
            node.set("statement", change.statement());
            ArrayNode reasons = node.putArray("broadening");
            if (!plan.creates()) {
                change.broadening().forEach(reasons::add);
            }
        }
        return root;
    }

    /** Writes {@code plan.md} and {@code plan.json} into {@code directory}; returns the Markdown file. */
    public static Path write(Plan plan, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve(MARKDOWN_FILE);
        Files.writeString(markdown, markdown(plan), StandardCharsets.UTF_8);
        TemplateJson.write(json(plan), directory.resolve(JSON_FILE));
        return markdown;
    }
}
