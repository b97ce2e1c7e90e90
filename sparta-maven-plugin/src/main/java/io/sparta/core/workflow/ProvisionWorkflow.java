package io.sparta.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.RollbackHook;
import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.deploy.ArtifactPruner;
import io.sparta.core.deploy.ArtifactStore;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.ExistingResources;
import io.sparta.core.deploy.FixedNameCollisions;
import io.sparta.core.deploy.StackDeployer;
import io.sparta.core.deploy.UpToDateStack;
import io.sparta.core.hooks.HookRunner;
import io.sparta.core.plan.ChangeGuard;
import io.sparta.core.plan.Plan;
import io.sparta.core.plan.PlanReport;
import io.sparta.core.plan.PlannedChange;
import io.sparta.core.template.NestedStacks;
import io.sparta.core.template.ServiceTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The provision stage: check the package → verify the existing resources it names → upload archive → upload template → change
 * set → plan and guards → execute → wait; Rollback hooks when it fails. The plan stage alone is {@link #plan}.
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
        // Before any client is built: a wrong or missing environment costs no AWS time.
        Target target = target(request, manifest);
        try (AwsSession aws = AwsSession.open(request.aws())) {
            aws.prepareCloudFormationAndS3();
            JsonNode template = readTemplate(manifest);
            UpToDateStack.Described described = UpToDateStack.describe(aws.cloudFormation(), target.stackName());
            if (upToDate(described, request, manifest, target, template)) {
                console.info(aws.ledger().summary());
                return false;
            }
            Staged staged = stage(aws, request, manifest, target, template, true);
            ArtifactStore store = staged.store();
            String stackName = target.stackName();
            StackDeployer.Request deployRequest = staged.deployRequest();
            StackDeployer.Deployment deployment = new StackDeployer(
                            aws.cloudFormation(), console, aws.s3(), aws.codeDeploy())
                    .deploy(deployRequest, request.safeguards(), described);
            boolean changed = deployment.outcome().isPresent();
            if (changed) {
                PlanReport.write(deployment.plan(), request.packageDirectory());
            } else {
                console.info("Stack " + stackName + " is up to date; nothing to change");
            }
            if (!target.stackPolicy().isEmpty()) {
                applyStackPolicy(aws, stackName, target.stackPolicy());
            }
            if (changed) {
                // An unchanged stack deploys nothing new, so nothing became unreferenced: no calls spent on it.
                new ArtifactPruner(aws.s3(), aws.cloudFormation(), store.bucket(), console)
                        .afterProvision(
                                manifest.serviceName(),
                                stackName,
                                manifest.archiveKey(),
                                templateKey(manifest),
                                List.copyOf(manifest.layerKeys().values()),
                                List.copyOf(manifest.nestedUploads().keySet()),
                                request.prune());
            }
            console.info(aws.ledger().summary());
            return changed;
        }
    }

    /**
     * Whether the stack already runs this package's template with these parameters and tags, read from one
     * DescribeStacks call; then nothing is uploaded, verified or changed. Not tried for an environment with a stack
     * policy, whose state the stack does not show.
     */
    private boolean upToDate(
            UpToDateStack.Described described,
            ProvisionRequest request,
            PackageManifest manifest,
            Target target,
            JsonNode template) {
        if (!target.stackPolicy().isEmpty()) {
            return false;
        }
        Map<String, String> parameters = new TreeMap<>(target.parameters());
        request.bucket().ifPresent(bucket -> parameters.put(ServiceTemplate.ARTIFACT_BUCKET, bucket));
        parameters.put(ServiceTemplate.ARTIFACT_KEY, manifest.archiveKey());
        parameters.putAll(manifest.layerKeys());
        Map<String, String> tags = new TreeMap<>(target.tags());
        tags.put(io.sparta.core.model.ServiceSettings.OWNER_TAG, manifest.serviceName());
        boolean current = UpToDateStack.runs(
                described,
                new UpToDateStack.Expected(
                        template, parameters, request.bucket().isPresent(), tags),
                console);
        if (current) {
            console.info("Stack " + target.stackName() + " is up to date: it runs this package's template, parameters"
                    + " and tags; nothing to change");
        }
        return current;
    }

    /**
     * The plan stage alone: the change set provision would execute, described and deleted, written to the console,
     * {@code plan.md} and {@code plan.json}. Uploads the template (CloudFormation reads it from S3) but not the
     * archive.
     *
     * @param failOnChanges a CI gate ({@code -Dsparta.failOnChanges}): a plan with changes is refused once written
     * @throws SpartaUserException with {@code failOnChanges}, when the plan has changes, naming the report to review
     */
    public Plan plan(ProvisionRequest request, boolean failOnChanges) throws SpartaUserException, IOException {
        PackageManifest manifest = FreshPackage.verify(request);
        Target target = target(request, manifest);
        try (AwsSession aws = AwsSession.open(request.aws())) {
            aws.prepareCloudFormationAndS3();
            StackDeployer.Request deployRequest = stage(aws, request, manifest, target, readTemplate(manifest), false)
                    .deployRequest();
            Plan plan = new StackDeployer(aws.cloudFormation(), console, aws.s3())
                    .plan(deployRequest, request.safeguards());
            PlanReport.lines(plan).forEach(console::info);
            if (!plan.creates()) {
                for (PlannedChange loss : plan.dataLoss()) {
                    console.warn("Provision will need -D" + ChangeGuard.ALLOW_DATA_LOSS + "=true: it "
                            + loss.action().toLowerCase(java.util.Locale.ROOT) + "s " + loss.logicalId());
                }
                if (!plan.broadening().isEmpty()) {
                    console.warn("Provision will need -D" + ChangeGuard.ALLOW_IAM_BROADENING + "=true: "
                            + plan.broadening().size() + " statement(s) grant more than the deployed stack");
                }
            }
            Path written = PlanReport.write(plan, request.packageDirectory());
            console.info("Plan written to " + written + " and " + PlanReport.JSON_FILE + " beside it");
            console.info(aws.ledger().summary());
            if (failOnChanges && plan.hasChanges()) {
                throw new SpartaUserException("The plan for stack " + plan.stackName() + " " + PlanReport.extent(plan)
                        + ", and -Dsparta.failOnChanges is set: review " + written + ", then deploy it (mvn"
                        + " sparta:provision, or the pipeline for an environment it delivers), or leave"
                        + " -Dsparta.failOnChanges out where changes are expected");
            }
            return plan;
        }
    }

    /** What provision and plan both make ready before the change set. */
    private record Staged(ArtifactStore store, StackDeployer.Request deployRequest) {}

    /**
     * The stages before the change set, shared by provision and plan: the target stack, the existing resources the
     * template names verified (the seed's "verify static IAM roles", for every kind, with the target's parameter
     * values), the archive uploaded (provision only) and the template, and fixed bucket names checked; given the
     * target and the template the goal read once.
     */
    private Staged stage(
            AwsSession aws,
            ProvisionRequest request,
            PackageManifest manifest,
            Target target,
            JsonNode template,
            boolean uploadArchive)
            throws SpartaUserException, IOException {
        // A split service's resources are checked in its whole template, where names read as the service wrote them.
        JsonNode whole =
                manifest.wholeTemplate() == null ? template : TemplateJson.read(Path.of(manifest.serviceTemplate()));
        new ExistingResources(aws, console).verify(whole, target.parameters());
        ArtifactStore store = ArtifactStore.open(aws, request.bucket(), console);
        if (uploadArchive) {
            store.putIfAbsent(manifest.archiveKey(), Path.of(manifest.archive()), "application/java-archive");
            for (PackageManifest.Layer layer : manifest.layers()) {
                store.putIfAbsent(layer.key(manifest.serviceName()), Path.of(layer.file()), "application/zip");
            }
        }
        StackDeployer.Request deployRequest = deployRequest(store, manifest, target, whole);
        FixedNameCollisions.check(aws.s3(), aws.cloudFormation(), target.stackName(), whole);
        return new Staged(store, deployRequest);
    }

    /** The packaged template, read once per goal. */
    private static JsonNode readTemplate(PackageManifest manifest) throws IOException {
        return TemplateJson.read(Path.of(manifest.template()));
    }

    /** Where the template is kept: under its content hash, so an upload happens once. */
    private static String templateKey(PackageManifest manifest) {
        return manifest.serviceName() + "/templates/" + manifest.templateSha256() + ".json";
    }

    /**
     * Uploads the template (once per content), a split service's nested and whole templates first, and says what
     * CloudFormation is asked to deploy.
     *
     * @param template the whole template, for the plan
     */
    private StackDeployer.Request deployRequest(
            ArtifactStore store, PackageManifest manifest, Target target, JsonNode template)
            throws IOException, SpartaUserException {
        if (manifest.wholeTemplate() != null) {
            store.putAllIfAbsent(
                    NestedStacks.keyPrefix(manifest.serviceName()), manifest.nestedUploads(), "application/json");
        }
        String templateKey = templateKey(manifest);
        store.putIfAbsent(templateKey, Path.of(manifest.template()), "application/json");
        Map<String, String> parameters = new TreeMap<>(target.parameters());
        parameters.put(ServiceTemplate.ARTIFACT_BUCKET, store.bucket());
        parameters.put(ServiceTemplate.ARTIFACT_KEY, manifest.archiveKey());
        parameters.putAll(manifest.layerKeys());
        return new StackDeployer.Request(
                target.stackName(),
                store.httpsUrl(templateKey),
                template,
                parameters,
                target.tags(),
                manifest.serviceName());
    }

    /** The environment's stack policy, set as its configuration gives it, as the pipeline's deploy does. */
    private void applyStackPolicy(AwsSession aws, String stackName, String policy) throws IOException {
        String current =
                aws.cloudFormation().getStackPolicy(r -> r.stackName(stackName)).stackPolicyBody();
        if (current != null && TemplateJson.read(current).equals(TemplateJson.read(policy))) {
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
                String choose = manifest.environments().stream()
                        .map(environment -> "-Dsparta.environment=" + environment.name())
                        .collect(Collectors.joining(" or "));
                // An empty default means "no value": the environments give one, the service's own stack would get "".
                List<String> unset = manifest.parameters().entrySet().stream()
                        .filter(parameter -> parameter.getValue().isEmpty())
                        .map(Map.Entry::getKey)
                        .toList();
                if (!unset.isEmpty()) {
                    throw new SpartaUserException("No -Dsparta.environment given, so this is the service's own"
                            + " stack " + manifest.stackName() + ", with the <parameters> defaults, and "
                            + (unset.size() == 1 ? "parameter " : "parameters ") + String.join(", ", unset)
                            + (unset.size() == 1 ? " has" : " have") + " none (only the environments give "
                            + (unset.size() == 1 ? "it a value" : "them values") + "). Run again with " + choose
                            + ", or give " + (unset.size() == 1 ? "it" : "each") + " a default in the pom");
                }
                console.warn("No -Dsparta.environment given: this is the service's own stack "
                        + manifest.stackName() + ", with the <parameters> defaults, not one of the environments "
                        + manifest.environments().stream()
                                .map(PackageManifest.Environment::name)
                                .toList()
                        + "; for one of them, run again with " + choose);
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
                environment.stackName(), parameters, tags, policy.isObject() ? TemplateJson.compact(policy) : "");
    }
}
