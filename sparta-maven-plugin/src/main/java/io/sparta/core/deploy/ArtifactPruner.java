package io.sparta.core.deploy;

import io.sparta.core.archive.DeliveryPackage;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.template.NestedStacks;
import io.sparta.core.template.ServiceTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes the archives and templates {@code provision} uploaded under a service's prefix ({@code <service>/}) that
 * no stack needs any more.
 *
 * <p>Kept, always: what any stack in the region deploys now (its {@code ArtifactKey} parameter names an object in
 * this bucket), the archive and template of the newest {@code keepDeployments} entries of every stack's
 * {@link DeploymentHistory} (the current deployment and those a rollback returns to), every object younger than
 * {@code minAge} (it may belong to a provision still on its way to its change set), and every object under the
 * prefix that is not a content-addressed archive ({@code <service>/<sha256>.jar}) or template
 * ({@code <service>/templates/<sha256>.json}): histories, pipeline templates, a published package.
 *
 * <p>Nothing is pruned, and the reason is said, when a deployed stack of the service has no history (deployed
 * before Sparta recorded one, or by other tooling: what it can roll back to is unknown), when a history cannot be
 * read, or when the bucket also holds the service's published pipeline package (a queued pipeline execution may
 * name any archive). Stacks in other regions or accounts are not seen; an artifact bucket is regional and its
 * objects are this account's.
 */
public final class ArtifactPruner {

    /** The current deployment and the one a rollback returns to. */
    public static final int DEFAULT_KEEP_DEPLOYMENTS = 2;

    /** Longer than the upload-to-change-set stretch of any provision, short enough to free space the same day. */
    public static final long DEFAULT_MIN_AGE_MINUTES = 60;

    /** DeleteObjects takes at most this many keys per call. */
    static final int DELETE_BATCH = 1000;

    private static final String HEX_SHA256 = "[0-9a-f]{64}";

    /**
     * What pruning keeps.
     *
     * @param keepDeployments how many of each stack's newest successful deployments keep their archive and template,
     *     1 to {@link DeploymentHistory#MAX_ENTRIES}
     * @param minAge objects younger than this are kept even when nothing references them; zero keeps none for age
     * @param dryRun report what would be deleted and delete nothing
     */
    public record Policy(int keepDeployments, Duration minAge, boolean dryRun) {

        /** Two deployments, an hour's grace, deleting for real. */
        public static Policy defaults() {
            return new Policy(DEFAULT_KEEP_DEPLOYMENTS, Duration.ofMinutes(DEFAULT_MIN_AGE_MINUTES), false);
        }

        /**
         * The policy as configured, checked.
         *
         * @throws SpartaUserException naming {@code <keepDeployments>} or {@code <pruneMinAgeMinutes>}, the value
         *     given and the accepted range
         */
        public static Policy of(int keepDeployments, long minAgeMinutes, boolean dryRun) throws SpartaUserException {
            if (keepDeployments < 1 || keepDeployments > DeploymentHistory.MAX_ENTRIES) {
                throw new SpartaUserException("<keepDeployments> (-Dsparta.keepDeployments) is " + keepDeployments
                        + "; it counts each stack's newest successful deployments whose archive and template are"
                        + " kept, 1 to " + DeploymentHistory.MAX_ENTRIES + " (" + DEFAULT_KEEP_DEPLOYMENTS
                        + " by default: the current one and the one a rollback returns to)");
            }
            if (minAgeMinutes < 0) {
                throw new SpartaUserException("<pruneMinAgeMinutes> (-Dsparta.pruneMinAgeMinutes) is " + minAgeMinutes
                        + "; objects uploaded less than this many minutes ago are never pruned: 0 or more ("
                        + DEFAULT_MIN_AGE_MINUTES + " by default)");
            }
            return new Policy(keepDeployments, Duration.ofMinutes(minAgeMinutes), dryRun);
        }
    }

    /**
     * What one pruning did.
     *
     * @param deleted objects deleted (with a dry run: that would be deleted)
     * @param bytesFreed their total size in bytes
     * @param kept objects under the prefix left in place, histories included
     * @param skipped why nothing was pruned, when something made it unsafe
     */
    public record Result(int deleted, long bytesFreed, int kept, Optional<String> skipped) {}

    private final S3Client s3;
    private final CloudFormationClient cloudFormation;
    private final String bucket;
    private final Console console;
    private final Clock clock;

    public ArtifactPruner(S3Client s3, CloudFormationClient cloudFormation, String bucket, Console console) {
        this(s3, cloudFormation, bucket, console, Clock.systemUTC());
    }

    ArtifactPruner(S3Client s3, CloudFormationClient cloudFormation, String bucket, Console console, Clock clock) {
        this.s3 = s3;
        this.cloudFormation = cloudFormation;
        this.bucket = bucket;
        this.console = console;
        this.clock = clock;
    }

