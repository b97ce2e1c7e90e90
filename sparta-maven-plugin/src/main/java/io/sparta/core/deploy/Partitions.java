package io.sparta.core.deploy;

import software.amazon.awssdk.regions.GeneratedPartitionMetadataProvider;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.PartitionMetadataProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS partition of a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-eusc}, …): its id, the
 * value of {@code AWS::Partition}, and its DNS suffix, the value of {@code AWS::URLSuffix}. A region is matched by
 * each partition's region pattern (as the AWS SDK's endpoint rules match it), so a region newer than the SDK's
 * metadata still gets its partition; a partition's global pseudo-region ({@code aws-cn-global}) is in that partition;
 * any other region no pattern matches is in {@code aws}. See
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
final class Partitions {

    // Asked of the SDK's partition provider itself: Region.metadata() and PartitionMetadata.of(...) go through the
    // SDK's MetadataLoader, whose first use also makes the metadata of every AWS service (some 300 classes, about
    // 0.2 s of CPU in a cold JVM), which no goal reads.
    private static final PartitionMetadataProvider PROVIDER = new GeneratedPartitionMetadataProvider();

    private static final String GLOBAL = "-global";

    private Partitions() {}

    /** The partition {@code region} is in; never null. */
    static PartitionMetadata of(Region region) {
        if (region.isGlobalRegion() && region.id().endsWith(GLOBAL)) {
            PartitionMetadata named = PROVIDER.partitionMetadata(
                    region.id().substring(0, region.id().length() - GLOBAL.length()));
            if (named != null) {
                return named;
            }
        }
        return PROVIDER.partitionMetadata(region);
    }
}
