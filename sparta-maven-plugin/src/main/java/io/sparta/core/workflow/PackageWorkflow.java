package io.sparta.core.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.archive.ArchiveIdentity;
import io.sparta.core.archive.ArchiveSelector;
import io.sparta.core.archive.ArchiveSize;
import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.archive.DependencyLayer;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.archive.SpartaResources;
import io.sparta.core.common.Console;
import io.sparta.core.common.Digests;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.deploy.UpToDateStack;
import io.sparta.core.describe.DescribeReport;
import io.sparta.core.model.Environments;
import io.sparta.core.template.BucketNotificationsTemplate;
import io.sparta.core.template.DependencyLayerTemplate;
import io.sparta.core.template.LayerModuleTemplate;
import io.sparta.core.template.NestedStacks;
import io.sparta.core.template.NestedStacks.Split;
import io.sparta.core.template.TemplateQuotas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The package stage: scan → model → PreMarshall → archive → marshal → decorators → PostMarshall → validators →
 * template and manifest. Offline: no AWS call.
 */
public final class PackageWorkflow {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final Console console;

    public PackageWorkflow(Console console) {
        this.console = console;
    }

    /**
     * Writes the package and ends with its own cost ({@code sparta:package took … ms, … ms of CPU on its thread}),
     * apart from Maven's: what {@code scripts/bench} reads to tell it does not grow with the jar.
     *
     * @return the manifest written, or empty when the module declares no function
     */
    public Optional<PackageManifest> run(PackageRequest request) throws SpartaUserException, IOException {
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        Optional<PackageManifest> written = write(request);
        console.info("sparta:package took " + (System.nanoTime() - started) / 1_000_000 + " ms, "
                + (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000 + " ms of CPU on its thread");
        return written;
    }

    private Optional<PackageManifest> write(PackageRequest request) throws SpartaUserException, IOException {
        // The archive is chosen first, since a dependency layer is part of the template; a module that turns out
        // to declare no function needs no archive, so a failed choice only counts once functions are found.
        ArchiveSelector.Selection selection = null;
        SpartaUserException noArchive = null;
        try {
            selection = ArchiveSelector.select(request.archive());
        } catch (SpartaUserException e) {
            noArchive = e;
        }
        Optional<ServiceMarshaller.Marshalled> marshalled = new ServiceMarshaller(console)
                .marshal(
                        request.classesDirectory(),
                        request.classpath(),
                        request.settings(),
                        request.extensions(),
                        selection != null && !selection.layer().isEmpty(),
                        request.archive().layerModules());
        if (marshalled.isEmpty()) {
            console.warn("No @SpartaLambda function in " + request.classesDirectory() + "; nothing to package");
            // A template left from an earlier build would describe code that is gone.
            Files.deleteIfExists(request.templateFile());
            Files.deleteIfExists(request.manifestFile());
            return Optional.empty();
        }
        if (noArchive != null) {
            throw noArchive;
        }
        if (request.archive().outputTimestamp().isEmpty()) {
            console.warn("project.build.outputTimestamp is not set, so every build writes a jar with other bytes:"
                    + " Sparta still knows unchanged code by what the jar holds, but tools that compare the jar's"
                    + " bytes (caches, checksums, Maven repositories) see a new one each time; add"
                    + " <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp> to the"
                    + " pom's <properties>");
        }
        ServiceModel service = marshalled.get().service();
        Path archive = selection.archive();
        // Its sizes and what it holds, from one read of its zip directory: the file's own bytes are never read, so a
        // 70 MB jar costs what a small one does.
        ArchiveSize archiveSize;
        String archiveIdentity;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(archive.toFile())) {
            archiveSize = ArchiveSize.of(zip, Files.size(archive));
            archiveIdentity = ArchiveIdentity.of(zip);
        }
        ArchiveSize size = archiveSize;
        String label = "The archive " + archive.getFileName();
        Path layer = null;
        ArchiveSize layerSize = null;
        if (!selection.layer().isEmpty()) {
            layer = DependencyLayer.write(
                    selection.layer(),
                    request.dependencyLayerFile(),
                    request.archive().entryTime(),
                    request.zipWriter());
            layerSize = ArchiveSize.of(layer);
            size = size.plus(layerSize);
            label = label + " with its dependency layer";
        } else {
            Files.deleteIfExists(request.dependencyLayerFile());
        }
        size.check(label);
        Map<String, Path> modules = writeLayerModules(service, request);
        Map<String, ArchiveSize> moduleSizes = new TreeMap<>();
        for (Map.Entry<String, Path> module : modules.entrySet()) {
            moduleSizes.put(module.getKey(), ArchiveSize.of(module.getValue()));
        }
        // Lambda counts a function's package with its layers: a layer module counts only for functions that list it.
        ArchiveSize largest = size;
        String largestLabel = label;
        for (LambdaFunction function : service.functions()) {
            List<String> listed = function.options().layers().stream()
                    .filter(moduleSizes::containsKey)
                    .toList();
            if (listed.isEmpty()) {
                continue;
            }
            ArchiveSize total = size;
            for (String name : listed) {
                total = total.plus(moduleSizes.get(name));
            }
            String functionLabel = label + " and the layer module(s) " + listed + " of function " + function.name();
            total.check(functionLabel);
            if (total.unzippedBytes() > largest.unzippedBytes()) {
                largest = total;
                largestLabel = functionLabel;
            }
        }
        Map<String, Environments.TemplateConfiguration> configurations =
                Environments.configurations(request.settings());
        Path spartaResources = request.outputDirectory().resolve(SpartaResources.FILE);
        if (BucketNotificationsTemplate.needed(marshalled.get().template())) {
            List<String> stackNames = new ArrayList<>(List.of(service.stackName()));
            configurations.values().forEach(configuration -> stackNames.add(configuration.stackName()));
            for (String stackName : stackNames) {
                java.util.Optional<String> problem = BucketNotificationsTemplate.functionNameProblem(stackName);
                if (problem.isPresent()) {
                    throw new SpartaUserException(problem.get());
                }
            }
            SpartaResources.write(spartaResources);
        } else {
            Files.deleteIfExists(spartaResources);
            spartaResources = null;
        }
        ObjectNode whole = marshalled.get().template();
        if (whole.path("Outputs").isEmpty()) {
            // Nothing asked for an output (function outputs are off by default): no empty section in the template.
            whole.remove("Outputs");
        }
        UpToDateStack.stamp(whole);
        byte[] template = TemplateJson.bytes(whole);
        Split split = split(request, service, whole, template);
        if (split != null) {
            template = TemplateJson.bytes(split.parent());
        }
        // The bytes the quotas were checked on, written as they are rather than serialized again.
        TemplateJson.write(template, request.templateFile());
        PackageManifest.NestedTemplate wholeTemplate = null;
        List<PackageManifest.NestedTemplate> nestedTemplates = new ArrayList<>();
        deleteNestedTemplates(request);
        if (split != null) {
            byte[] wholeBytes = TemplateJson.bytes(whole);
            Path wholeFile = request.nestedTemplatesDirectory().resolve(WHOLE_TEMPLATE_FILE);
            TemplateJson.write(wholeBytes, wholeFile);
            wholeTemplate = new PackageManifest.NestedTemplate(
                    "",
                    wholeFile.toAbsolutePath().toString(),
                    Digests.sha256(wholeBytes),
                    NestedStacks.key(service.serviceName(), wholeBytes));
            for (NestedStacks.Nested nested : split.nested()) {
                Path file = request.nestedTemplatesDirectory().resolve(nested.logicalId() + ".json");
                TemplateJson.write(nested.bytes(), file);
                nestedTemplates.add(new PackageManifest.NestedTemplate(
                        nested.logicalId(),
                        file.toAbsolutePath().toString(),
                        Digests.sha256(nested.bytes()),
                        nested.key()));
            }
        }
        if (request.describe()) {
            DescribeReport.write(
                    service, marshalled.get().template(), marshalled.get().spartaResources(), request.describeFile());
            console.info("Describe " + request.describeFile());
        }

        Map<String, Object> files = new LinkedHashMap<>();
        configurations.forEach((name, configuration) -> files.put(name, configuration.file(Map.of())));
        DeliveryPackage.writeConfigurations(request.outputDirectory(), files);
        if (configurations.isEmpty()) {
            Files.deleteIfExists(request.deliveryPackageFile());
        } else {
            Files.write(request.deliveryPackageFile(), DeliveryPackage.zip(template, files));
        }

        PackageManifest manifest = new PackageManifest(
                service.serviceName(),
                service.stackName(),
                service.tags(),
                service.parameters(),
                archive.toAbsolutePath().toString(),
                null,
                request.templateFile().toAbsolutePath().toString(),
                Digests.sha256(template),
                request.settings().fingerprint(),
                service.functions().stream()
                        .map(f -> new PackageManifest.Function(
                                f.name(), f.handler(), f.source(), f.options().role()))
                        .toList(),
                configurations.entrySet().stream()
                        .map(e -> new PackageManifest.Environment(
                                e.getKey(),
                                e.getValue().stackName(),
                                e.getValue().approval(),
                                DeliveryPackage.configurationEntry(e.getKey())))
                        .toList(),
                archiveIdentity,
                layers(layer, modules, spartaResources),
                nestedTemplates,
                wholeTemplate,
                request.settings().sectionFingerprints());
        manifest.write(request.manifestFile());

        console.info("Service " + service.serviceName() + " → stack " + service.stackName() + ", "
                + service.functions().size() + " function(s):");
        for (LambdaFunction function : service.functions()) {
            console.info("  " + function.name() + "  " + function.handler() + "  "
                    + function.runtime().identifier()
                    + "/" + function.architecture().identifier() + "  " + function.memory() + " MB  "
                    + function.timeout() + " s");
        }
        service.resources().stream()
                .filter(io.sparta.api.OwnedResource.Custom.class::isInstance)
                .map(io.sparta.api.OwnedResource.Custom.class::cast)
                .forEach(custom -> console.info("  " + custom.name() + "  " + custom.type() + "  custom resource,"
                        + " handled by " + custom.function()));
        List<String> existingBuckets =
                BucketNotificationsTemplate.buckets(marshalled.get().template());
        if (!existingBuckets.isEmpty()) {
            console.info(
                    "  and Sparta's own function " + service.stackName() + "-SpartaBucketNotifications, setting the"
                            + " notifications on " + existingBuckets + " (" + BucketNotificationsTemplate.TYPE + ")");
        }
        io.sparta.core.model.ServiceModelBuilder.broadManagedPolicies(service).forEach(console::warn);
        console.info("Archive  " + archive + " (content " + archiveIdentity.substring(0, 12) + "; "
                + archiveSize.summary() + ")");
        if (layer != null) {
            console.info("Layer    " + layer + " (" + selection.layer().size()
                    + (selection.layer().size() == 1 ? " dependency; " : " dependencies; ") + layerSize.summary()
                    + ")");
        }
        for (Map.Entry<String, Path> module : modules.entrySet()) {
            console.info("Layer    " + module.getValue() + " (layer module " + module.getKey() + ", "
                    + request.archive().layerModules().jars(module.getKey()).size() + " jar(s); "
                    + moduleSizes.get(module.getKey()).summary() + ")");
        }
        largest.warning(largestLabel).ifPresent(console::warn);
        console.info("Template " + request.templateFile());
        if (split != null) {
            console.info((request.nestedStacks() > 0
                            ? "  <nestedStacks> " + request.nestedStacks() + " makes the template a parent stack with "
                            : "  the service does not fit one CloudFormation stack, so the template is a parent stack"
                                    + " with ")
                    + split.nested().size() + " nested stacks of functions, written to "
                    + request.nestedTemplatesDirectory() + " ("
                    + split.nested().stream()
                            .map(n -> n.logicalId() + " "
                                    + n.template().path("Resources").size() + " resources")
                            .collect(java.util.stream.Collectors.joining(", "))
                    + "); the service is still provisioned, planned, reported and deleted as one stack");
        }
        configurations.forEach((name, configuration) -> console.info("Environment " + name + " → stack "
                + configuration.stackName() + (configuration.approval() ? " (after approval)" : "") + ", "
                + request.outputDirectory().resolve(DeliveryPackage.configurationEntry(name))));
        if (!configurations.isEmpty()) {
            console.info("Package  " + request.deliveryPackageFile() + " (template and every environment's"
                    + " configuration, for the pipeline)");
        }
        return Optional.of(manifest);
    }

