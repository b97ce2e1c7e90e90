package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.deploy.CodeDeployCalls.DeploymentState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the CodeDeploy deployments a stack operation starts (CloudFormation hands each function's new version to
 * CodeDeploy through the alias's update policy) while the stack watcher follows the stack: prints each
 * deployment's status as it changes, and keeps the ones CodeDeploy failed or stopped, which roll the function back,
 * so provision can fail naming them.
 */
public final class TrafficShiftWatch {

    /** How far before the operation a deployment may be dated, for a local clock ahead of AWS's. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final Set<String> ENDED = Set.of("Succeeded", "Failed", "Stopped");
    private static final Set<String> ROLLED_BACK = Set.of("Failed", "Stopped");

    private final CodeDeployCalls calls;
    private final Console console;
    private final String application;
    private final Instant since;
    private final Map<String, String> statuses = new LinkedHashMap<>();
    /** Deployments of other applications in the account, described once and then passed over. */
    private final java.util.Set<String> elsewhere = new java.util.HashSet<>();

    private final List<String> failures = new ArrayList<>();
    private long nextPoll;
    private boolean unreadable;

    /**
     * @param application the CodeDeploy application whose deployments are the stack's: the stack's name
     * @param since when the operation started
     */
    public TrafficShiftWatch(CodeDeployCalls calls, Console console, String application, Instant since) {
        this.calls = calls;
        this.console = console;
        this.application = application;
        this.since = since.minus(CLOCK_SKEW);
    }

    /** Looks again, unless it looked in the last few seconds. */
    void poll() {
        if (System.nanoTime() - nextPoll < 0) {
            return;
        }
        look();
    }

    /** Looks once more, whenever it last did: the stack has settled, so its deployments have ended. */
    public void finish() {
        look();
    }

    /** A line for each deployment CodeDeploy failed or stopped, and so rolled back; empty when none did. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The status each deployment of the operation was last seen in, by deployment id. */
    public Map<String, String> statuses() {
        return Map.copyOf(statuses);
    }

    private void look() {
        nextPoll = System.nanoTime() + EVERY.toNanos();
        try {
            List<String> open = calls.deploymentsSince(since).stream()
                    .filter(id -> !ENDED.contains(statuses.getOrDefault(id, "")) && !elsewhere.contains(id))
                    .toList();
            for (DeploymentState state : calls.describe(open)) {
                if (state.applicationName().equals(application)) {
                    report(state);
                } else {
                    elsewhere.add(state.deploymentId());
                }
            }
        } catch (IOException e) {
            if (!unreadable) {
                unreadable = true;
                console.warn("Cannot follow the CodeDeploy deployments (" + e.getMessage() + "); the stack's events"
                        + " still tell whether each alias moved");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while following CodeDeploy", e);
        }
    }

    private void report(DeploymentState state) {
        String before = statuses.put(state.deploymentId(), state.status());
        if (state.status().equals(before)) {
            return;
        }
        StringBuilder line = new StringBuilder("  CodeDeploy ")
                .append(state.deploymentGroupName())
                .append(' ')
                .append(state.deploymentId())
                .append(' ')
                .append(state.status());
        if (!state.errorCode().isEmpty() || !state.errorMessage().isEmpty()) {
            line.append(": ")
                    .append(state.errorCode())
                    .append(' ')
                    .append(state.errorMessage().strip());
        }
        if (!state.rollbackDeploymentId().isEmpty()) {
            line.append(" (rolled back by ")
                    .append(state.rollbackDeploymentId())
                    .append(')');
        }
        console.info(line.toString());
        if (ROLLED_BACK.contains(state.status())) {
            failures.add("function " + state.deploymentGroupName() + ": CodeDeploy deployment " + state.deploymentId()
                    + " " + state.status()
                    + (state.errorMessage().isEmpty()
                            ? ""
                            : " (" + state.errorMessage().strip() + ")")
                    + ", so its alias stays on the version it had; see aws deploy get-deployment --deployment-id "
                    + state.deploymentId());
        }
    }
}
