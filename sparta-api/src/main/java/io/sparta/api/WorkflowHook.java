package io.sparta.api;

/**
 * What can be configured under {@code <hooks>}: a {@link PreMarshallHook}, {@link PostMarshallHook},
 * {@link TemplateValidator} or {@link RollbackHook}; one class may be several. Build-side stages (PreBuild,
 * PostBuild, Archive) are Maven lifecycle phases instead: bind plugin executions to them.
 */
public interface WorkflowHook {}
