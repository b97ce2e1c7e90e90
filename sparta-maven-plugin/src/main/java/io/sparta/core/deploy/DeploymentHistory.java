package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.TemplateJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The successful deployments of one stack, newest first, kept in the artifact bucket beside what they name (
 * {@code <service>/deployments/<stackName>.json}), so that pruning knows what a stack deployed and can go back to.
 * CloudFormation itself does not remember the template URL a change set was made from, nor a stack's earlier
 * parameters.
 *
 * <p>The object holds {@code {"stackName": ..., "deployments": [{"archiveKey", "templateKey", "time"}, ...]}}
 * (and {@code "layerKeys"} for a service that publishes layers; a history written before layer modules has one
 * {@code "layerKey"}),
 * {@code time} in ISO-8601 UTC, at most {@link #MAX_ENTRIES} entries.
 */
public final class DeploymentHistory {

    /** The longest history kept; also the largest {@code keepDeployments} accepted, so no setting outruns it. */
    public static final int MAX_ENTRIES = 100;

    /**
     * One successful provision.
     *
     * @param archiveKey the S3 key of the archive the stack's functions run, such as {@code orders/<sha256>.jar}
     * @param templateKey the S3 key of the template the change set was made from
     * @param time when it was recorded, after the stack settled
     * @param layerKeys the S3 keys of the layers the service publishes (its dependency layer, its layer modules)
     * @param nestedTemplateKeys the S3 keys of a split service's nested templates and whole template, none for a
     *     service in one stack
     */
    public record Deployment(
            String archiveKey,
            String templateKey,
            Instant time,
            List<String> layerKeys,
            List<String> nestedTemplateKeys) {

        public Deployment {
            layerKeys = layerKeys == null ? List.of() : List.copyOf(layerKeys);
            nestedTemplateKeys = nestedTemplateKeys == null ? List.of() : List.copyOf(nestedTemplateKeys);
        }

        /** A deployment of a service in one stack. */
        public Deployment(String archiveKey, String templateKey, Instant time, List<String> layerKeys) {
            this(archiveKey, templateKey, time, layerKeys, List.of());
        }

        /** A deployment of a service without layers. */
        public Deployment(String archiveKey, String templateKey, Instant time) {
            this(archiveKey, templateKey, time, List.of());
        }

        boolean sameArtifacts(Deployment other) {
            return archiveKey.equals(other.archiveKey)
                    && templateKey.equals(other.templateKey)
                    && layerKeys.equals(other.layerKeys)
                    && nestedTemplateKeys.equals(other.nestedTemplateKeys);
        }
    }

    private final S3Client s3;
    private final String bucket;

    public DeploymentHistory(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** {@code <service>/deployments/}: the folder of every stack's history, which pruning never deletes from. */
    public static String folder(String serviceName) {
        return serviceName + "/deployments/";
    }

    /** {@code <service>/deployments/<stackName>.json} */
    public static String key(String serviceName, String stackName) {
        return folder(serviceName) + stackName + ".json";
    }

    /**
     * Puts {@code deployment} first in the stack's history, unless it names the same archive and template as the
     * newest entry: provisioning unchanged code again writes nothing, and does not push out the deployment a
     * rollback returns to.
     *
     * @return whether the history was written
     * @throws MalformedHistoryException when the stored history cannot be read; it is then left as it is
     */
    public boolean record(String serviceName, String stackName, Deployment deployment)
            throws MalformedHistoryException {
        List<Deployment> deployments =
                new ArrayList<>(read(serviceName, stackName).orElse(List.of()));
        if (!deployments.isEmpty() && deployments.get(0).sameArtifacts(deployment)) {
            return false;
        }
        deployments.add(0, deployment);
        if (deployments.size() > MAX_ENTRIES) {
            deployments = deployments.subList(0, MAX_ENTRIES);
        }
        ObjectNode json = TemplateJson.object().put("stackName", stackName);
        ArrayNode entries = json.putArray("deployments");
        for (Deployment entry : deployments) {
            ObjectNode written = entries.addObject()
                    .put("archiveKey", entry.archiveKey())
                    .put("templateKey", entry.templateKey())
                    .put("time", entry.time().toString());
            if (!entry.layerKeys().isEmpty()) {
                entry.layerKeys().forEach(written.putArray("layerKeys")::add);
            }
            if (!entry.nestedTemplateKeys().isEmpty()) {
                entry.nestedTemplateKeys().forEach(written.putArray("nestedTemplateKeys")::add);
            }
        }
        s3.putObject(
                r -> r.bucket(bucket).key(key(serviceName, stackName)).contentType("application/json"),
                RequestBody.fromBytes(TemplateJson.bytes(json)));
        return true;
    }

    /**
     * @return the stack's deployments, newest first, or empty when it has no history
     * @throws MalformedHistoryException when the object is there but is not a history this class wrote
     */
    public Optional<List<Deployment>> read(String serviceName, String stackName) throws MalformedHistoryException {
        String key = key(serviceName, stackName);
        byte[] bytes;
        try {
            bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(parse(key, bytes));
    }

    /** Deletes the stack's history; a missing one is not an error. */
    public void forget(String serviceName, String stackName) {
        s3.deleteObject(r -> r.bucket(bucket).key(key(serviceName, stackName)));
    }

    static List<Deployment> parse(String key, byte[] bytes) throws MalformedHistoryException {
        try {
            JsonNode json = TemplateJson.read(bytes);
            JsonNode entries = json == null ? null : json.get("deployments");
            if (entries == null || !entries.isArray()) {
                throw new MalformedHistoryException(key, "no \"deployments\" array");
            }
            List<Deployment> deployments = new ArrayList<>();
            for (JsonNode entry : entries) {
                String archiveKey = entry.path("archiveKey").asText("");
                String templateKey = entry.path("templateKey").asText("");
                if (archiveKey.isEmpty() || templateKey.isEmpty()) {
                    throw new MalformedHistoryException(key, "an entry without archiveKey or templateKey");
                }
                deployments.add(new Deployment(
                        archiveKey,
                        templateKey,
                        Instant.parse(entry.path("time").asText()),
                        layerKeys(entry),
                        texts(entry.path("nestedTemplateKeys"))));
            }
            return List.copyOf(deployments);
        } catch (IOException | DateTimeParseException e) {
            throw new MalformedHistoryException(key, e.getMessage());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    /** An entry's layer keys: {@code "layerKeys"}, or the one {@code "layerKey"} of an older history. */
    private static List<String> layerKeys(JsonNode entry) {
        List<String> keys = new ArrayList<>();
        entry.path("layerKeys").forEach(key -> keys.add(key.asText()));
        if (entry.path("layerKey").isTextual()
                && !entry.path("layerKey").asText().isEmpty()) {
            keys.add(entry.path("layerKey").asText());
        }
        return keys;
    }

    /** A history object that cannot be read: pruning then keeps everything rather than guess. */
    public static final class MalformedHistoryException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedHistoryException(String key, String problem) {
            super("The deployment history " + key + " cannot be read (" + problem + ")");
        }
    }
}