    /**
     * The artifact bucket as it is now, never creating one: the configured bucket (checked to be reachable), else
     * the managed bucket if its stack exists.
     *
     * @return empty when no {@code <s3Bucket>} is configured and Sparta's bucket stack does not exist
     */
    public static Optional<String> existingBucket(AwsSession aws, Optional<String> configured, Console console)
            throws SpartaUserException {
        if (configured.isPresent()) {
            new ArtifactStore(aws.s3(), aws.region(), configured.get(), console).verifyReachable();
            return configured;
        }
        return new ManagedArtifactBucket(aws.cloudFormation(), aws.s3(), console).existing();
    }

    /**
     * Records a successful provision in the stack's history, then prunes. A failure here never fails the
     * provision, which has succeeded: it is reported as a warning, and what it left is pruned next time.
     *
     * @param layerKeys the S3 keys of the layers the stack publishes, empty for none
     * @param nestedTemplateKeys the S3 keys of a split service's nested templates and whole template, empty for none
     * @return what pruning did, or empty when it failed (and warned)
     */
    public Optional<Result> afterProvision(
            String serviceName,
            String stackName,
            String archiveKey,
            String templateKey,
            List<String> layerKeys,
            List<String> nestedTemplateKeys,
            Policy policy) {
        try {
            new DeploymentHistory(s3, bucket)
                    .record(
                            serviceName,
                            stackName,
                            new DeploymentHistory.Deployment(
                                    archiveKey, templateKey, clock.instant(), layerKeys, nestedTemplateKeys));
            return Optional.of(prune(serviceName, policy));
        } catch (DeploymentHistory.MalformedHistoryException e) {
            console.warn(e.getMessage() + "; it is left as it is and nothing is pruned. Delete it to start the"
                    + " history anew from the next provision");
        } catch (SdkException e) {
            console.warn("The stack is deployed, but its artifacts were not pruned: " + AwsFailures.summary(e)
                    + ". mvn sparta:prune tries again");
        }
        return Optional.empty();
    }

    /**
     * Deletes the stack's history, then prunes: what no other stack of the service needs goes, and when no stack
     * of the service is left, every archive and template provision uploaded for it.
     */
    public Result forgetAndPrune(String serviceName, String stackName, Policy policy) {
        if (policy.dryRun()) {
            console.info("Dry run: would delete the deployment history s3://" + bucket + "/"
                    + DeploymentHistory.key(serviceName, stackName));
        } else {
            new DeploymentHistory(s3, bucket).forget(serviceName, stackName);
            console.info("Deleted the deployment history of " + stackName);
        }
        return prune(serviceName, policy, policy.dryRun() ? Set.of(stackName) : Set.of());
    }

    /** Prunes the service's prefix once, as the class describes. */
    public Result prune(String serviceName, Policy policy) {
        return prune(serviceName, policy, Set.of());
    }

    private Result prune(String serviceName, Policy policy, Set<String> forgotten) {
        String prefix = serviceName + "/";
        String where = "s3://" + bucket + "/" + prefix;
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents()
                .forEach(objects::add);

        Map<String, List<DeploymentHistory.Deployment>> histories = new TreeMap<>();
        DeploymentHistory reader = new DeploymentHistory(s3, bucket);
        String historyFolder = DeploymentHistory.folder(serviceName);
        for (S3Object object : objects) {
            String key = object.key();
            if (key.startsWith(historyFolder) && key.endsWith(".json")) {
                String stack = key.substring(historyFolder.length(), key.length() - ".json".length());
                if (forgotten.contains(stack)) {
                    continue;
                }
                try {
                    reader.read(serviceName, stack).ifPresent(history -> histories.put(stack, history));
                } catch (DeploymentHistory.MalformedHistoryException e) {
                    return skipped(
                            where,
                            objects,
                            e.getMessage() + ", so what its stack can roll back to is unknown;"
                                    + " delete it to start the history anew from the next provision");
                }
            }
        }

        if (objects.stream().anyMatch(o -> o.key().equals(DeliveryPackage.publishedKey(serviceName)))) {
            return skipped(
                    where,
                    objects,
                    "the bucket also holds the pipeline's published package "
                            + DeliveryPackage.publishedKey(serviceName)
                            + ", and a queued pipeline execution may name any archive here");
        }

        Set<String> deployedLayers = new TreeSet<>();
        Map<String, String> deployedArchives = deployedArchives(prefix, deployedLayers);
        Set<String> withoutHistory = new TreeSet<>(deployedArchives.keySet());
        withoutHistory.removeAll(histories.keySet());
        if (!withoutHistory.isEmpty()) {
            return skipped(
                    where,
                    objects,
                    "stack(s) " + withoutHistory + " deploy from it without a deployment history (deployed before"
                            + " Sparta recorded one, or by other tooling), so what they can roll back to is unknown;"
                            + " provision each once with this version of Sparta to start its history");
        }

        Set<String> referenced = new HashSet<>(deployedArchives.values());
        histories
                .values()
                .forEach(history -> history.stream()
                        .limit(policy.keepDeployments())
                        .forEach(deployment -> {
                            referenced.add(deployment.archiveKey());
                            referenced.add(deployment.templateKey());
                            referenced.addAll(deployment.layerKeys());
                            referenced.addAll(deployment.nestedTemplateKeys());
                        }));
        referenced.addAll(deployedLayers);
        Set<String> vanished = new TreeSet<>(histories.keySet());
        vanished.removeAll(deployedArchives.keySet());

        Pattern provisioned = Pattern.compile(Pattern.quote(prefix) + "(" + HEX_SHA256 + "\\.jar|templates/(nested/)?"
                + HEX_SHA256 + "\\.json|layers/" + HEX_SHA256 + "\\.zip)");
        Instant youngest = clock.instant().minus(policy.minAge());
        Map<String, Long> doomed = new LinkedHashMap<>();
        int young = 0;
        for (S3Object object : objects) {
            if (!provisioned.matcher(object.key()).matches() || referenced.contains(object.key())) {
                continue;
            }
            if (object.lastModified().isAfter(youngest)) {
                young++;
            } else {
                doomed.put(object.key(), object.size());
            }
        }

        long bytes = 0;
        int deleted = 0;
        if (policy.dryRun()) {
            for (Map.Entry<String, Long> object : doomed.entrySet()) {
                console.info("Dry run: would delete s3://" + bucket + "/" + object.getKey() + " (" + object.getValue()
                        + " bytes)");
                bytes += object.getValue();
            }
            deleted = doomed.size();
        } else {
            Map<String, Long> gone = delete(doomed);
            for (long size : gone.values()) {
                bytes += size;
            }
            deleted = gone.size();
        }
        int kept = objects.size() - deleted;
        console.info((policy.dryRun() ? "Dry run: would prune " : "Pruned ") + deleted + " object(s), " + bytes
                + " bytes, from " + where + "; kept " + kept + ": "
                + (histories.isEmpty()
                        ? "no stack of the service has a deployment history"
                        : "what the stacks " + histories.keySet() + " run and their last " + policy.keepDeployments()
                                + " deployment(s) name")
                + (young > 0
                        ? ", " + young + " uploaded less than "
                                + policy.minAge().toMinutes() + " minutes ago"
                        : "")
                + ", the histories and what provision does not upload");
        if (!vanished.isEmpty()) {
            console.info(
                    "Stack(s) " + vanished + " no longer deploy from this bucket, and their histories keep their last"
                            + " deployments;"
                            + " mvn sparta:delete -Dsparta.deleteArtifacts=true with -Dsparta.environment=NAME (an"
                            + " environment's stack) or -Dsparta.stackName=NAME (any other) lets them go");
        }
        return new Result(deleted, bytes, kept, Optional.empty());
    }

