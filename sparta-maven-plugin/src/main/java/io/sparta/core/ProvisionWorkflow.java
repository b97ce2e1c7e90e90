package io.sparta.core;

import io.sparta.core.archive.Digests;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.deploy.ArtifactStore;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.ManagedArtifactBucket;
import io.sparta.core.deploy.StackDeployer;
import io.sparta.core.template.ServiceTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The provision stage: check the package → upload archive → upload template → change set → wait. */
public final class ProvisionWorkflow {

    private final Console console;

    public ProvisionWorkflow(Console console) {
        this.console = console;
    }

    /** @return whether the stack changed */
    public boolean run(ProvisionRequest request) throws SpartaUserException, IOException {
        PackageManifest manifest = FreshPackage.verify(request);
        try (AwsSession aws = AwsSession.open(request.aws())) {
            ArtifactStore store = artifactStore(request, aws);
            store.putIfAbsent(archiveKey(manifest), Path.of(manifest.archive()), "application/java-archive");
            String templateKey = manifest.serviceName() + "/templates/" + manifest.templateSha256() + ".json";
            store.putIfAbsent(templateKey, Path.of(manifest.template()), "application/json");

            Map<String, String> parameters = new TreeMap<>(manifest.parameters());
            parameters.put(ServiceTemplate.ARTIFACT_BUCKET, store.bucket());
            parameters.put(ServiceTemplate.ARTIFACT_KEY, archiveKey(manifest));
            boolean changed = new StackDeployer(aws.cloudFormation(), console)
                    .deploy(new StackDeployer.Request(
                            manifest.stackName(), store.httpsUrl(templateKey), parameters, manifest.tags()))
                    .isPresent();
            if (!changed) {
                console.info("Stack " + manifest.stackName() + " is up to date; nothing to change");
            }
            console.info(aws.ledger().summary());
            return changed;
        }
    }

    private ArtifactStore artifactStore(ProvisionRequest request, AwsSession aws) throws SpartaUserException {
        if (request.bucket().isPresent()) {
            ArtifactStore store =
                    new ArtifactStore(aws.s3(), aws.region(), request.bucket().get(), console);
            store.verifyReachable();
            return store;
        }
        String bucket = new ManagedArtifactBucket(aws.cloudFormation(), console).ensure();
        return new ArtifactStore(aws.s3(), aws.region(), bucket, console);
    }

    private static String archiveKey(PackageManifest manifest) {
        return manifest.serviceName() + "/" + manifest.archiveSha256() + ".jar";
    }

    /** The rules that keep provision from deploying anything but what the current code packaged. */
    static final class FreshPackage {

        private FreshPackage() {}

        static PackageManifest verify(ProvisionRequest request) throws SpartaUserException, IOException {
            Path manifestFile = request.packageDirectory().resolve(PackageManifest.FILE_NAME);
            if (!Files.isRegularFile(manifestFile)) {
                throw new SpartaUserException("No package to provision: " + manifestFile + " is missing. Run 'mvn"
                        + " package' first (for example 'mvn package sparta:provision')");
            }
            PackageManifest manifest = PackageManifest.read(manifestFile);
            Path archive = Path.of(manifest.archive());
            Path template = Path.of(manifest.template());
            for (Path file : new Path[] {archive, template}) {
                if (!Files.isRegularFile(file)) {
                    throw new SpartaUserException(file + " is missing. Run 'mvn package' first");
                }
            }
            FileTime newestClass = newestFile(request.classesDirectory());
            FileTime oldestOutput = min(Files.getLastModifiedTime(archive), Files.getLastModifiedTime(template));
            if (newestClass != null && newestClass.compareTo(oldestOutput) > 0) {
                throw new SpartaUserException("The package is older than the classes in " + request.classesDirectory()
                        + "; provisioning it would deploy stale code. Run 'mvn package' first");
            }
            if (!Digests.sha256(archive).equals(manifest.archiveSha256())) {
                throw new SpartaUserException(archive + " changed after package hashed it (a later plugin execution"
                        + " rewrote it?). Run 'mvn package' again, with archive-changing executions before"
                        + " sparta-maven-plugin");
            }
            if (!Digests.sha256(Files.readAllBytes(template)).equals(manifest.templateSha256())) {
                throw new SpartaUserException(template + " changed after package wrote it. Run 'mvn package' again");
            }
            if (!manifest.serviceName().equals(request.settings().serviceName())
                    || !manifest.stackName().equals(request.settings().stackName())
                    || !manifest.tags().equals(request.settings().tags())
                    || !manifest.parameters().equals(request.settings().parameters())) {
                throw new SpartaUserException("The configuration changed since package (it packaged service "
                        + manifest.serviceName() + " for stack " + manifest.stackName() + "). Run 'mvn package'"
                        + " with the same settings as provision");
            }
            return manifest;
        }

        private static FileTime newestFile(Path directory) throws IOException {
            if (!Files.isDirectory(directory)) {
                return null;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                FileTime newest = null;
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (newest == null || modified.compareTo(newest) > 0) {
                        newest = modified;
                    }
                }
                return newest;
            }
        }

        private static FileTime min(FileTime a, FileTime b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
