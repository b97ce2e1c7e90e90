package io.sparta.core.plan;

import java.util.List;
import java.util.Set;

/**
 * One resource's change as CloudFormation computed it in a change set, with what it means for the data the
 * resource holds.
 *
 * @param action CloudFormation's action: {@code Add}, {@code Modify}, {@code Remove}, {@code Import} or
 *     {@code Dynamic}
 * @param physicalId the resource's name or id in AWS; empty for {@code Add}
 * @param replacement {@code True}, {@code False} or {@code Conditional} for {@code Modify}; empty otherwise
 * @param replacingProperties the properties whose change makes CloudFormation recreate the resource (always or
 *     conditionally), sorted
 * @param changedProperties every property the change touches, sorted
 * @param retained whether the template keeps the resource in AWS when this change drops it: DeletionPolicy
 *     {@code Retain} or {@code Snapshot} for a removal, UpdateReplacePolicy for a replacement
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html">
 *     ResourceChange</a>
 */
public record PlannedChange(
        String action,
        String logicalId,
        String physicalId,
        String resourceType,
        String replacement,
        List<String> replacingProperties,
        List<String> changedProperties,
        boolean retained) {

    /** Types whose resources hold data that is gone when CloudFormation deletes them. */
    static final Set<String> STATEFUL_TYPES = Set.of(
            "AWS::DynamoDB::Table",
            "AWS::DynamoDB::GlobalTable",
            "AWS::S3::Bucket",
            "AWS::SQS::Queue",
            "AWS::Kinesis::Stream",
            "AWS::RDS::DBInstance",
            "AWS::RDS::DBCluster",
            "AWS::EFS::FileSystem",
            "AWS::Cognito::UserPool");

    public PlannedChange {
        replacingProperties = List.copyOf(replacingProperties);
        changedProperties = List.copyOf(changedProperties);
    }

    public boolean stateful() {
        return STATEFUL_TYPES.contains(resourceType);
    }

    /** Whether CloudFormation will create a new resource in this one's place (possibly, for Conditional). */
    public boolean replaces() {
        return "True".equals(replacement) || "Conditional".equals(replacement);
    }

    /** A stateful resource deleted, or replaced by an empty one, and not kept by the template's policies. */
    public boolean losesData() {
        return stateful() && !retained && ("Remove".equals(action) || replaces());
    }
}
