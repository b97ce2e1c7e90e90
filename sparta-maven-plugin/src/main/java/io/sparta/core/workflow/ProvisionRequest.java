package io.sparta.core.workflow;

import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.plan.Safeguards;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything provision needs, as plain values.
 *
 * @param packageDirectory where package wrote the template and manifest, such as {@code target/sparta}
 * @param classesDirectory the module's compiled classes, to tell a stale package from a fresh one
 * @param settings the service settings as configured now, which must match what was packaged
 * @param bucket the artifact bucket to use, or empty to use the one Sparta manages
 * @param extensions the hooks told when a provision fails
 * @param environment the environment to provision, from its configuration in the package; empty for the service's
 *     own stack
 * @param safeguards what the user allowed beyond the guards' defaults, and whom to ask
 * @param prune what the pruning after a successful provision keeps
 */
public record ProvisionRequest(
        Path packageDirectory,
        Path classesDirectory,
        ServiceSettings settings,
        AwsTarget aws,
        Optional<String> bucket,
        Extensions extensions,
        Optional<String> environment,
        Safeguards safeguards,
        ArtifactPruner.Policy prune) {

    /** A provision of the service's own stack, with the guards' defaults. */
    public ProvisionRequest(
            Path packageDirectory,
            Path classesDirectory,
            ServiceSettings settings,
            AwsTarget aws,
            Optional<String> bucket,
            Extensions extensions) {
        this(
                packageDirectory,
                classesDirectory,
                settings,
                aws,
                bucket,
                extensions,
                Optional.empty(),
                Safeguards.none(),
                ArtifactPruner.Policy.defaults());
    }
}