    /** The whole template of a split service, beside the nested ones. */
    static final String WHOLE_TEMPLATE_FILE = "whole-template.json";

    /**
     * The template split into nested stacks when it does not fit one stack, or into the number {@code <nestedStacks>}
     * pins; {@code null} when it fits and nothing is pinned. The whole template and the parent record the number of
     * groups ({@link NestedStacks#GROUPS_METADATA}), and the parent names the whole template's S3 key.
     *
     * @throws SpartaUserException when the pinned number is out of range, or even the split does not fit, naming
     *     each quota it breaks
     */
    private static Split split(PackageRequest request, ServiceModel service, ObjectNode whole, byte[] bytes)
            throws SpartaUserException {
        int pinned = request.nestedStacks();
        if (pinned < 0 || pinned > NestedStacks.MAX_GROUPS) {
            throw new SpartaUserException("<nestedStacks> " + pinned + " is out of range; allowed 0 (split only a"
                    + " service past one stack's quotas, into as few nested stacks as fit) or 1 to "
                    + NestedStacks.MAX_GROUPS + ". Try -Dsparta.nestedStacks=0");
        }
        List<String> problems = TemplateQuotas.problems(whole, bytes);
        if (problems.isEmpty() && pinned == 0) {
            return null;
        }
        List<String> functionIds = service.functions().stream()
                .map(LambdaFunction::functionLogicalId)
                .toList();
        NestedStacks.Result result = NestedStacks.split(whole, functionIds, service.serviceName(), pinned);
        if (!result.problems().isEmpty()) {
            throw new SpartaUserException(TemplateQuotas.splitMessage(
                    request.templateFile().toString(), problems, result.problems(), pinned));
        }
        int groups = result.groups();
        metadata(whole).put(NestedStacks.GROUPS_METADATA, groups);
        ObjectNode parent = result.split().parent();
        metadata(parent).put(NestedStacks.GROUPS_METADATA, groups);
        metadata(parent)
                .put(
                        NestedStacks.WHOLE_TEMPLATE_METADATA,
                        NestedStacks.key(service.serviceName(), TemplateJson.bytes(whole)));
        // The parent's stamp covers the nested templates: their keys are their digests.
        UpToDateStack.stamp(parent);
        return result.split();
    }