    /**
     * Stacks in this region whose {@code ArtifactKey} parameter names an object under {@code prefix} in this bucket,
     * whatever their status short of deleted: an update in progress shows its new key, its rollback the old one
     * (which the history holds too).
     *
     * @param layers filled with the layer keys under {@code prefix} those stacks' parameters name
     * @return archive key by stack name
     */
    private Map<String, String> deployedArchives(String prefix, Set<String> layers) {
        Map<String, String> archives = new TreeMap<>();
        for (Stack stack : cloudFormation.describeStacksPaginator().stacks()) {
            if (stack.stackStatus() == StackStatus.DELETE_COMPLETE) {
                continue;
            }
            Map<String, String> parameters = new TreeMap<>();
            for (Parameter parameter : stack.parameters()) {
                parameters.put(parameter.parameterKey(), parameter.parameterValue());
            }
            if (stack.parentId() != null || parameters.containsKey(NestedStacks.STACK_NAME_PARAMETER)) {
                // A nested stack of a split service deploys its parent's archive and has no history of its own.
                continue;
            }
            String key = parameters.getOrDefault(ServiceTemplate.ARTIFACT_KEY, "");
            if (bucket.equals(parameters.get(ServiceTemplate.ARTIFACT_BUCKET)) && key.startsWith(prefix)) {
                archives.put(stack.stackName(), key);
                // Whatever parameter passes it: the dependency layer's and each layer module's.
                parameters.values().stream()
                        .filter(value -> value.startsWith(prefix + "layers/"))
                        .forEach(layers::add);
            }
        }
        return archives;
    }

    /** @return the objects S3 confirmed deleted, with their sizes */
    private Map<String, Long> delete(Map<String, Long> doomed) {
        Map<String, Long> gone = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(doomed.keySet());
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            DeleteObjectsResponse response = s3.deleteObjects(
                    r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            Set<String> failed = new HashSet<>();
            for (S3Error error : response.errors()) {
                failed.add(error.key());
                console.warn("Could not delete s3://" + bucket + "/" + error.key() + ": " + error.code() + " "
                        + error.message());
            }
            for (ObjectIdentifier object : batch) {
                if (!failed.contains(object.key())) {
                    gone.put(object.key(), doomed.get(object.key()));
                    console.info("Deleted    s3://" + bucket + "/" + object.key() + " (" + doomed.get(object.key())
                            + " bytes)");
                }
            }
        }
        return gone;
    }

    private Result skipped(String where, List<S3Object> objects, String reason) {
        console.warn("Nothing pruned under " + where + ": " + reason);
        return new Result(0, 0, objects.size(), Optional.of(reason));
    }
}
