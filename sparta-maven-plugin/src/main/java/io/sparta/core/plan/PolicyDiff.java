package io.sparta.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.IamPatterns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The permission statements of the deployed template against the new one: which are added, which removed, and which
 * added ones grant more than before. Read from the templates rather than the change set, because a change set only
 * says a role is modified, not what it may now do.
 *
 * <p>Statements are compared as written, intrinsic functions included, after putting their lists in a fixed order
 * and leaving out {@code Sid}: a statement that only moved or was renamed is not a change.
 */
public final class PolicyDiff {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> LIST_KEYS =
            Set.of("Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal");
    private static final Set<String> POLICY_DOCUMENT_TYPES = Set.of(
            "AWS::IAM::Policy",
            "AWS::IAM::ManagedPolicy",
            "AWS::IAM::RolePolicy",
            "AWS::S3::BucketPolicy",
            "AWS::SQS::QueuePolicy",
            "AWS::SQS::QueueInlinePolicy",
            "AWS::SNS::TopicPolicy",
            "AWS::SNS::TopicInlinePolicy");

    private PolicyDiff() {}

    private record Key(String holder, String document) {}

    private record Document(String holderType, List<JsonNode> statements) {}

    /**
     * @param deployed the template the stack runs now; empty for a stack that does not exist yet
     * @param proposed the template the change set would deploy
     * @return added and removed statements, by holder and document in alphabetical order
     */
    public static List<PolicyChange> between(Optional<JsonNode> deployed, JsonNode proposed) {
        Map<Key, Document> before = deployed.map(PolicyDiff::documents).orElseGet(Map::of);
        Map<Key, Document> after = documents(proposed);
        Set<Key> keys = new TreeSet<>(Comparator.comparing(Key::holder).thenComparing(Key::document));
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        List<PolicyChange> changes = new ArrayList<>();
        for (Key key : keys) {
            Document old = before.getOrDefault(key, new Document(typeOf(after, key), List.of()));
            Document now = after.getOrDefault(key, new Document(old.holderType(), List.of()));
            List<JsonNode> removed = minus(old.statements(), now.statements());
            for (JsonNode statement : minus(now.statements(), old.statements())) {
                changes.add(new PolicyChange(
                        key.holder(),
                        now.holderType(),
                        key.document(),
                        PolicyChange.Direction.ADDED,
                        statement,
                        broadening(key.document(), statement, old.statements(), removed)));
            }
            for (JsonNode statement : removed) {
                List<String> reasons = "Deny".equals(statement.path("Effect").asText())
                        ? List.of("a Deny statement removed")
                        : List.of();
                changes.add(new PolicyChange(
                        key.holder(),
                        old.holderType(),
                        key.document(),
                        PolicyChange.Direction.REMOVED,
                        statement,
                        reasons));
            }
        }
        return changes;
    }

    private static String typeOf(Map<Key, Document> documents, Key key) {
        Document document = documents.get(key);
        return document == null ? "" : document.holderType();
    }

    private static List<JsonNode> minus(List<JsonNode> from, List<JsonNode> taken) {
        Set<JsonNode> remove = new LinkedHashSet<>(taken);
        return from.stream().filter(s -> !remove.contains(s)).distinct().toList();
    }