    private static ObjectNode metadata(ObjectNode template) {
        return template.has("Metadata") ? (ObjectNode) template.get("Metadata") : template.putObject("Metadata");
    }

    /** Nested templates of an earlier package, which would otherwise look current. */
    private static void deleteNestedTemplates(PackageRequest request) throws IOException {
        Path directory = request.nestedTemplatesDirectory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Writes a layer zip for each layer module a function lists (its jar and the dependencies it brings, under
     * {@code java/lib/}), and deletes those of modules no function lists any more.
     *
     * @return each zip by the module's artifactId
     * @throws SpartaUserException when a jar of a layer module is not built (a module of the reactor that was
     *     compiled but not packaged)
     */
    private static Map<String, Path> writeLayerModules(ServiceModel service, PackageRequest request)
            throws SpartaUserException, IOException {
        Map<String, Path> written = new TreeMap<>();
        for (String name : LayerModuleTemplate.named(service).keySet()) {
            List<DependencyLayer.Dependency> jars =
                    request.archive().layerModules().jars(name);
            for (DependencyLayer.Dependency jar : jars) {
                if (!Files.isRegularFile(jar.file())) {
                    throw new SpartaUserException("The layer module " + name + " needs " + jar + ", which resolves to "
                            + jar.file() + ", not a jar (a module of this reactor that was compiled, not packaged);"
                            + " run mvn package from the reactor's root");
                }
            }
            written.put(
                    name,
                    DependencyLayer.write(
                            jars,
                            request.layerModuleFile(name),
                            request.archive().entryTime(),
                            request.zipWriter()));
        }
        Path folder = request.layerModuleFile("any").getParent();
        if (Files.isDirectory(folder)) {
            try (java.util.stream.Stream<Path> zips = Files.list(folder)) {
                for (Path stale :
                        zips.filter(zip -> !written.containsValue(zip)).toList()) {
                    Files.delete(stale);
                }
            }
        }
        return written;
    }

    /**
     * The manifest's layers: the dependency layer first, then each layer module, then Sparta's own handlers when the
     * template deploys one: what provision and publish upload beside the archive, each key passed as a parameter.
     */
    private static List<PackageManifest.Layer> layers(
            Path dependencyLayer, Map<String, Path> modules, Path spartaResources) throws IOException {
        List<PackageManifest.Layer> layers = new ArrayList<>();
        if (dependencyLayer != null) {
            layers.add(layer(DependencyLayerTemplate.LAYER_KEY, dependencyLayer));
        }
        for (Map.Entry<String, Path> module : modules.entrySet()) {
            layers.add(layer(LayerModuleTemplate.keyParameter(module.getKey()), module.getValue()));
        }
        if (spartaResources != null) {
            layers.add(layer(BucketNotificationsTemplate.KEY_PARAMETER, spartaResources));
        }
        return layers;
    }

    private static PackageManifest.Layer layer(String parameter, Path zip) throws IOException {
        return new PackageManifest.Layer(
                parameter, zip.toAbsolutePath().toString(), Digests.sha256(zip), ArchiveIdentity.of(zip));
    }
}
