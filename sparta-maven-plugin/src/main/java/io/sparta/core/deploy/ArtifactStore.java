package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The bucket that holds archives and templates under content-hash keys, so an upload happens once. */
public final class ArtifactStore {

    /** User metadata holding an object's SHA-256, for {@link #putIfChanged}. */
    static final String SHA256_METADATA = "sparta-sha256";

    /** What to do when S3 answers that the bucket is gone: the name of the one to use instead. */
    @FunctionalInterface
    interface MissingBucket {
        String replace(String gone) throws SpartaUserException;
    }

    private final S3Client s3;
    private final Region region;
    private final Console console;
    private final MissingBucket missing;
    /** Changes only when {@link #missing} replaces a bucket deleted by hand. */
    private String bucket;

    public ArtifactStore(S3Client s3, Region region, String bucket, Console console) {
        this(s3, region, bucket, console, null);
    }

    /** @param missing null for a bucket that was checked to exist and is not replaced */
    ArtifactStore(S3Client s3, Region region, String bucket, Console console, MissingBucket missing) {
        this.s3 = s3;
        this.region = region;
        this.bucket = bucket;
        this.console = console;
        this.missing = missing;
    }

    /**
     * The configured bucket, checked to be reachable, or else the bucket Sparta manages in its own stack (made on
     * first use).
     */
    public static ArtifactStore open(AwsSession aws, java.util.Optional<String> configured, Console console)
            throws SpartaUserException {
        if (configured.isPresent()) {
            ArtifactStore store = new ArtifactStore(aws.s3(), aws.region(), configured.get(), console);
            store.verifyReachable();
            return store;
        }
        return managed(aws.cloudFormation(), aws.s3(), aws.region(), console);
    }

    /**
     * The bucket Sparta manages, named by its stack without asking S3 whether it exists: the first upload that finds
     * it gone has the stack made again and goes to the new bucket (see {@link ManagedArtifactBucket#replaceMissing}).
     */
    static ArtifactStore managed(CloudFormationClient cloudFormation, S3Client s3, Region region, Console console)
            throws SpartaUserException {
        ManagedArtifactBucket managed = new ManagedArtifactBucket(cloudFormation, s3, console);
        return new ArtifactStore(s3, region, managed.locate(), console, managed::replaceMissing);
    }

    public String bucket() {
        return bucket;
    }

    /** Fails with a clear message when a configured bucket is missing or not ours to use. */
    public void verifyReachable() throws SpartaUserException {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new SpartaUserException("<s3Bucket> " + bucket + " does not exist in " + region
                    + "; create it, or remove <s3Bucket> to let Sparta manage one");
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new SpartaUserException("<s3Bucket> " + bucket + " exists but these credentials may not use it"
                        + " (403); grant s3:GetObject, s3:PutObject and s3:ListBucket on it");
            }
            if (e.statusCode() == 404) {
                throw new SpartaUserException("<s3Bucket> " + bucket + " does not exist in " + region
                        + "; create it, or remove <s3Bucket> to let Sparta manage one");
            }
            throw e;
        }
    }

    /**
     * Uploads {@code file} as {@code key} unless that key already holds it; returns whether it uploaded.
     *
     * @throws SpartaUserException when the managed bucket is gone and cannot be made again
     */
    public boolean putIfAbsent(String key, Path file, String contentType)
            throws java.io.IOException, SpartaUserException {
        if (exists(key)) {
            console.info("Unchanged  s3://" + bucket + "/" + key + " (already uploaded)");
            return false;
        }
        put(key, contentType, Map.of(), RequestBody.fromFile(file));
        console.info("Uploaded   s3://" + bucket + "/" + key + " (" + Files.size(file) + " bytes)");
        return true;
    }

    /**
     * One PutObject. A HEAD answers 404 alike for a missing key and a missing bucket, so a gone bucket is learnt
     * here, from PutObject's NoSuchBucket, and a managed one replaced before the upload is made again.
     */
    private void put(String key, String contentType, Map<String, String> metadata, RequestBody body)
            throws SpartaUserException {
        try {
            putObject(key, contentType, metadata, body);
        } catch (NoSuchBucketException gone) {
            replace(gone);
            putObject(key, contentType, metadata, body);
        }
    }

    private void putObject(String key, String contentType, Map<String, String> metadata, RequestBody body) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata), body);
    }

    /** Moves to the managed bucket's replacement, or rethrows for a bucket that is not replaced. */
    private void replace(NoSuchBucketException gone) throws SpartaUserException {
        if (missing == null) {
            throw gone;
        }
        bucket = missing.replace(bucket);
    }

    /**
     * Uploads each file as its key unless that key already holds it, learning which keys exist from one listing of
     * {@code prefix} (ListObjectsV2, a call per 1,000 keys) rather than a HeadObject per key: for many
     * content-addressed objects under one prefix, such as a split service's nested templates.
     *
     * @param files each key, which must start with {@code prefix}, and the file to upload there
     * @return the keys uploaded
     */
    public List<String> putAllIfAbsent(String prefix, Map<String, Path> files, String contentType)
            throws java.io.IOException, SpartaUserException {
        Set<String> present = new HashSet<>();
        try {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                    .contents()
                    .forEach(o -> present.add(o.key()));
        } catch (NoSuchBucketException gone) {
            // A new bucket holds none of them.
            replace(gone);
        }
        List<String> uploaded = new ArrayList<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            if (present.contains(file.getKey())) {
                continue;
            }
            put(file.getKey(), contentType, Map.of(), RequestBody.fromFile(file.getValue()));
            console.info(
                    "Uploaded   s3://" + bucket + "/" + file.getKey() + " (" + Files.size(file.getValue()) + " bytes)");
            uploaded.add(file.getKey());
        }
        if (uploaded.size() < files.size()) {
            console.info("Unchanged  " + (files.size() - uploaded.size()) + " of " + files.size()
                    + " objects under s3://" + bucket + "/" + prefix + " (already uploaded)");
        }
        return uploaded;
    }

    /**
     * Uploads {@code content} as {@code key} unless the object there already has the same SHA-256 (recorded in its
     * metadata): a fixed key, such as a published package, is rewritten only when its bytes change.
     *
     * @return whether it uploaded
     */
    public boolean putIfChanged(String key, byte[] content, String contentType) throws SpartaUserException {
        String sha256 = io.sparta.core.common.Digests.sha256(content);
        try {
            String current =
                    s3.headObject(r -> r.bucket(bucket).key(key)).metadata().get(SHA256_METADATA);
            if (sha256.equals(current)) {
                console.info("Unchanged  s3://" + bucket + "/" + key + " (same content)");
                return false;
            }
        } catch (NoSuchKeyException e) {
            // First publication.
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        put(key, contentType, Map.of(SHA256_METADATA, sha256), RequestBody.fromBytes(content));
        console.info("Uploaded   s3://" + bucket + "/" + key + " (" + content.length + " bytes)");
        return true;
    }

    /** The address CloudFormation reads a template from, in the virtual-hosted form AWS documents. */
    public String httpsUrl(String key) {
        return "https://" + bucket + ".s3." + region.id() + "."
                + Partitions.of(region).dnsSuffix() + "/" + key;
    }

    /**
     * Whether a bucket of that name exists: ours (HeadBucket 200) or another account's (403). Names are global, so
     * both mean it is taken.
     */
    static boolean bucketInUse(S3Client s3, String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                return true;
            }
            throw e;
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
