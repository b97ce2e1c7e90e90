package io.sparta.core.plan;

/**
 * A template parameter whose value the change set changes: a parameter-only change (a new archive's
 * {@code ArtifactKey}, an environment's value) still updates the resources that use it, though a change set may list
 * none of them.
 *
 * @param before the deployed value; empty for a parameter the stack did not have
 * @param after the value the change set gives it; empty for a parameter the new template drops
 */
public record ParameterChange(String name, String before, String after) {}
