package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import io.sparta.core.common.Digests;
import io.sparta.core.common.SpartaUserException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Pruning against moto's S3 and CloudFormation: real stacks whose {@code ArtifactKey} parameter names the archive,
 * real objects, the deployment history as provision records it. Time is moved two hours on where age matters, so
 * that the one-hour grace for young uploads is what a later provision would see.
 */
class ArtifactPrunerTest {

    private static final String SERVICE = "orders";
    private static final AtomicInteger RUN = new AtomicInteger();

    /** A stack as the service template declares it: the archive's bucket and key are parameters. */
    private static final String STACK_TEMPLATE = "{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Parameters\":{"
            + "\"ArtifactBucket\":{\"Type\":\"String\"},\"ArtifactKey\":{\"Type\":\"String\"}},"
            + "\"Resources\":{\"Topic\":{\"Type\":\"AWS::SNS::Topic\"}}}";

    @TempDir
    static Path work;

    static MotoClients aws;
    static S3Client s3;
    static CloudFormationClient cloudFormation;

    /** Two hours from now: every object uploaded in a test is past the default hour of grace. */
    private final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

    private String bucket;
    private String stackA;
    private String stackB;
    private RecordingConsole console;

    @BeforeAll
    static void startMoto() {
        aws = MotoClients.start(work, Region.US_EAST_1);
        cloudFormation = aws.cloudFormation;
        s3 = aws.s3;
    }

    @AfterAll
    static void stopMoto() {
        aws.close();
    }

    @BeforeEach
    void freshBucketAndStackNames() {
        int run = RUN.incrementAndGet();
        bucket = "artifacts-" + run;
        stackA = "orders-" + run;
        stackB = "orders-prod-" + run;
        s3.createBucket(r -> r.bucket(bucket));
        console = new RecordingConsole();
    }

    @Test
    void threeDeploymentsKeepExactlyWhatTheStacksDeployAndCanRollBackTo() {
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        String otherService = put("billing/" + sha("billing code") + ".jar", bytes("billing code", 10));
        String pipelineTemplate = put(SERVICE + "/pipelines/" + sha("pipeline") + ".json", bytes("pipeline", 20));
        s3.createBucket(r -> r.bucket(bucket + "-pipeline"));
        s3.putObject(
                r -> r.bucket(bucket + "-pipeline").key(SERVICE + "/package.zip"),
                RequestBody.fromBytes(bytes("package", 30)));
        deploy(stackA, archive1, template1);

        String archiveB = uploadArchive("prod code", 2_000);
        String templateB = uploadTemplate("prod");
        deploy(stackB, archiveB, templateB);

        String archive2 = uploadArchive("code 2", 3_000);
        deploy(stackA, archive2, template1);
        assertEquals(
                Set.of(template1, archive1, archive2, archiveB, templateB, otherService, pipelineTemplate),
                artifacts(),
                "two deployments of A: both are the last two, nothing to prune");

        String template2 = uploadTemplate("v2");
        String archive3 = uploadArchive("code 3", 5_000);
        ArtifactPruner.Result third = deploy(stackA, archive3, template2);

        // archive1 is the third-newest deployment of A; template1 is still the second's.
        assertEquals(1, third.deleted());
        assertEquals(archiveSize("code 1", 1_000), third.bytesFreed());
        assertEquals(
                Set.of(template1, template2, archive2, archive3, archiveB, templateB, otherService, pipelineTemplate),
                artifacts());
        assertEquals(
                Set.of(DeploymentHistory.key(SERVICE, stackA), DeploymentHistory.key(SERVICE, stackB)), histories());
        assertEquals(List.of(SERVICE + "/package.zip"), keys(bucket + "-pipeline"), "the pipeline's bucket");

        // Provisioning the same code again (an "up to date" provision) does not push out the rollback target.
        ArtifactPruner.Result again = deploy(stackA, archive3, template2);
        assertEquals(0, again.deleted());
        assertTrue(artifacts().contains(archive2), "the deployment a rollback returns to");
    }

