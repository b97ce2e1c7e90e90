package io.sparta.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.Console;
import io.sparta.core.common.Digests;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.deploy.ArtifactStore;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.ManagedArtifactBucket;
import io.sparta.core.deploy.StackDeployer;
import io.sparta.core.template.PipelineTemplate;
import io.sparta.core.template.ServiceTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * The delivery pipeline's two goals: {@code pipeline} provisions the pipeline's own stack (or, dry, only writes its
 * template), and {@code publish} hands one build to it: the archive under its content hash and the package whose
 * configurations name that archive. The same package is promoted through every environment.
 */
public final class PipelineWorkflow {

    private final Console console;

    public PipelineWorkflow(Console console) {
        this.console = console;
    }

    /** @return the pipeline template written to {@code pipeline.json} */
    public ObjectNode pipeline(PipelineRequest request) throws SpartaUserException, IOException {
        PackageManifest manifest = packaged(request);
        List<String> stacks = manifest.environments().stream()
                .map(PackageManifest.Environment::stackName)
                .toList();
        if (stacks.contains(request.pipelineStackName())
                || request.pipelineStackName().equals(manifest.stackName())
                || request.pipelineStackName().equals(ManagedArtifactBucket.STACK_NAME)) {
            throw new SpartaUserException("<pipeline><stackName> " + request.pipelineStackName() + " is the stack of "
                    + (stacks.contains(request.pipelineStackName())
                            ? "an environment"
                            : request.pipelineStackName().equals(manifest.stackName())
                                    ? "the service itself"
                                    : "the artifact bucket")
                    + "; deploying the pipeline would replace what is there. Name another stack");
        }
        JsonNode serviceTemplate = rolesTemplate(manifest);
        fresh(request);
        PipelineTemplate.Declaration declaration = new PipelineTemplate.Declaration(
                request.settings().serviceName(),
                request.pipelineName(),
                request.packageKey(),
                manifest.environments().stream()
                        .map(e -> new PipelineTemplate.Environment(e.name(), e.stackName(), e.approval()))
                        .toList(),
                request.repository(),
                request.buildImage(),
                secretReferences(request.packageDirectory(), manifest));
        ObjectNode template;
        try {
            template = PipelineTemplate.marshal(declaration, serviceTemplate);
        } catch (IllegalArgumentException unsupported) {
            throw new SpartaUserException(unsupported.getMessage());
        }
        List<String> problems = PipelineChecks.problems(
                template, request.packageDirectory(), manifest.layerKeys().keySet());
        if (!problems.isEmpty()) {
            throw new SpartaUserException(
                    problems.size() + " problem(s) in the pipeline:\n  - " + String.join("\n  - ", problems));
        }
        byte[] bytes = TemplateJson.write(template, request.pipelineTemplateFile());
        console.info("Pipeline template " + request.pipelineTemplateFile() + ": stages Source, "
                + String.join(
                        ", ",
                        declaration.environments().stream()
                                .map(e -> e.name() + (e.approval() ? " (approval)" : ""))
                                .toList()));
        if (request.dryRun()) {
            console.info("Dry run: no AWS call; the package is "
                    + request.packageDirectory().resolve("package.zip"));
            return template;
        }
        try (AwsSession aws = AwsSession.open(request.aws())) {
            ArtifactStore store = ArtifactStore.open(aws, request.bucket(), console);
            String key = request.settings().serviceName() + "/pipelines/" + Digests.sha256(bytes) + ".json";
            store.putIfAbsent(key, request.pipelineTemplateFile(), "application/json");
            StackDeployer.Deployment deployment = new StackDeployer(aws.cloudFormation(), console)
                    .deploy(
                            new StackDeployer.Request(
                                    request.pipelineStackName(),
                                    store.httpsUrl(key),
                                    template,
                                    Map.of(),
                                    new TreeMap<>(request.settings().tags()),
                                    request.settings().serviceName()),
                            request.safeguards());
            if (deployment.outcome().isEmpty()) {
                console.info("Pipeline stack " + request.pipelineStackName() + " is up to date; nothing to change");
            }
            console.info(aws.ledger().summary());
        }
        return template;
    }

    /**
     * The service's template as the pipeline's CloudFormation role must deploy it: for a split service the whole
     * template (what the nested stacks hold) with the parent's nested stacks beside its resources.
     */
    private static JsonNode rolesTemplate(PackageManifest manifest) throws IOException {
        ObjectNode template = (ObjectNode) TemplateJson.read(Path.of(manifest.serviceTemplate()));
        if (!manifest.nestedTemplates().isEmpty()) {
            JsonNode parent = TemplateJson.read(Path.of(manifest.template()));
            ObjectNode resources = (ObjectNode) template.path("Resources");
            manifest.nestedTemplates()
                    .forEach(nested -> resources.set(
                            nested.logicalId(), parent.path("Resources").path(nested.logicalId())));
        }
        return template;
    }