    /** Every permission-bearing document of a template, its statements in the canonical form. */
    static Map<Key, Document> documents(JsonNode template) {
        Map<Key, Document> documents = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            if ("AWS::IAM::Role".equals(type)) {
                put(documents, id, type, "AssumeRolePolicyDocument", properties.path("AssumeRolePolicyDocument"));
                for (JsonNode policy : properties.path("Policies")) {
                    put(
                            documents,
                            id,
                            type,
                            "Policies/" + display(policy.path("PolicyName")),
                            policy.path("PolicyDocument"));
                }
                List<JsonNode> managed = new ArrayList<>();
                for (JsonNode arn : properties.path("ManagedPolicyArns")) {
                    ObjectNode statement = JSON.objectNode();
                    statement.put("Effect", "Allow");
                    statement.set("ManagedPolicyArn", arn);
                    managed.add(statement);
                }
                if (!managed.isEmpty()) {
                    documents.put(new Key(id, "ManagedPolicyArns"), new Document(type, managed));
                }
            } else if (POLICY_DOCUMENT_TYPES.contains(type)) {
                put(documents, id, type, "PolicyDocument", properties.path("PolicyDocument"));
            } else if ("AWS::Lambda::Permission".equals(type)) {
                documents.put(new Key(id, "Permission"), new Document(type, List.of(permission(properties))));
            } else if ("AWS::Lambda::Url".equals(type)) {
                documents.put(new Key(id, "AuthType"), new Document(type, List.of(functionUrl(properties))));
            }
        });
        return documents;
    }

    private static void put(Map<Key, Document> documents, String id, String type, String name, JsonNode policy) {
        if (policy.isMissingNode()) {
            return;
        }
        JsonNode statements = policy.has("Statement") ? policy.get("Statement") : policy;
        List<JsonNode> canonical = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(s -> canonical.add(canonical(s)));
        } else {
            canonical.add(canonical(statements));
        }
        documents.put(new Key(id, name), new Document(type, canonical));
    }

    /** A Lambda permission as the resource-policy statement Lambda writes for it. */
    private static JsonNode permission(JsonNode properties) {
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", "Allow");
        JsonNode principal = properties.path("Principal");
        if (principal.isTextual() && principal.asText().endsWith(".amazonaws.com")) {
            statement.putObject("Principal").set("Service", principal);
        } else if (principal.isTextual() && "*".equals(principal.asText())) {
            statement.put("Principal", "*");
        } else {
            statement.putObject("Principal").set("AWS", principal);
        }
        statement.set("Action", properties.path("Action"));
        statement.set("Resource", properties.path("FunctionName"));
        ObjectNode condition = JSON.objectNode();
        for (String key : List.of("SourceArn", "SourceAccount", "FunctionUrlAuthType", "PrincipalOrgID")) {
            if (properties.has(key)) {
                condition.set(key, properties.get(key));
            }
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        return canonical(statement);
    }

    /** A function URL as who may call it: anyone with AuthType NONE, IAM principals of the account otherwise. */
    private static JsonNode functionUrl(JsonNode properties) {
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", "Allow");
        String authType = properties.path("AuthType").asText();
        statement.put("Principal", "NONE".equals(authType) ? "*" : "AWS_IAM");
        statement.put("Action", "lambda:InvokeFunctionUrl");
        statement.set("Resource", properties.path("TargetFunctionArn"));
        statement.putObject("Condition").put("FunctionUrlAuthType", authType);
        return canonical(statement);
    }

    /** The statement with keys sorted, lists in a fixed order, principals as lists and no Sid. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.objectNode();
            new TreeMap<>(toMap(node)).forEach((key, value) -> {
                if ("Sid".equals(key)) {
                    return;
                }
                sorted.set(key, LIST_KEYS.contains(key) ? list(value) : canonical(value));
            });
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JSON.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Action and Resource lists in a fixed order; a Principal's lists likewise, per principal kind. */
    private static JsonNode list(JsonNode value) {
        if (value.isObject() && !isIntrinsic(value)) {
            ObjectNode principals = JSON.objectNode();
            new TreeMap<>(toMap(value)).forEach((kind, ids) -> principals.set(kind, list(ids)));
            return principals;
        }
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> elements.add(canonical(element)));
        } else {
            elements.add(canonical(value));
        }
        elements.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode array = JSON.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String name = node.fieldNames().next();
        return "Ref".equals(name) || name.startsWith("Fn::");
    }

    /** Why an added statement grants more than the document's statements did before; empty when it does not. */
    private static List<String> broadening(
            String document, JsonNode statement, List<JsonNode> before, List<JsonNode> removed) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        if (statement.has("ManagedPolicyArn")) {
            reasons.add("attaches managed policy " + display(statement.get("ManagedPolicyArn")));
            return reasons;
        }
        List<JsonNode> allowed = before.stream()
                .filter(s -> "Allow".equals(s.path("Effect").asText()))
                .toList();
        for (String key : List.of("NotAction", "NotResource", "NotPrincipal")) {
            if (statement.has(key)) {
                reasons.add("allows with " + key + ": everything but what it lists");
            }
        }
        Set<String> oldActions = values(allowed, "Action");
        for (String action : values(List.of(statement), "Action")) {
            if (oldActions.stream()
                    .noneMatch(old -> IamPatterns.action(old).matcher(action).matches())) {
                reasons.add((action.contains("*") ? "wildcard action " : "new action ") + action);
            }
        }
        Set<String> oldResources = values(allowed, "Resource");
        for (String resource : values(List.of(statement), "Resource")) {
            if (!oldResources.contains(resource)) {
                reasons.add(
                        "*".equals(resource)
                                ? "any resource (*)"
                                : (resource.endsWith("*") ? "wider resource " : "new resource ") + resource);
            }
        }
        Set<String> oldPrincipals = principals(allowed);
        for (String principal : principals(List.of(statement))) {
            if (!oldPrincipals.contains(principal)) {
                reasons.add("*".equals(principal) ? "any principal (*)" : "new principal " + principal);
            }
        }
        if ("AuthType".equals(document)
                && "NONE".equals(statement.at("/Condition/FunctionUrlAuthType").asText())
                && !allowed.contains(statement)) {
            reasons.add("public function URL: AuthType NONE lets anyone on the internet call it");
        }
        if (reasons.isEmpty() && !statement.has("Condition")) {
            for (JsonNode old : removed) {
                if (old.has("Condition") && sameGrant(old, statement)) {
                    reasons.add("condition removed: " + display(old.get("Condition")));
                }
            }
        }
        return reasons;
    }

    private static boolean sameGrant(JsonNode a, JsonNode b) {
        for (String key : List.of("Effect", "Action", "Resource", "Principal")) {
            if (!a.path(key).equals(b.path(key))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> values(List<JsonNode> statements, String key) {
        Set<String> values = new TreeSet<>();
        for (JsonNode statement : statements) {
            for (JsonNode value : statement.path(key)) {
                values.add(display(value));
            }
        }
        return values;
    }

    /** Principals as {@code Service:lambda.amazonaws.com}, {@code AWS:arn…} or {@code *}. */
    private static Set<String> principals(List<JsonNode> statements) {
        Set<String> principals = new TreeSet<>();
        for (JsonNode statement : statements) {
            JsonNode principal = statement.path("Principal");
            if (principal.isArray()) {
                principal.forEach(p -> principals.add(display(p)));
            } else {
                principal
                        .properties()
                        .forEach(kind -> kind.getValue()
                                .forEach(id -> principals.add(
                                        "*".equals(id.asText()) ? "*" : kind.getKey() + ":" + display(id))));
            }
        }
        return principals;
    }

    /**
     * A value as a reader would write it: {@code Ref} and {@code Fn::GetAtt} in {@code Fn::Sub}'s notation, a
     * {@code Fn::Sub} as its string, anything else as compact JSON.
     */
    public static String display(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            if (value.has("Ref")) {
                return "${" + value.get("Ref").asText() + "}";
            }
            JsonNode getAtt = value.get("Fn::GetAtt");
            if (getAtt != null) {
                return getAtt.isArray()
                        ? "${" + getAtt.path(0).asText() + "." + getAtt.path(1).asText() + "}"
                        : "${" + getAtt.asText() + "}";
            }
            JsonNode sub = value.get("Fn::Sub");
            if (sub != null) {
                return sub.isArray() ? sub.path(0).asText() : sub.asText();
            }
        }
        return value.toString();
    }
}