    @Test
    void aSplitServicesNestedTemplatesAreKeptWithTheirDeployment_andPrunedWithIt() {
        String template1 = uploadTemplate("parent 1");
        String archive1 = uploadArchive("code 1", 1_000);
        List<String> nested1 = List.of(uploadNested("Functions01 v1"), uploadNested("Functions02 v1"));
        deploySplit(stackA, archive1, template1, nested1);

        String template2 = uploadTemplate("parent 2");
        String archive2 = uploadArchive("code 2", 2_000);
        // One group changed: its new template, and the other group's unchanged one.
        List<String> nested2 = List.of(uploadNested("Functions01 v2"), nested1.get(1));
        deploySplit(stackA, archive2, template2, nested2);
        assertTrue(artifacts().containsAll(nested1), "the deployment a rollback returns to");

        String template3 = uploadTemplate("parent 3");
        String archive3 = uploadArchive("code 3", 3_000);
        List<String> nested3 = List.of(uploadNested("Functions01 v3"), nested1.get(1));
        ArtifactPruner.Result third = deploySplit(stackA, archive3, template3, nested3);

        assertEquals(3, third.deleted(), "the first deployment's archive, parent and changed nested template");
        assertFalse(artifacts().contains(nested1.get(0)));
        assertTrue(
                artifacts().containsAll(nested2) && artifacts().containsAll(nested3),
                artifacts().toString());
    }

    private String uploadNested(String label) {
        byte[] template = template(label);
        return put(SERVICE + "/templates/nested/" + Digests.sha256(template) + ".json", template);
    }

    private ArtifactPruner.Result deploySplit(
            String stack, String archiveKey, String templateKey, List<String> nestedTemplateKeys) {
        if (Stacks.find(cloudFormation, stack).isEmpty()) {
            createStack(stack, archiveKey);
        } else {
            updateStack(stack, archiveKey);
        }
        console = new RecordingConsole();
        return pruner(later)
                .afterProvision(
                        SERVICE,
                        stack,
                        archiveKey,
                        templateKey,
                        List.of(),
                        nestedTemplateKeys,
                        ArtifactPruner.Policy.defaults())
                .orElseThrow(() -> new AssertionError(console.lines().toString()));
    }

    @Test
    void keepingOneDeploymentKeepsOnlyWhatEachStackRunsNow() {
        ArtifactPruner.Policy keepOne = new ArtifactPruner.Policy(1, Duration.ofMinutes(60), false);
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        deploy(stackA, archive1, template1, keepOne);
        String archiveB = uploadArchive("prod code", 2_000);
        deploy(stackB, archiveB, template1, keepOne);
        String archive2 = uploadArchive("code 2", 3_000);
        ArtifactPruner.Result second = deploy(stackA, archive2, template1, keepOne);
        assertEquals(archiveSize("code 1", 1_000), second.bytesFreed());
        String template2 = uploadTemplate("v2");
        String archive3 = uploadArchive("code 3", 5_000);

        ArtifactPruner.Result third = deploy(stackA, archive3, template2, keepOne);

        assertEquals(1, third.deleted(), "archive2; template1 is still stack B's");
        assertEquals(archiveSize("code 2", 3_000), third.bytesFreed());
        assertEquals(Set.of(template1, template2, archive3, archiveB), artifacts());
    }

    @Test
    void whatAStackDeploysIsKeptEvenWhenItsHistoryDoesNotNameIt() {
        ArtifactPruner.Policy keepOne = new ArtifactPruner.Policy(1, Duration.ofMinutes(60), false);
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        deploy(stackA, archive1, template1, keepOne);
        // Deployed by other means (the console, the pipeline): the stack runs archive2, its history says archive1.
        String archive2 = uploadArchive("code 2", 3_000);
        updateStack(stackA, archive2);
        String stray = uploadArchive("never deployed", 4_000);

        ArtifactPruner.Result result = pruner(later).prune(SERVICE, keepOne);

        assertEquals(1, result.deleted(), console.lines().toString());
        assertEquals(Set.of(template1, archive1, archive2), artifacts());
        assertFalse(artifacts().contains(stray));
    }

