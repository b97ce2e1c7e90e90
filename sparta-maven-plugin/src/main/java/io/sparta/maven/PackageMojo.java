package io.sparta.maven;

import io.sparta.core.archive.ArchiveCandidates;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.PackageRequest;
import io.sparta.core.workflow.PackageWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Scans the compiled classes for {@code @SpartaLambda} functions and writes {@code template.json} and
 * {@code manifest.json} beside the jar Maven built. Makes no AWS call.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true,
        configurator = SpartaConfigurator.HINT)
public class PackageMojo extends AbstractBuildMojo {

    /**
     * How the runtime dependencies reach Lambda: {@code layer} puts them in a layer of the service beside the
     * module's own jar (uploaded only when they change), {@code shade} uses maven-shade-plugin's jar, {@code auto}
     * (the default) shade's jar when maven-shade-plugin runs before Sparta, else a layer when there are any.
     */
    @Parameter(property = "sparta.dependencyPackaging", defaultValue = "auto")
    String dependencyPackaging;

    /**
     * Maven's reproducible-build time, as its own plugins read it: the pom's property, or {@code -D} on the
     * command line, which wins.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    private ArchiveCandidates.DependencyPackaging dependencyPackaging() throws SpartaUserException {
        return ArchiveCandidates.DependencyPackaging.of(dependencyPackaging)
                .orElseThrow(() -> new SpartaUserException("<dependencyPackaging> (-Dsparta.dependencyPackaging) \""
                        + dependencyPackaging + "\" is none of auto, layer, shade"));
    }

    /**
     * How many nested stacks of functions the template is split into: 0 (the default) splits only a service past one
     * CloudFormation stack's quotas, into as few as fit; 1 to 256 splits into that many even while the service fits
     * one stack, so that growing never moves a function from one stack to another (which its fixed name forbids in
     * one update). Each function's nested stack follows from its logical id and this number alone.
     */
    @Parameter(property = "sparta.nestedStacks", defaultValue = "0")
    int nestedStacks;

    /** Also write {@code describe.html}, the service drawn as a graph, beside the template. */
    @Parameter(property = "sparta.describe", defaultValue = "false")
    boolean describe;

    @Parameter(defaultValue = "${plugin.groupId}:${plugin.artifactId}", readonly = true, required = true)
    String pluginKey;

    /**
     * Attaches the delivery package (template and every environment's configuration) to the build as
     * {@code <artifactId>-<version>-sparta.zip}, so {@code mvn deploy} publishes it beside the jar.
     */
    @Component
    MavenProjectHelper projectHelper;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        PackageRequest request = new PackageRequest(
                classesDirectory.toPath(),
                ProjectArchive.classpath(project),
                serviceSettings(),
                new ProjectArchive(project, pluginKey)
                        .candidates(dependencyPackaging(), outputTimestamp, layerModules()),
                extensions(),
                outputDirectory.toPath(),
                describe,
                new PlexusZipWriter(),
                nestedStacks);
        new PackageWorkflow(console).run(request);
        if (Files.isRegularFile(request.deliveryPackageFile()) && projectHelper != null) {
            projectHelper.attachArtifact(
                    project, "zip", "sparta", request.deliveryPackageFile().toFile());
        }
    }
}
