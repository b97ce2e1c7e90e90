package io.sparta.core.plan;

import java.util.List;

/**
 * What a change set would do to a stack, before it runs.
 *
 * @param changeSetType {@code CREATE} for a stack that does not exist yet, {@code UPDATE} otherwise
 * @param resources CloudFormation's resource changes, in its order; empty when nothing would change
 * @param policies permission statements added and removed, from the deployed template to the new one
 * @param parameters parameter values an update changes; none for a create, whose every value is new
 */
public record Plan(
        String stackName,
        String changeSetType,
        List<PlannedChange> resources,
        List<PolicyChange> policies,
        List<ParameterChange> parameters) {

    public Plan {
        resources = List.copyOf(resources);
        policies = List.copyOf(policies);
        parameters = List.copyOf(parameters);
    }

    /** A plan that changes no parameter. */
    public Plan(String stackName, String changeSetType, List<PlannedChange> resources, List<PolicyChange> policies) {
        this(stackName, changeSetType, resources, policies, List.of());
    }

    /** A plan for a stack that is up to date. */
    public static Plan unchanged(String stackName) {
        return new Plan(stackName, "UPDATE", List.of(), List.of());
    }

    /** Whether executing it would change anything: a resource, a permission or a parameter's value. */
    public boolean hasChanges() {
        return !resources.isEmpty() || !policies.isEmpty() || !parameters.isEmpty();
    }

    public boolean creates() {
        return "CREATE".equals(changeSetType);
    }

    public List<PlannedChange> dataLoss() {
        return resources.stream().filter(PlannedChange::losesData).toList();
    }

    /**
     * Statements that grant more than the deployed stack does. A new stack broadens nothing: there is no access to
     * compare with, and its plan lists every grant.
     */
    public List<PolicyChange> broadening() {
        return creates()
                ? List.of()
                : policies.stream().filter(PolicyChange::broadens).toList();
    }
}
