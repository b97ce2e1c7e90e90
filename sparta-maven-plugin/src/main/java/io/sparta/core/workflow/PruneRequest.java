package io.sparta.core.workflow;

import io.sparta.core.deploy.ArtifactPruner;
import java.util.Optional;

/**
 * Where a service's artifacts are and what pruning keeps, for {@code prune} and {@code delete}'s opt-in cleanup.
 *
 * @param bucket the configured artifact bucket, or empty for the one Sparta manages (never created for pruning)
 * @param serviceName the service whose prefix ({@code <serviceName>/}) is pruned
 * @param policy how many deployments per stack keep their artifacts, the grace for young objects, dry run
 */
public record PruneRequest(Optional<String> bucket, String serviceName, ArtifactPruner.Policy policy) {}