    @Test
    void aDeployedStackWithoutHistoryKeepsEverything() {
        // Stack B was deployed by an earlier Sparta: it runs archiveB, and what it ran before is unknown.
        String archiveB = uploadArchive("prod code", 2_000);
        String olderB = uploadArchive("prod code before", 2_500);
        createStack(stackB, archiveB);
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        deploy(stackA, archive1, template1);
        String archive2 = uploadArchive("code 2", 3_000);
        deploy(stackA, archive2, template1);
        String archive3 = uploadArchive("code 3", 5_000);

        ArtifactPruner.Result result = deploy(stackA, archive3, template1);

        assertEquals(0, result.deleted());
        assertEquals(Set.of(archiveB, olderB, template1, archive1, archive2, archive3), artifacts());
        assertTrue(result.skipped().orElseThrow().contains("stack(s) [" + stackB + "]"), result.toString());
        assertTrue(
                console.warnings().stream().anyMatch(w -> w.contains(stackB)),
                console.lines().toString());
        assertEquals(
                0,
                pruner(later).prune(SERVICE, ArtifactPruner.Policy.defaults()).deleted());
    }

    @Test
    void aPublishedPackageInTheSameBucketStopsPruning() {
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        String published = put(SERVICE + "/package.zip", bytes("package", 30));
        deploy(stackA, archive1, template1);
        String archive2 = uploadArchive("code 2", 3_000);
        deploy(stackA, archive2, template1);
        String archive3 = uploadArchive("code 3", 5_000);

        ArtifactPruner.Result result = deploy(stackA, archive3, template1);

        assertEquals(0, result.deleted());
        assertEquals(Set.of(template1, archive1, archive2, archive3, published), artifacts());
        assertTrue(result.skipped().orElseThrow().contains("published package"), result.toString());
    }

    @Test
    void youngUnreferencedUploadsAreKeptUntilTheyAreOlderThanTheGrace() {
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        deploy(stackA, archive1, template1);
        String inFlight = uploadArchive("being provisioned", 1_500);

        ArtifactPruner.Result now = pruner(Clock.systemUTC()).prune(SERVICE, ArtifactPruner.Policy.defaults());
        assertEquals(0, now.deleted());
        assertTrue(artifacts().contains(inFlight));

        ArtifactPruner.Result dry =
                pruner(later).prune(SERVICE, new ArtifactPruner.Policy(2, Duration.ofMinutes(60), true));
        assertEquals(1, dry.deleted());
        assertEquals(archiveSize("being provisioned", 1_500), dry.bytesFreed());
        assertTrue(artifacts().contains(inFlight), "a dry run deletes nothing");

        ArtifactPruner.Result hoursLater = pruner(later).prune(SERVICE, ArtifactPruner.Policy.defaults());
        assertEquals(1, hoursLater.deleted());
        assertEquals(Set.of(template1, archive1), artifacts());
    }

    @Test
    void forgettingTheLastStackLetsEveryArchiveAndTemplateGoButNoOtherObject() {
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 1_000);
        String pipelineTemplate = put(SERVICE + "/pipelines/" + sha("pipeline") + ".json", bytes("pipeline", 20));
        deploy(stackA, archive1, template1);
        String archiveB = uploadArchive("prod code", 2_000);
        deploy(stackB, archiveB, template1);
        cloudFormation.deleteStack(r -> r.stackName(stackA));

        ArtifactPruner.Result first = pruner(later).forgetAndPrune(SERVICE, stackA, ArtifactPruner.Policy.defaults());
        assertEquals(1, first.deleted(), "archive1; template1 is also stack B's");
        assertEquals(Set.of(template1, archiveB, pipelineTemplate), artifacts());

