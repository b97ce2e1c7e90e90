package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.Digests;
import io.sparta.core.common.TemplateJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a service's template that does not fit one CloudFormation stack into a parent stack and nested stacks
 * ({@code AWS::CloudFormation::Stack},
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-nested-stacks.html).
 *
 * <p>Each function goes to a nested stack with what exists for it alone: its role and log group (resources only its
 * group uses), and what attaches to it (permissions, event source mappings, versions and aliases, invoke
 * configurations, URLs, rules, schedules, subscriptions, subscription filters, scalable targets, API routes,
 * integrations and REST methods naming it and no other function). Everything else stays in the parent: declared
 * resources, the APIs with
 * their paths, stages and deployments, layers, custom resources, what decorators and hooks added. The group of a
 * function is fixed by its logical id (the first bytes of its SHA-256, modulo the number of groups), so adding or
 * changing a function leaves the other groups' templates as they were, and the number of groups is the smallest power
 * of two at which every template fits with room to grow ({@link #RESOURCES_PER_GROUP}), or the number the pom pins.
 *
 * <p>A function whose stack changes between two deployments (the service first split, or split into another number
 * of groups) cannot move in one update: CloudFormation creates it in its new stack before deleting it from the old
 * one, and its fixed name collides. {@link #moves} finds such functions so provision can stop before the change.
 *
 * <p>References across stacks are rewired: a nested stack takes what it uses of the parent (its parameters,
 * resources, attributes, and the parent's {@code AWS::StackName} and {@code AWS::StackId}, so names built from them
 * are unchanged) as parameters, and gives what others use of it as outputs; a {@code DependsOn} across stacks
 * becomes one on the nested stack. An output naming one nested stack's resources alone moves into that stack.
 */
public final class NestedStacks {

    /**
     * Resources a nested stack is filled to at most, below CloudFormation's 500 so that functions added later land
     * in the groups they hash to without a new split.
     */
    public static final int RESOURCES_PER_GROUP = 400;

    /** Largest number of groups tried: 256 stacks of 400 resources is far past any service of one module. */
    public static final int MAX_GROUPS = 256;

    /** The parent's stack name, which a nested stack uses where the template said {@code AWS::StackName}. */
    public static final String STACK_NAME_PARAMETER = "SpartaStackName";

    /** The parent's stack id, which a nested stack uses where the template said {@code AWS::StackId}. */
    public static final String STACK_ID_PARAMETER = "SpartaStackId";

    /** Logical id stem of the nested stacks in the parent: {@code Functions01} and on. */
    public static final String GROUP_PREFIX = "Functions";

    /** Metadata key on the parent and the whole template: the number of groups functions were split into. */
    public static final String GROUPS_METADATA = "SpartaNestedGroups";

    /** Metadata key on the parent naming the S3 key of the whole, unsplit template. */
    public static final String WHOLE_TEMPLATE_METADATA = "SpartaWholeTemplate";

    /** Types that follow the one function they name. */
    private static final Set<String> FOLLOWERS = Set.of(
            "AWS::Lambda::Permission",
            "AWS::Lambda::EventSourceMapping",
            "AWS::Lambda::Version",
            "AWS::Lambda::Alias",
            "AWS::Lambda::EventInvokeConfig",
            "AWS::Lambda::Url",
            "AWS::Events::Rule",
            "AWS::Scheduler::Schedule",
            "AWS::SNS::Subscription",
            "AWS::Logs::SubscriptionFilter",
            "AWS::ApplicationAutoScaling::ScalableTarget",
            // A route's integration, route and REST method: the API and its paths stay in the parent.
            "AWS::ApiGatewayV2::Integration",
            "AWS::ApiGatewayV2::Route",
            "AWS::ApiGateway::Method",
            // A Lambda authorizer names its function, and the routes that use it name it: kept in the parent, it
            // would wait for the function's stack while that stack's routes wait for it. A JWT or Cognito
            // authorizer names no function and stays with the API.
            "AWS::ApiGatewayV2::Authorizer",
            "AWS::ApiGateway::Authorizer");

    /** Types that go with the one group whose resources alone use them. */
    private static final Set<String> SERVANTS = Set.of(
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::Logs::LogGroup",
            // A function's CodeDeploy group and its error alarm, which only its alias names.
            "AWS::CodeDeploy::DeploymentGroup",
            "AWS::CloudWatch::Alarm");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /**
     * One nested stack: its logical id in the parent, its template, that template's bytes as written and uploaded,
     * and the S3 key it is uploaded to.
     */
    public record Nested(String logicalId, ObjectNode template, byte[] bytes, String key) {}

    /** The parent template and its nested stacks, in logical-id order. */
    public record Split(ObjectNode parent, List<Nested> nested) {}

    private NestedStacks() {}

    /**
     * The S3 key a nested template is uploaded to: {@code <service>/templates/nested/<sha256>.json}, the same for
     * the same content, so an unchanged nested stack keeps its TemplateURL and is left alone.
     */
    public static String key(String serviceName, byte[] bytes) {
        return keyPrefix(serviceName) + Digests.sha256(bytes) + ".json";
    }

    /** The S3 prefix of a service's nested templates (and its whole template, when split). */
    public static String keyPrefix(String serviceName) {
        return serviceName + "/templates/nested/";
    }

    /**
     * Splits {@code template} with the fewest groups (a power of two, at least two) at which every template fits
     * CloudFormation's quotas and no group holds more than {@link #RESOURCES_PER_GROUP} resources, or into exactly
     * {@code pinned} groups.
     *
     * @param functionIds the logical ids of the service's {@code AWS::Lambda::Function}s, each of which decides its
     *     function's group
     * @param serviceName the S3 key prefix of the nested templates
     * @param pinned the number of groups, 1 to {@link #MAX_GROUPS}, held to CloudFormation's quotas only; 0 for the
     *     fewest that fit with room to grow
     * @return the split, with the quota problems of the last split tried when none fits
     */
    public static Result split(ObjectNode template, Collection<String> functionIds, String serviceName, int pinned) {
        Ownership ownership = ownership(template, functionIds);
        if (pinned > 0) {
            Split split = assemble(template, ownership, serviceName, pinned);
            return new Result(split, pinned, problems(split, false));
        }
        // Fewer groups could not hold what leaves the parent at RESOURCES_PER_GROUP each: not worth building.
        int fewest = 2;
        while (fewest < MAX_GROUPS
                && fewest * RESOURCES_PER_GROUP < ownership.owner().size()) {
            fewest *= 2;
        }
        Result last = null;
        for (int groups = fewest; groups <= MAX_GROUPS; groups *= 2) {
            Split split = assemble(template, ownership, serviceName, groups);
            List<String> problems = problems(split, true);
            if (problems.isEmpty()) {
                return new Result(split, groups, List.of());
            }
            last = new Result(split, groups, problems);
        }
        return last;
    }

    /**
     * The nested stack a function goes to among {@code groups}: {@code Functions} and its index from 1, two digits
     * at least, from the first 32 bits of the SHA-256 of its logical id.
     */
    public static String group(String functionLogicalId, int groups) {
        String hash = Digests.sha256(functionLogicalId.getBytes(StandardCharsets.UTF_8));
        int index = (int) (Long.parseLong(hash.substring(0, 8), 16) % groups) + 1;
        return GROUP_PREFIX
                + String.format("%0" + Math.max(2, Integer.toString(groups).length()) + "d", index);
    }

    /** The number of groups a template Sparta wrote was split into (its {@link #GROUPS_METADATA}); 0 when none. */
    public static int groups(JsonNode template) {
        return template.path("Metadata").path(GROUPS_METADATA).asInt(0);
    }

    /**
     * The functions of both templates (whole templates, each with its {@link #GROUPS_METADATA} when split) whose
     * stack differs between them, each as {@code LogicalId (from → to)}, in logical-id order.
     */
    public static List<String> moves(JsonNode deployed, JsonNode next) {
        int before = groups(deployed);
        int after = groups(next);
        Set<String> staying = functions(next);
        List<String> moves = new ArrayList<>();
        Map<String, String> placedBy = companions(deployed);
        Map<String, String> placedNextBy = companions(next);
        for (String id : new TreeSet<>(functions(deployed))) {
            if (!staying.contains(id)) {
                continue;
            }
            String from = before == 0 ? "the parent stack" : group(placedBy.getOrDefault(id, id), before);
            String to = after == 0 ? "the parent stack" : group(placedNextBy.getOrDefault(id, id), after);
            if (!from.equals(to)) {
                moves.add(id + " (" + from + " → " + to + ")");
            }
        }
        return moves;
    }

    /**
     * What provision says when {@link #moves} finds functions changing stacks between the deployed template (split
     * into {@code before} groups, 0 for none) and the next (into {@code after}).
     */
    public static String movesMessage(String stackName, int before, int after, List<String> moves) {
        String why = before == 0
                ? "the service is now split into " + after + " nested stacks of functions"
                : after == 0
                        ? "the service now fits one stack and is no longer split"
                        : "the service is now split into " + after + " nested stacks of functions instead of " + before;
        String keep = before > 0
                ? "Keep the deployed grouping with <nestedStacks>" + before + "</nestedStacks> (-Dsparta.nestedStacks="
                        + before + ") while the service fits it, or replace"
                : "Replace";
        return "Provision stopped before changing stack " + stackName + ": " + moves.size() + " function(s) would move"
                + " to another stack (" + String.join(", ", moves.subList(0, Math.min(5, moves.size())))
                + (moves.size() > 5 ? ", …" : "") + "), because " + why + ". CloudFormation creates a moved function in"
                + " its new stack before deleting it from the old one, and its name (" + stackName + "-<function>) is"
                + " taken until then, so the update would fail. " + keep + " the stack: mvn sparta:delete, then mvn"
                + " package sparta:provision (the service is down in between). To let a growing service keep its"
                + " grouping, pin it before the first deployment, such as <nestedStacks>4</nestedStacks>. The change set"
                + " was deleted; nothing changed.";
    }

    /**
     * Functions that must share a nested stack, each mapped to the one whose logical id (the least of them) places
     * them all: a CodeDeploy hook and the functions whose aliases call it. The alias waits for the hook, and the hook
     * is told the version it tests, so in two stacks each stack would wait for the other.
     */
    static Map<String, String> companions(JsonNode template) {
        JsonNode resources = template.path("Resources");
        Set<String> functions = functions(template);
        Map<String, String> parent = new HashMap<>();
        resources.fields().forEachRemaining(entry -> {
            JsonNode update = entry.getValue().path("UpdatePolicy").path("CodeDeployLambdaAliasUpdate");
            if (!entry.getValue().path("Type").asText().equals("AWS::Lambda::Alias") || update.isMissingNode()) {
                return;
            }
            Set<String> own = new LinkedHashSet<>();
            collect(entry.getValue().path("Properties"), own);
            own.retainAll(functions);
            Set<String> hooks = new LinkedHashSet<>();
            collect(update, hooks);
            hooks.retainAll(functions);
            for (String function : own) {
                for (String hook : hooks) {
                    String a = root(parent, function);
                    String b = root(parent, hook);
                    if (!a.equals(b)) {
                        // The lesser id roots the set, so the choice does not depend on the order resources are read.
                        parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
                    }
                }
            }
        });
        Map<String, String> companions = new HashMap<>();
        for (String function : new java.util.ArrayList<>(parent.keySet())) {
            companions.put(function, root(parent, function));
        }
        return companions;
    }

    private static String root(Map<String, String> parent, String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static Set<String> functions(JsonNode template) {
        Set<String> ids = new LinkedHashSet<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::Lambda::Function")) {
                ids.add(resource.getKey());
            }
        });
        return ids;
    }

    /** A split into {@code groups} groups and the quotas it still breaks: none when it can be deployed. */
    public record Result(Split split, int groups, List<String> problems) {}

    /**
     * The quotas {@code split} breaks, each prefixed with the stack that breaks it.
     *
     * @param headroom whether a nested stack must also leave room to grow ({@link #RESOURCES_PER_GROUP})
     */
    static List<String> problems(Split split, boolean headroom) {
        List<String> problems = new ArrayList<>();
        byte[] parentBytes = TemplateJson.bytes(split.parent());
        TemplateQuotas.problems(split.parent(), parentBytes).forEach(p -> problems.add("the parent stack: " + p));
        cycle((ObjectNode) split.parent().path("Resources"))
                .ifPresent(cycle -> problems.add("the parent stack: its resources and nested stacks wait for each"
                        + " other in a cycle " + String.join(" → ", cycle)));
        for (Nested nested : split.nested()) {
            TemplateQuotas.problems(nested.template(), nested.bytes())
                    .forEach(p -> problems.add("nested stack " + nested.logicalId() + ": " + p));
            int resources = nested.template().path("Resources").size();
            if (headroom && resources > RESOURCES_PER_GROUP) {
                problems.add("nested stack " + nested.logicalId() + ": " + resources + " resources, more than the "
                        + RESOURCES_PER_GROUP + " a group is filled to");
            }
        }
        return problems;
    }

    /** The split into exactly {@code groups} groups; a group no function hashes to is left out. */
    static Split splitInto(ObjectNode template, Collection<String> functionIds, String serviceName, int groups) {
        return assemble(template, ownership(template, functionIds), serviceName, groups);
    }

    /**
     * What each resource names, and the function (by logical id) each resource that leaves the parent belongs to:
     * the same whatever the number of groups.
     */
    private record Ownership(
            Map<String, Set<String>> references, Map<String, String> owner, Map<String, String> companions) {}

    private static Ownership ownership(ObjectNode template, Collection<String> functionIds) {
        ObjectNode resources = (ObjectNode) template.path("Resources");
        Map<String, Set<String>> references = references(resources);
        Map<String, Set<String>> users = new HashMap<>();
        references.forEach((id, refs) -> refs.forEach(
                ref -> users.computeIfAbsent(ref, k -> new LinkedHashSet<>()).add(id)));

        Map<String, String> owner = new HashMap<>();
        functionIds.stream()
                .filter(id -> "AWS::Lambda::Function"
                        .equals(resources.path(id).path("Type").asText()))
                .forEach(id -> owner.put(id, id));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Set<String>> entry : references.entrySet()) {
                String id = entry.getKey();
                if (owner.containsKey(id)) {
                    continue;
                }
                String type = resources.path(id).path("Type").asText();
                Set<String> owners = new TreeSet<>();
                boolean unowned = false;
                if (FOLLOWERS.contains(type)) {
                    // What a follower's properties name: an alias's update policy also names its hooks, which are
                    // other functions, and the alias still belongs with its own.
                    Set<String> named = new LinkedHashSet<>();
                    collect(resources.path(id).path("Properties"), named);
                    named.addAll(dependsOn(resources.path(id)));
                    for (String ref : named) {
                        if (owner.containsKey(ref)) {
                            owners.add(owner.get(ref));
                        }
                    }
                } else if (SERVANTS.contains(type)) {
                    for (String user : users.getOrDefault(id, Set.of())) {
                        if (owner.containsKey(user)) {
                            owners.add(owner.get(user));
                        } else {
                            unowned = true;
                        }
                    }
                }
                if (!unowned && owners.size() == 1) {
                    owner.put(id, owners.iterator().next());
                    changed = true;
                }
            }
        }
        return new Ownership(references, owner, companions(template));
    }

    private static Split assemble(ObjectNode template, Ownership ownership, String serviceName, int groups) {
        Map<String, String> stackOf = new HashMap<>();
        ownership
                .owner()
                .forEach((id, function) ->
                        stackOf.put(id, group(ownership.companions().getOrDefault(function, function), groups)));
        return new Splitter(template, ownership.references(), stackOf, serviceName).split();
    }

    /** The other resources each of {@code resources} names through Ref, Fn::GetAtt, Fn::Sub or DependsOn. */
    private static Map<String, Set<String>> references(ObjectNode resources) {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        Set<String> ids = names(resources);
        resources.fields().forEachRemaining(entry -> {
            Set<String> refs = new LinkedHashSet<>();
            collect(entry.getValue(), refs);
            refs.retainAll(ids);
            refs.remove(entry.getKey());
            references.put(entry.getKey(), refs);
        });
        return references;
    }

    private static List<String> dependsOn(JsonNode resource) {
        JsonNode dependsOn = resource.path("DependsOn");
        List<String> ids = new ArrayList<>();
        if (dependsOn.isTextual()) {
            ids.add(dependsOn.asText());
        }
        dependsOn.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** A cycle of references among {@code resources}, as the ids along it, first repeated last. */
    static java.util.Optional<List<String>> cycle(ObjectNode resources) {
        Map<String, Set<String>> edges = references(resources);
        Map<String, Integer> state = new HashMap<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            java.util.Optional<List<String>> found = visit(start, edges, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    /** Depth first: state 1 on the current path, 2 done. */
    private static java.util.Optional<List<String>> visit(
            String id, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(id);
        if (seen != null && seen == 2) {
            return java.util.Optional.empty();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return java.util.Optional.of(cycle);
        }
        state.put(id, 1);
        path.add(id);
        for (String next : edges.get(id)) {
            java.util.Optional<List<String>> found = visit(next, edges, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return java.util.Optional.empty();
    }

    private static final Set<String> CONDITION_KEYS = Set.of("Condition", "Fn::If");

    /** Whether any object in {@code node} has one of {@code keys}. */
    private static boolean uses(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (keys.contains(field.getKey()) || uses(field.getValue(), keys)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (uses(element, keys)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> names(ObjectNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every logical id {@code node} names through Ref, Fn::GetAtt, Fn::Sub or DependsOn. */
    static void collect(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "Ref" -> into.add(value.asText());
                    case "Fn::GetAtt" -> into.add(getAttTarget(value));
                    case "DependsOn" -> {
                        if (value.isArray()) {
                            value.forEach(v -> into.add(v.asText()));
                        } else {
                            into.add(value.asText());
                        }
                    }
                    case "Fn::Sub" -> {
                        String text = value.isArray() ? value.path(0).asText() : value.asText();
                        Set<String> local = new LinkedHashSet<>();
                        if (value.isArray() && value.path(1).isObject()) {
                            local.addAll(names((ObjectNode) value.get(1)));
                            collect(value.get(1), into);
                        }
                        Matcher matcher = SUB_VARIABLE.matcher(text);
                        while (matcher.find()) {
                            String name = matcher.group(1).split("\\.", 2)[0];
                            if (!local.contains(name)) {
                                into.add(name);
                            }
                        }
                    }
                    default -> collect(value, into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, into));
        }
    }

    private static String getAttTarget(JsonNode value) {
        return value.isArray() ? value.path(0).asText() : value.asText().split("\\.", 2)[0];
    }

    private static String getAttAttribute(JsonNode value) {
        return value.isArray() ? value.path(1).asText() : value.asText().split("\\.", 2)[1];
    }

    /** Builds the parent and nested templates for one assignment of resources to stacks. */
    private static final class Splitter {

        private final ObjectNode template;
        private final Map<String, Set<String>> references;
        /** The nested stack of each resource that leaves the parent. */
        private final Map<String, String> stackOf;

        private final String serviceName;
        private final Set<String> parameters;
        private final Map<String, ObjectNode> nested = new TreeMap<>();
        /** What each nested stack is given: parameter name → value in the parent. */
        private final Map<String, Map<String, JsonNode>> given = new TreeMap<>();
        /** What each nested stack gives: output name → value in that stack. */
        private final Map<String, Map<String, JsonNode>> gives = new TreeMap<>();
        /** The stacks and parent resources each nested stack waits for. */
        private final Map<String, Set<String>> waitsFor = new TreeMap<>();

        Splitter(
                ObjectNode template,
                Map<String, Set<String>> references,
                Map<String, String> stackOf,
                String serviceName) {
            this.template = template;
            this.references = references;
            this.stackOf = stackOf;
            this.serviceName = serviceName;
            this.parameters = template.path("Parameters") instanceof ObjectNode declared ? names(declared) : Set.of();
        }

        Split split() {
            ObjectNode parent = TemplateJson.object();
            ObjectNode parentResources = TemplateJson.object();
            new TreeSet<>(stackOf.values()).forEach(stack -> {
                ObjectNode child = TemplateJson.object();
                child.put("AWSTemplateFormatVersion", "2010-09-09");
                child.put(
                        "Description",
                        template.path("Description").asText("").replaceFirst(" \\(template sha256 .*$", "")
                                + ": nested stack " + stack);
                child.putObject("Parameters");
                child.putObject("Resources");
                child.putObject("Outputs");
                nested.put(stack, child);
                given.put(stack, new TreeMap<>());
                gives.put(stack, new TreeMap<>());
                waitsFor.put(stack, new TreeSet<>());
            });
            template.path("Resources").fields().forEachRemaining(entry -> {
                String stack = stackOf.get(entry.getKey());
                if (stack == null) {
                    parentResources.set(
                            entry.getKey(), inParent(entry.getValue().deepCopy(), true));
                } else {
                    ObjectNode resource = (ObjectNode) entry.getValue().deepCopy();
                    ((ObjectNode) nested.get(stack).get("Resources"))
                            .set(entry.getKey(), inNested(stack, resource, true));
                }
            });
            ObjectNode parentOutputs = TemplateJson.object();
            template.path("Outputs").fields().forEachRemaining(entry -> {
                Set<String> refs = new LinkedHashSet<>();
                collect(entry.getValue(), refs);
                Set<String> stacks = new TreeSet<>();
                boolean parentRef = false;
                for (String ref : refs) {
                    if (stackOf.containsKey(ref)) {
                        stacks.add(stackOf.get(ref));
                    } else if (references.containsKey(ref)) {
                        parentRef = true;
                    }
                }
                if (stacks.size() == 1 && !parentRef) {
                    String stack = stacks.iterator().next();
                    ((ObjectNode) nested.get(stack).get("Outputs"))
                            .set(
                                    entry.getKey(),
                                    inNested(stack, entry.getValue().deepCopy(), false));
                } else {
                    parentOutputs.set(entry.getKey(), inParent(entry.getValue().deepCopy(), false));
                }
            });

            // Conditions and mappings stay in the parent and are copied to each nested stack that uses them.
            nested.forEach((stack, child) -> {
                for (String section : List.of("Conditions", "Mappings")) {
                    if (template.has(section)
                            && uses(child, section.equals("Conditions") ? CONDITION_KEYS : Set.of("Fn::FindInMap"))) {
                        child.set(section, rewrite(template.get(section), stack, false));
                    }
                }
            });

            List<Nested> written = new ArrayList<>();
            Map<String, ObjectNode> stackResources = new LinkedHashMap<>();
            for (Map.Entry<String, ObjectNode> entry : nested.entrySet()) {
                String stack = entry.getKey();
                ObjectNode child = entry.getValue();
                ObjectNode childOutputs = (ObjectNode) child.get("Outputs");
                gives.get(stack).forEach((name, value) -> {
                    if (childOutputs.has(name)) {
                        throw new IllegalStateException("nested stack " + stack + " has an output " + name
                                + " and would give another value under that name");
                    }
                    childOutputs.putObject(name).set("Value", value);
                });
                if (childOutputs.isEmpty()) {
                    child.remove("Outputs");
                }
                ObjectNode childParameters = (ObjectNode) child.get("Parameters");
                ObjectNode stackParameters = TemplateJson.object();
                given.get(stack).forEach((name, value) -> {
                    ObjectNode parameter = childParameters.putObject(name).put("Type", "String");
                    JsonNode declared = template.path("Parameters").path(name);
                    if (declared.path("NoEcho").asBoolean(false)) {
                        parameter.put("NoEcho", true);
                    }
                    stackParameters.set(name, value);
                });
                byte[] bytes = TemplateJson.bytes(child);
                String key = key(serviceName, bytes);
                ObjectNode stackResource = TemplateJson.object();
                stackResource.put("Type", "AWS::CloudFormation::Stack");
                Set<String> waits = waitsFor.get(stack);
                if (!waits.isEmpty()) {
                    ArrayNode dependsOn = stackResource.putArray("DependsOn");
                    waits.forEach(dependsOn::add);
                }
                ObjectNode properties = stackResource.putObject("Properties");
                properties.set(
                        "TemplateURL",
                        Cfn.sub("https://${" + ServiceTemplate.ARTIFACT_BUCKET
                                + "}.s3.${AWS::Region}.${AWS::URLSuffix}/" + key));
                properties.set("Parameters", stackParameters);
                stackResources.put(stack, stackResource);
                written.add(new Nested(stack, child, bytes, key));
            }

            template.fields().forEachRemaining(section -> {
                switch (section.getKey()) {
                    case "Resources" -> {
                        stackResources.forEach(parentResources::set);
                        parent.set("Resources", parentResources);
                    }
                    case "Outputs" -> {
                        if (!parentOutputs.isEmpty()) {
                            parent.set("Outputs", parentOutputs);
                        }
                    }
                    default -> parent.set(section.getKey(), section.getValue().deepCopy());
                }
            });
            return new Split(parent, written);
        }

        /** A parent node with its references to nested resources read from the nested stacks' outputs. */
        private JsonNode inParent(JsonNode node, boolean resource) {
            if (resource && node.has("DependsOn")) {
                ArrayNode dependsOn = TemplateJson.array();
                Set<String> seen = new LinkedHashSet<>();
                JsonNode declared = node.get("DependsOn");
                (declared.isArray() ? declared : TemplateJson.array().add(declared)).forEach(d -> {
                    String target = stackOf.getOrDefault(d.asText(), d.asText());
                    if (seen.add(target)) {
                        dependsOn.add(target);
                    }
                });
                ((ObjectNode) node).set("DependsOn", dependsOn);
            }
            return rewrite(node, null, resource);
        }

        private JsonNode inNested(String stack, ObjectNode node, boolean resource) {
            if (resource && node.has("DependsOn")) {
                ArrayNode dependsOn = TemplateJson.array();
                JsonNode declared = node.get("DependsOn");
                (declared.isArray() ? declared : TemplateJson.array().add(declared)).forEach(d -> {
                    String target = d.asText();
                    String targetStack = stackOf.get(target);
                    if (stack.equals(targetStack)) {
                        dependsOn.add(target);
                    } else {
                        // Another stack's resource: the whole nested stack waits for it, or for its stack.
                        waitsFor.get(stack).add(targetStack == null ? target : targetStack);
                    }
                });
                if (dependsOn.isEmpty()) {
                    node.remove("DependsOn");
                } else {
                    node.set("DependsOn", dependsOn);
                }
            }
            return rewrite(node, stack, resource);
        }

        /**
         * The node with each reference to a resource in another stack (or, in a nested stack, to the parent's
         * parameters and stack name or id) replaced by what reaches it from {@code stack} ({@code null}: the parent).
         */
        private JsonNode rewrite(JsonNode node, String stack, boolean skipDependsOn) {
            if (node.isArray()) {
                ArrayNode copy = TemplateJson.array();
                node.forEach(element -> copy.add(rewrite(element, stack, false)));
                return copy;
            }
            if (!node.isObject()) {
                return node;
            }
            if (node.size() == 1 && node.has("Ref")) {
                return reach(stack, node.get("Ref").asText(), null, node);
            }
            if (node.size() == 1 && node.has("Fn::GetAtt")) {
                JsonNode value = node.get("Fn::GetAtt");
                return reach(stack, getAttTarget(value), getAttAttribute(value), node);
            }
            if (node.size() == 1 && node.has("Fn::Sub")) {
                return sub(stack, node.get("Fn::Sub"));
            }
            ObjectNode copy = TemplateJson.object();
            node.fields()
                    .forEachRemaining(field -> copy.set(
                            field.getKey(),
                            skipDependsOn && field.getKey().equals("DependsOn")
                                    ? field.getValue()
                                    : rewrite(field.getValue(), stack, false)));
            return copy;
        }

        /** A Fn::Sub whose variables naming other stacks' values become variables of its own, in array form. */
        private JsonNode sub(String stack, JsonNode sub) {
            String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
            ObjectNode variables = TemplateJson.object();
            Set<String> local = new LinkedHashSet<>();
            if (sub.isArray() && sub.path(1).isObject()) {
                sub.get(1).fields().forEachRemaining(field -> {
                    local.add(field.getKey());
                    variables.set(field.getKey(), rewrite(field.getValue(), stack, false));
                });
            }
            Matcher matcher = SUB_VARIABLE.matcher(text);
            StringBuilder rewritten = new StringBuilder();
            while (matcher.find()) {
                String variable = matcher.group(1);
                String[] parts = variable.split("\\.", 2);
                String replacement = variable;
                if (!local.contains(parts[0])) {
                    JsonNode original = parts.length == 1 ? Cfn.ref(parts[0]) : Cfn.getAtt(parts[0], parts[1]);
                    JsonNode reached = reach(stack, parts[0], parts.length == 1 ? null : parts[1], original);
                    if (reached != original) {
                        if (reached.has("Ref")) {
                            // A parameter of this nested stack: Fn::Sub reads it by name.
                            replacement = reached.get("Ref").asText();
                        } else {
                            replacement = variableName(parts);
                            variables.set(replacement, reached);
                            local.add(replacement);
                        }
                    }
                }
                matcher.appendReplacement(rewritten, Matcher.quoteReplacement("${" + replacement + "}"));
            }
            matcher.appendTail(rewritten);
            if (variables.isEmpty()) {
                return TemplateJson.object().put("Fn::Sub", rewritten.toString());
            }
            ObjectNode node = TemplateJson.object();
            node.putArray("Fn::Sub").add(rewritten.toString()).add(variables);
            return node;
        }

        /**
         * How {@code stack} ({@code null}: the parent) reaches the value of {@code id} (with {@code attribute}, or
         * its Ref when {@code null}): {@code original} when it is in the same stack or a pseudo parameter every
         * stack shares.
         */
        private JsonNode reach(String stack, String id, String attribute, JsonNode original) {
            String target = stackOf.get(id);
            if (stack == null) {
                if (target == null) {
                    return original;
                }
                return Cfn.getAtt(target, "Outputs." + export(target, id, attribute));
            }
            if (stack.equals(target)) {
                return original;
            }
            String name;
            JsonNode value;
            if (id.equals("AWS::StackName") || id.equals("AWS::StackId")) {
                name = id.equals("AWS::StackName") ? STACK_NAME_PARAMETER : STACK_ID_PARAMETER;
                value = Cfn.ref(id);
            } else if (id.startsWith("AWS::")) {
                return original;
            } else if (target != null) {
                name = variableName(attribute == null ? new String[] {id} : new String[] {id, attribute});
                value = Cfn.getAtt(target, "Outputs." + export(target, id, attribute));
            } else if (parameters.contains(id) || references.containsKey(id)) {
                name = variableName(attribute == null ? new String[] {id} : new String[] {id, attribute});
                value = original;
            } else {
                // Not a name this template declares (a condition, or a mistake cfn-lint reports): left as written.
                return original;
            }
            given.get(stack).put(name, value);
            return Cfn.ref(name);
        }

        /** Makes {@code stack} give {@code id}'s Ref or attribute as an output, and returns the output's name. */
        private String export(String stack, String id, String attribute) {
            String name = variableName(attribute == null ? new String[] {id} : new String[] {id, attribute});
            gives.get(stack).put(name, attribute == null ? Cfn.ref(id) : Cfn.getAtt(id, attribute));
            return name;
        }

        /** {@code Id} for a Ref, {@code IdAttribute} (dots dropped) for an attribute. */
        private static String variableName(String[] parts) {
            return parts.length == 1 ? parts[0] : parts[0] + parts[1].replace(".", "");
        }
    }
}
