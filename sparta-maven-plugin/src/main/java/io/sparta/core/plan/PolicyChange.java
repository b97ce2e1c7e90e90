package io.sparta.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One permission statement a change adds or removes: in a role's trust or inline policy, a managed or resource
 * policy, a Lambda permission or a function URL.
 *
 * @param holder the logical id of the resource holding the statement
 * @param holderType its CloudFormation type
 * @param document where in the resource: {@code AssumeRolePolicyDocument}, {@code Policies/<name>},
 *     {@code ManagedPolicyArns}, {@code PolicyDocument}, {@code Permission} or {@code AuthType}
 * @param statement the statement as the template writes it, {@code Sid} left out
 * @param broadening why an added statement grants more than before (a new action, a wider resource, a new
 *     principal, a removed condition or deny, a public function URL); empty when it does not
 */
public record PolicyChange(
        String holder,
        String holderType,
        String document,
        Direction direction,
        JsonNode statement,
        List<String> broadening) {

    public enum Direction {
        ADDED,
        REMOVED
    }

    public PolicyChange {
        broadening = List.copyOf(broadening);
    }

    public boolean broadens() {
        return !broadening.isEmpty();
    }
}