        cloudFormation.deleteStack(r -> r.stackName(stackB));
        ArtifactPruner.Result last = pruner(later).forgetAndPrune(SERVICE, stackB, ArtifactPruner.Policy.defaults());
        assertEquals(2, last.deleted());
        assertEquals(archiveSize("prod code", 2_000) + template("v1").length, last.bytesFreed());
        assertEquals(Set.of(pipelineTemplate), artifacts());
        assertEquals(Set.of(), histories());
    }

    @Test
    void deletionsGoInBatchesOfAThousandKeys() {
        String template1 = uploadTemplate("v1");
        String archive1 = uploadArchive("code 1", 10);
        deploy(stackA, archive1, template1);
        long bytes = 0;
        for (int i = 0; i < ArtifactPruner.DELETE_BATCH + 5; i++) {
            bytes += upload(SERVICE + "/templates/", ".json", bytes("old template " + i, 1)).length;
        }

        ArtifactPruner.Result result = pruner(later).prune(SERVICE, ArtifactPruner.Policy.defaults());

        assertEquals(ArtifactPruner.DELETE_BATCH + 5, result.deleted());
        assertEquals(bytes, result.bytesFreed());
        assertEquals(Set.of(template1, archive1), artifacts());
    }

    @Test
    void thePolicyNamesTheElementTheValueAndTheRange() throws Exception {
        SpartaUserException none =
                assertThrows(SpartaUserException.class, () -> ArtifactPruner.Policy.of(0, 60, false));
        assertEquals(
                "<keepDeployments> (-Dsparta.keepDeployments) is 0; it counts each stack's newest successful"
                        + " deployments whose archive and template are kept, 1 to 100 (2 by default: the current one"
                        + " and the one a rollback returns to)",
                none.getMessage());
        assertThrows(SpartaUserException.class, () -> ArtifactPruner.Policy.of(101, 60, false));
        SpartaUserException negative =
                assertThrows(SpartaUserException.class, () -> ArtifactPruner.Policy.of(2, -1, false));
        assertTrue(negative.getMessage().startsWith("<pruneMinAgeMinutes> (-Dsparta.pruneMinAgeMinutes) is -1;"));
        assertEquals(new ArtifactPruner.Policy(100, Duration.ZERO, true), ArtifactPruner.Policy.of(100, 0, true));
    }

    @Test
    void dependencyLayersArePrunedLikeArchivesAndWhatTheStackRunsIsKept() {
        String template = uploadTemplate("layered");
        String layer1 = put(SERVICE + "/layers/" + sha("deps 1") + ".zip", bytes("deps 1", 4_000));
        String archive1 = uploadArchive("layered 1", 100);
        deployWithLayer(stackA, archive1, template, layer1);
        String archive2 = uploadArchive("layered 2", 100);
        deployWithLayer(stackA, archive2, template, layer1);
        String layer2 = put(SERVICE + "/layers/" + sha("deps 2") + ".zip", bytes("deps 2", 4_000));
        String archive3 = uploadArchive("layered 3", 100);
        ArtifactPruner.Result third = deployWithLayer(stackA, archive3, template, layer2);
        assertEquals(1, third.deleted(), "archive 1; layer 1 is still the second-newest deployment's");
        String layer3 = put(SERVICE + "/layers/" + sha("deps 3") + ".zip", bytes("deps 3", 4_000));
        String archive4 = uploadArchive("layered 4", 100);
        ArtifactPruner.Result fourth = deployWithLayer(stackA, archive4, template, layer3);

        // The last two deployments name archives 3 and 4 and layers 2 and 3; the stack runs layer 3.
        assertEquals(Set.of(template, archive3, archive4, layer2, layer3), artifacts());
        assertEquals(2, fourth.deleted(), "archive 2 and layer 1");
        assertTrue(keys(bucket).contains(DeploymentHistory.key(SERVICE, stackA)), "the history itself is never pruned");
    }

    @Test
    void layerModulesArePrunedBesideTheDependencyLayerWhateverParameterPassesThem() {
        String template = uploadTemplate("modules");
        String deps = put(SERVICE + "/layers/" + sha("deps") + ".zip", bytes("deps", 4_000));
        String shared1 = put(SERVICE + "/layers/" + sha("shared 1") + ".zip", bytes("shared 1", 2_000));
        deployWithLayers(
                stackA,
                uploadArchive("modules 1", 100),
                template,
                Map.of("DependenciesLayerKey", deps, "LayerSharedKey", shared1));
        String shared2 = put(SERVICE + "/layers/" + sha("shared 2") + ".zip", bytes("shared 2", 2_000));
        deployWithLayers(
                stackA,
                uploadArchive("modules 2", 100),
                template,
                Map.of("DependenciesLayerKey", deps, "LayerSharedKey", shared2));
        String shared3 = put(SERVICE + "/layers/" + sha("shared 3") + ".zip", bytes("shared 3", 2_000));
        String archive3 = uploadArchive("modules 3", 100);
        ArtifactPruner.Result third = deployWithLayers(
                stackA, archive3, template, Map.of("DependenciesLayerKey", deps, "LayerSharedKey", shared3));

        assertTrue(
                artifacts().containsAll(Set.of(deps, shared2, shared3)),
                artifacts().toString());
        assertFalse(artifacts().contains(shared1), "the module layer no kept deployment names");
        assertEquals(2, third.deleted(), "archive 1 and the first module layer");
    }

    @Test
    void aHistoryWrittenBeforeLayerModulesKeepsItsOneLayerKey() throws Exception {
        s3.putObject(
                r -> r.bucket(bucket).key(DeploymentHistory.key(SERVICE, stackA)),
                software.amazon.awssdk.core.sync.RequestBody.fromString("{\"stackName\":\"" + stackA + "\","
                        + "\"deployments\":[{\"archiveKey\":\"a.jar\",\"templateKey\":\"t.json\","
                        + "\"time\":\"2026-01-01T00:00:00Z\",\"layerKey\":\"orders/layers/old.zip\"}]}"));
        DeploymentHistory history = new DeploymentHistory(s3, bucket);

        assertEquals(
                List.of("orders/layers/old.zip"),
                history.read(SERVICE, stackA).orElseThrow().get(0).layerKeys());

        history.record(
                SERVICE,
                stackA,
                new DeploymentHistory.Deployment(
                        "b.jar", "t.json", Instant.parse("2026-01-02T00:00:00Z"), List.of("x.zip", "y.zip")));
        assertEquals(
                List.of(List.of("x.zip", "y.zip"), List.of("orders/layers/old.zip")),
                history.read(SERVICE, stackA).orElseThrow().stream()
                        .map(DeploymentHistory.Deployment::layerKeys)
                        .toList());
    }

    /** Provision's last steps: the stack created or updated, then the deployment recorded and the bucket pruned. */
    private ArtifactPruner.Result deploy(String stack, String archiveKey, String templateKey) {
        return deploy(stack, archiveKey, templateKey, ArtifactPruner.Policy.defaults());
    }

    private ArtifactPruner.Result deploy(
            String stack, String archiveKey, String templateKey, ArtifactPruner.Policy policy) {
        Optional<Stack> existing = Stacks.find(cloudFormation, stack);
        if (existing.isEmpty()) {
            createStack(stack, archiveKey);
        } else if (existing.get().parameters().stream()
                .noneMatch(p -> p.parameterKey().equals("ArtifactKey")
                        && p.parameterValue().equals(archiveKey))) {
            updateStack(stack, archiveKey);
        } // else up to date: CloudFormation has nothing to change, and provision executes nothing

        console = new RecordingConsole();
        ArtifactPruner.Result result = pruner(later)
                .afterProvision(SERVICE, stack, archiveKey, templateKey, List.of(), List.of(), policy)
                .orElseThrow(() -> new AssertionError(console.lines().toString()));
        assertTrue(artifacts().containsAll(Set.of(archiveKey, templateKey)), "what was just deployed");
        return result;
    }

    /** A provision of a service with a dependency layer, whose key the stack takes as a parameter too. */
    private ArtifactPruner.Result deployWithLayer(
            String stack, String archiveKey, String templateKey, String layerKey) {
        return deployWithLayers(stack, archiveKey, templateKey, Map.of("DependenciesLayerKey", layerKey));
    }

    /** A provision of a service that publishes layers, each key a parameter of the stack. */
    private ArtifactPruner.Result deployWithLayers(
            String stack, String archiveKey, String templateKey, Map<String, String> layerKeys) {
        StringBuilder declared = new StringBuilder("\"ArtifactKey\":{\"Type\":\"String\"}");
        List<software.amazon.awssdk.services.cloudformation.model.Parameter> parameters =
                new java.util.ArrayList<>(parameters(archiveKey));
        new java.util.TreeMap<>(layerKeys).forEach((name, key) -> {
            declared.append(",\"").append(name).append("\":{\"Type\":\"String\"}");
            parameters.add(software.amazon.awssdk.services.cloudformation.model.Parameter.builder()
                    .parameterKey(name)
                    .parameterValue(key)
                    .build());
        });
        String body = STACK_TEMPLATE.replace("\"ArtifactKey\":{\"Type\":\"String\"}", declared.toString());
        if (Stacks.find(cloudFormation, stack).isEmpty()) {
            cloudFormation.createStack(
                    r -> r.stackName(stack).templateBody(body).parameters(parameters));
        } else {
            cloudFormation.updateStack(
                    r -> r.stackName(stack).templateBody(body).parameters(parameters));
        }
        console = new RecordingConsole();
        ArtifactPruner.Result result = pruner(later)
                .afterProvision(
                        SERVICE,
                        stack,
                        archiveKey,
                        templateKey,
                        List.copyOf(new java.util.TreeMap<>(layerKeys).values()),
                        List.of(),
                        new ArtifactPruner.Policy(2, Duration.ofMinutes(60), false))
                .orElseThrow(() -> new AssertionError(console.lines().toString()));
        assertTrue(artifacts().containsAll(layerKeys.values()), "the layers just deployed");
        assertTrue(artifacts().containsAll(Set.of(archiveKey, templateKey)), "what was just deployed");
        return result;
    }

    private ArtifactPruner pruner(Clock clock) {
        return new ArtifactPruner(s3, cloudFormation, bucket, console, clock);
    }

    private void createStack(String stack, String archiveKey) {
        cloudFormation.createStack(
                r -> r.stackName(stack).templateBody(STACK_TEMPLATE).parameters(parameters(archiveKey)));
    }

    private void updateStack(String stack, String archiveKey) {
        cloudFormation.updateStack(
                r -> r.stackName(stack).templateBody(STACK_TEMPLATE).parameters(parameters(archiveKey)));
    }

    private List<software.amazon.awssdk.services.cloudformation.model.Parameter> parameters(String archiveKey) {
        return List.of(
                software.amazon.awssdk.services.cloudformation.model.Parameter.builder()
                        .parameterKey("ArtifactBucket")
                        .parameterValue(bucket)
                        .build(),
                software.amazon.awssdk.services.cloudformation.model.Parameter.builder()
                        .parameterKey("ArtifactKey")
                        .parameterValue(archiveKey)
                        .build());
    }

    /** Uploads an archive under its content hash, as provision does; returns its key. */
    private String uploadArchive(String label, int size) {
        byte[] archive = archive(label, size);
        return put(SERVICE + "/" + Digests.sha256(archive) + ".jar", archive);
    }

    private String uploadTemplate(String label) {
        byte[] template = template(label);
        return put(SERVICE + "/templates/" + Digests.sha256(template) + ".json", template);
    }

    private byte[] upload(String folder, String suffix, byte[] content) {
        put(folder + Digests.sha256(content) + suffix, content);
        return content;
    }

    private String put(String key, byte[] content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
        return key;
    }

    /** Every object but the histories, by key. */
    private Set<String> artifacts() {
        return keys(bucket).stream()
                .filter(key -> !key.startsWith(DeploymentHistory.folder(SERVICE)))
                .collect(Collectors.toSet());
    }

    private Set<String> histories() {
        return keys(bucket).stream()
                .filter(key -> key.startsWith(DeploymentHistory.folder(SERVICE)))
                .collect(Collectors.toSet());
    }

    private static List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    /** An archive of {@code size} bytes whose content starts with {@code label}. */
    private static byte[] archive(String label, int size) {
        return bytes("PK" + label, size);
    }

    private static long archiveSize(String label, int size) {
        return archive(label, size).length;
    }

    private static byte[] template(String label) {
        return ("{\"Description\":\"" + label + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String label, int size) {
        byte[] content = new byte[Math.max(size, label.length())];
        byte[] text = label.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, content, 0, text.length);
        return content;
    }

    private static String sha(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