    /**
     * Uploads the archive (skipped when that content is there) and the package naming it (skipped when unchanged,
     * so the pipeline does not run for nothing).
     *
     * @return whether the package was uploaded, which starts the pipeline
     */
    public boolean publish(PipelineRequest request) throws SpartaUserException, IOException {
        PackageManifest manifest = fresh(request);
        if (manifest.environments().isEmpty()) {
            throw new SpartaUserException("publish hands a package to the pipeline's environments, and <environments>"
                    + " declares none; declare them, or use sparta:provision");
        }
        if (request.dryRun()) {
            console.info("Dry run: would upload " + manifest.archive() + " as " + manifest.archiveKey()
                    + manifest.layers().stream()
                            .map(layer -> ", " + layer.file() + " as " + layer.key(manifest.serviceName()))
                            .collect(java.util.stream.Collectors.joining())
                    + " (unless there) and " + request.packageKey()
                    + " (unless unchanged) to the pipeline's bucket; no AWS call");
            return false;
        }
        try (AwsSession aws = AwsSession.open(request.aws())) {
            String bucket = request.pipelineBucket().isPresent()
                    ? request.pipelineBucket().get()
                    : pipelineBucket(aws, request.pipelineStackName());
            ArtifactStore store = new ArtifactStore(aws.s3(), aws.region(), bucket, console);
            String archiveKey = manifest.archiveKey();
            store.putIfAbsent(archiveKey, Path.of(manifest.archive()), "application/java-archive");
            for (PackageManifest.Layer layer : manifest.layers()) {
                store.putIfAbsent(layer.key(manifest.serviceName()), Path.of(layer.file()), "application/zip");
            }
            // A split service's nested templates, which its parent reads from the artifact bucket it is given.
            if (manifest.wholeTemplate() != null) {
                store.putAllIfAbsent(
                        io.sparta.core.template.NestedStacks.keyPrefix(manifest.serviceName()),
                        manifest.nestedUploads(),
                        "application/json");
            }
            byte[] template = Files.readAllBytes(Path.of(manifest.template()));
            Map<String, Object> configurations = new LinkedHashMap<>();
            for (PackageManifest.Environment environment : manifest.environments()) {
                JsonNode configuration = DeliveryPackage.configuration(request.packageDirectory(), environment);
                ((ObjectNode) configuration.path("Parameters"))
                        .put(ServiceTemplate.ARTIFACT_BUCKET, bucket)
                        .put(ServiceTemplate.ARTIFACT_KEY, archiveKey);
                manifest.layerKeys().forEach(((ObjectNode) configuration.path("Parameters"))::put);
                configurations.put(environment.name(), configuration);
            }
            Path folder = request.publishDirectory();
            Files.createDirectories(folder);
            Files.write(folder.resolve(DeliveryPackage.TEMPLATE), template);
            DeliveryPackage.writeConfigurations(folder, configurations);
            boolean uploaded = false;
            if (request.uploadPackage()) {
                uploaded = store.putIfChanged(
                        request.packageKey(), DeliveryPackage.zip(template, configurations), "application/zip");
                console.info(
                        uploaded
                                ? "Published: the pipeline starts with archive " + archiveKey
                                : "Nothing new to publish: the pipeline already has this package");
            } else {
                console.info("Package laid out in " + folder + " for the build to hand on");
            }
            console.info(aws.ledger().summary());
            return uploaded;
        }
    }

    /** Every environment's secret references, as its configuration file gives them. */
    private static List<String> secretReferences(Path packageDirectory, PackageManifest manifest) throws IOException {
        List<String> references = new java.util.ArrayList<>();
        for (PackageManifest.Environment environment : manifest.environments()) {
            DeliveryPackage.strings(DeliveryPackage.configuration(packageDirectory, environment)
                            .path("Parameters"))
                    .forEach((name, value) -> {
                        if (name.startsWith(ServiceTemplate.SECRET_PARAMETER_PREFIX) && !value.isEmpty()) {
                            references.add(value);
                        }
                    });
        }
        return references;
    }

    /** The package, refused when older than the classes or changed since it was hashed, as provision refuses it. */
    private static PackageManifest fresh(PipelineRequest request) throws SpartaUserException, IOException {
        return FreshPackage.verify(request.packageDirectory(), request.classesDirectory(), request.settings());
    }

    private static PackageManifest packaged(PipelineRequest request) throws SpartaUserException, IOException {
        Path manifestFile = request.packageDirectory().resolve(PackageManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new SpartaUserException("No package in " + request.packageDirectory() + "; run mvn package first");
        }
        PackageManifest manifest = PackageManifest.read(manifestFile);
        if (manifest.environments().isEmpty()) {
            throw new SpartaUserException("A pipeline promotes the package through environments, and <environments>"
                    + " declares none; declare at least one (see the site page \"Environments and pipelines\")");
        }
        return manifest;
    }

    /** The bucket the pipeline's stack made, by its logical id: outputs are not needed, so any API works. */
    private static String pipelineBucket(AwsSession aws, String stackName) throws SpartaUserException {
        try {
            return aws.cloudFormation()
                    .describeStackResource(r -> r.stackName(stackName).logicalResourceId(PipelineTemplate.BUCKET))
                    .stackResourceDetail()
                    .physicalResourceId();
        } catch (CloudFormationException e) {
            throw new SpartaUserException("Found no pipeline stack " + stackName + " to publish to ("
                    + (e.awsErrorDetails() == null
                            ? e.getMessage()
                            : e.awsErrorDetails().errorMessage())
                    + "); run mvn sparta:pipeline first, or name its bucket with -Dsparta.pipelineBucket");
        }
    }
}
