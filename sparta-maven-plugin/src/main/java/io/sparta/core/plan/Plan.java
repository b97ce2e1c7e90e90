package io.sparta.core.plan;

import java.util.List;

/**
 * What a change set would do to a stack, before it runs.
 *
 * @param changeSetType {@code CREATE} for a stack that does not exist yet, {@code UPDATE} otherwise
 * @param resources CloudFormation's resource changes, in its order; empty when nothing would change
 * @param policies permission statements added and removed, from the deployed template to the new one
 * @param parameters parameter values an update changes; none for a create, whose every value is new
 * @param changeSetMade whether CloudFormation made a change set, that is found something to change: also when it
 *     lists no resource (outputs, tags or a parameter CloudFormation alone can compare)
 */
public record Plan(
        String stackName,
        String changeSetType,
        List<PlannedChange> resources,
        List<PolicyChange> policies,
        List<ParameterChange> parameters,
        boolean changeSetMade) {

    public Plan {
        resources = List.copyOf(resources);
        policies = List.copyOf(policies);
        parameters = List.copyOf(parameters);
    }

    /** The plan of a change set CloudFormation made. */
    public Plan(
            String stackName,
            String changeSetType,
            List<PlannedChange> resources,
            List<PolicyChange> policies,
            List<ParameterChange> parameters) {
        this(stackName, changeSetType, resources, policies, parameters, true);
    }

    /** The plan of a change set CloudFormation made, changing no parameter. */
    public Plan(String stackName, String changeSetType, List<PlannedChange> resources, List<PolicyChange> policies) {
        this(stackName, changeSetType, resources, policies, List.of());
    }

    /** A plan for a stack that is up to date: CloudFormation found nothing to change. */
    public static Plan unchanged(String stackName) {
        return new Plan(stackName, "UPDATE", List.of(), List.of(), List.of(), false);
    }

    /** Whether executing it would change anything: whatever CloudFormation made a change set for. */
    public boolean hasChanges() {
        return changeSetMade;
    }

    /**
     * Whether CloudFormation lists neither a resource nor a parameter change; a change set made all the same still
     * updates the stack (outputs, description, tags, NoEcho values).
     */
    public boolean listsNoChange() {
        return resources.isEmpty() && parameters.isEmpty();
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
