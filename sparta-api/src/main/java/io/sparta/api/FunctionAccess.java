package io.sparta.api;

import io.sparta.annotations.Access;
import java.util.List;

/**
 * What a function may do beyond writing its own logs and consuming its triggers: grants on declared resources and
 * raw statements, each becoming statements of its role.
 */
public record FunctionAccess(List<ResourceGrant> grants, List<RawStatement> statements) {

    public static final FunctionAccess NONE = new FunctionAccess(List.of(), List.of());

    public FunctionAccess {
        grants = List.copyOf(grants);
        statements = List.copyOf(statements);
    }

    /** A grant of access to a declared resource, by its name. */
    public record ResourceGrant(String resource, Access access) {}

    /**
     * Actions on resources, as the user wrote them.
     *
     * @param resources ARNs, possibly with {@code ${AWS::...}} pseudo parameters for Fn::Sub
     */
    public record RawStatement(List<String> actions, List<String> resources) {
        public RawStatement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }
}
