package io.sparta.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.RollbackHook;
import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.deploy.ArtifactStore;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.ExistingBucketNotifications;
import io.sparta.core.deploy.StackDeployer;
import io.sparta.core.deploy.StaticRoles;
import io.sparta.core.hooks.HookRunner;
import io.sparta.core.template.ServiceTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provision stage: check the package → verify static IAM roles → upload archive → upload template → change
 * set → wait; Rollback hooks when it fails.
 */
public final class ProvisionWorkflow {

    private final Console console;

    public ProvisionWorkflow(Console console) {
        this.console = console;
    }

    /** @return whether the stack changed */
    public boolean run(ProvisionRequest request) throws SpartaUserException, IOException {
        PackageManifest manifest = FreshPackage.verify(request);
        try {
            return deploy(request, manifest);
        } catch (SpartaUserException | IOException | RuntimeException e) {
            new HookRunner(request.extensions(), console)
                    .rollback(new RollbackHook.ProvisionFailure(
                            manifest.serviceName(), manifest.stackName(), String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private boolean deploy(ProvisionRequest request, PackageManifest manifest) throws SpartaUserException, IOException {
        try (AwsSession aws = AwsSession.open(request.aws())) {
            new StaticRoles(aws.iam(), console).verify(manifest.functions());
            ArtifactStore store = ArtifactStore.open(aws, request.bucket(), console);
            store.putIfAbsent(manifest.archiveKey(), Path.of(manifest.archive()), "application/java-archive");
            String templateKey = manifest.serviceName() + "/templates/" + manifest.templateSha256() + ".json";
            store.putIfAbsent(templateKey, Path.of(manifest.template()), "application/json");

            Target target = target(request, manifest);
            String stackName = target.stackName();
            Map<String, String> parameters = new TreeMap<>(target.parameters());
            parameters.put(ServiceTemplate.ARTIFACT_BUCKET, store.bucket());
            parameters.put(ServiceTemplate.ARTIFACT_KEY, manifest.archiveKey());
            List<ExistingBucketNotifications.Notification> wanted = ExistingBucketNotifications.fromTemplate(
                    TemplateJson.MAPPER.readTree(Path.of(manifest.template()).toFile()));
            List<ExistingBucketNotifications.Notification> previous = new ArrayList<>();
            StackDeployer.Deployment deployment = new StackDeployer(aws.cloudFormation(), console)
                    .deploy(
                            new StackDeployer.Request(
                                    stackName, store.httpsUrl(templateKey), parameters, target.tags()),
                            () -> previous.addAll(
                                    ExistingBucketNotifications.deployed(aws.cloudFormation(), stackName)));
            boolean changed = deployment.outcome().isPresent();
            if (!changed) {
                console.info("Stack " + stackName + " is up to date; nothing to change");
            }
            if (!target.stackPolicy().isEmpty()) {
                applyStackPolicy(aws, stackName, target.stackPolicy());
            }
            if (!wanted.isEmpty() || !previous.isEmpty()) {
                // Also when nothing changed: a notification lost since (or never written) is put back.
                new ExistingBucketNotifications(aws.s3(), console)
                        .apply(stackName, deployment.stackId(), wanted, previous);
            }
            console.info(aws.ledger().summary());
            return changed;
        }
    }

    /** The environment's stack policy, set as its configuration gives it, as the pipeline's deploy does. */
    private void applyStackPolicy(AwsSession aws, String stackName, String policy) throws IOException {
        String current =
                aws.cloudFormation().getStackPolicy(r -> r.stackName(stackName)).stackPolicyBody();
        if (current != null && TemplateJson.MAPPER.readTree(current).equals(TemplateJson.MAPPER.readTree(policy))) {
            return;
        }
        aws.cloudFormation().setStackPolicy(r -> r.stackName(stackName).stackPolicyBody(policy));
        console.info("Stack policy of " + stackName + " set from its environment's configuration");
    }

    /**
     * The stack a provision deploys, and what CloudFormation is given for it.
     *
     * @param stackPolicy the environment's stack policy as JSON, or empty
     */
    private record Target(
            String stackName, Map<String, String> parameters, Map<String, String> tags, String stackPolicy) {}

    /**
     * The service's own stack, or an environment's, with the parameters and tags of the configuration file the
     * pipeline deploys it with too: a laptop and the pipeline reach the same stack.
     */
    private Target target(ProvisionRequest request, PackageManifest manifest) throws SpartaUserException, IOException {
        if (request.environment().isEmpty()) {
            if (!manifest.environments().isEmpty()) {
                console.warn("No -Dsparta.environment given: provisioning the service's own stack "
                        + manifest.stackName() + " with the <parameters> defaults, beside the environments "
                        + manifest.environments().stream()
                                .map(PackageManifest.Environment::name)
                                .toList());
            }
            return new Target(manifest.stackName(), manifest.parameters(), manifest.tags(), "");
        }
        String name = request.environment().get();
        PackageManifest.Environment environment = manifest.environment(name)
                .orElseThrow(() -> new SpartaUserException("The package has no environment " + name + " (it has "
                        + manifest.environments().stream()
                                .map(PackageManifest.Environment::name)
                                .toList()
                        + "); declare it in <environments> and run mvn package"));
        JsonNode configuration = DeliveryPackage.configuration(request.packageDirectory(), environment);
        Map<String, String> parameters = DeliveryPackage.strings(configuration.path("Parameters"));
        Map<String, String> tags = DeliveryPackage.strings(configuration.path("Tags"));
        JsonNode policy = configuration.path("StackPolicy");
        return new Target(
                environment.stackName(),
                parameters,
                tags,
                policy.isObject() ? TemplateJson.MAPPER.writeValueAsString(policy) : "");
    }
}
