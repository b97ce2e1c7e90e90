package io.sparta.core.workflow;

import io.sparta.core.archive.ArchiveCandidates;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.model.ServiceSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the package stage needs, as plain values.
 *
 * @param extensions the decorators and hooks to run at marshal time
 * @param describe whether to write the describe report beside the template
 *
 * @param classesDirectory the module's compiled classes
 * @param classpath the module's runtime classpath, read only for supertypes
 * @param outputDirectory where the template and manifest go, such as {@code target/sparta}
 * @param zipWriter the build tool's archiver, which writes the dependency layer reproducibly
 * @param nestedStacks how many nested stacks of functions to split the template into, 1 to
 *     {@link io.sparta.core.template.NestedStacks#MAX_GROUPS}, even when it fits one stack; 0 to split only a template
 *     past one stack's quotas, into as few as fit
 */
public record PackageRequest(
        Path classesDirectory,
        List<Path> classpath,
        ServiceSettings settings,
        ArchiveCandidates archive,
        Extensions extensions,
        Path outputDirectory,
        boolean describe,
        io.sparta.core.archive.DependencyLayer.ZipWriter zipWriter,
        int nestedStacks) {

    public PackageRequest {
        classpath = List.copyOf(classpath);
    }

    public Path templateFile() {
        return outputDirectory.resolve("template.json");
    }

    /** The service's dependency layer, when the functions load their dependencies from one. */
    public Path dependencyLayerFile() {
        return outputDirectory.resolve("dependencies-layer.zip");
    }

    /** The zip of a layer module, by the module's artifactId. */
    public Path layerModuleFile(String name) {
        return outputDirectory.resolve("layers").resolve(name + ".zip");
    }

    /** The folder of the nested stacks' templates, written when the service does not fit one stack. */
    public Path nestedTemplatesDirectory() {
        return outputDirectory.resolve("nested");
    }

    public Path describeFile() {
        return outputDirectory.resolve("describe.html");
    }

    /** The template and every environment's configuration, zipped; only for a service with environments. */
    public Path deliveryPackageFile() {
        return outputDirectory.resolve("package.zip");
    }

    public Path manifestFile() {
        return outputDirectory.resolve(io.sparta.core.archive.PackageManifest.FILE_NAME);
    }
}
