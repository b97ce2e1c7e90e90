package io.sparta.maven;

import io.sparta.api.SpartaDecorator;
import io.sparta.api.WorkflowHook;
import io.sparta.core.archive.LayerModules;
import io.sparta.core.hooks.Extensions;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/** The goals that make the template from the classes, the decorators and the hooks: package and describe. */
abstract class AbstractBuildMojo extends AbstractModelMojo {

    /** Where package writes the template and manifest and provision reads them. */
    @Parameter(property = "sparta.outputDirectory", defaultValue = "${project.build.directory}/sparta", required = true)
    File outputDirectory;

    /**
     * Decorators that add CloudFormation at package time: {@code TemplateDecorator}s per function,
     * {@code ServiceDecorator}s once. Each is {@code <decorator implementation="class">} with nested elements set on
     * its fields; classes come from the plugin's {@code <dependencies>} or the reactor.
     */
    @Parameter
    List<SpartaDecorator> decorators;

    /**
     * Workflow hooks: {@code PreMarshallHook}, {@code PostMarshallHook}, {@code TemplateValidator} and
     * {@code RollbackHook} classes, each {@code <hook implementation="class">} with nested configuration.
     */
    @Parameter
    List<WorkflowHook> hooks;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Maven's resolver, which resolves each layer module as a graph of its own. */
    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    /** The layer modules a function may name: the module's provided dependencies, resolved when named. */
    LayerModules layerModules() {
        return new LayerModuleResolver(repositorySystem, repositorySession, project);
    }

    Extensions extensions() {
        return new Extensions(decorators == null ? List.of() : decorators, hooks == null ? List.of() : hooks);
    }
}
