package io.sparta.core.model;

import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.KeyType;
import io.sparta.annotations.KinesisStream;
import io.sparta.annotations.S3Bucket;
import io.sparta.annotations.SnsTopic;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.StreamView;
import io.sparta.annotations.processing.ResourceRules;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.api.OwnedResource;
import io.sparta.core.scan.ScannedClasses.DeclaredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the resources a module declares, each checked as the processor checks it. */
final class DeclaredResources {

    /** The longest region name AWS has, for the longest name a bucket could get. */
    private static final int REGION_MAX = 14;

    private static final int BUCKET_NAME_MAX = 63;

    private DeclaredResources() {}

    static List<OwnedResource> read(
            List<DeclaredResource> declarations, String stackName, ResourceTable<String> table, List<String> problems) {
        List<OwnedResource> resources = new ArrayList<>();
        for (DeclaredResource declaration : declarations) {
            OwnedResource resource = resource(declaration);
            String where =
                    declaration.className() + ": @" + declaration.type() + "(name = \"" + resource.name() + "\")";
            Stream.concat(checks(resource), Stream.of(bucketName(resource, stackName)))
                    .flatMap(Optional::stream)
                    .forEach(problem -> problems.add(where + ": " + problem));
            boolean hasStream = resource instanceof OwnedResource.Table t && t.stream() != StreamView.NONE;
            table.declare(resource.kind(), resource.name(), hasStream, where, declaration.className())
                    .ifPresent(problem -> problems.add(where + ": " + problem));
            resources.add(resource);
        }
        resources.sort((a, b) -> a.name().compareTo(b.name()));
        return resources;
    }

    private static OwnedResource resource(DeclaredResource declaration) {
        return switch (declaration.type()) {
            case "DynamoTable" -> {
                Attributes values = new Attributes(DynamoTable.class, declaration.values());
                yield new OwnedResource.Table(
                        values.string("name"),
                        values.string("partitionKey"),
                        values.enumeration("partitionKeyType", KeyType.class),
                        values.string("sortKey"),
                        values.enumeration("sortKeyType", KeyType.class),
                        values.enumeration("stream", StreamView.class),
                        values.bool("retainOnDelete"));
            }
            case "S3Bucket" -> {
                Attributes values = new Attributes(S3Bucket.class, declaration.values());
                yield new OwnedResource.Bucket(
                        values.string("name"), values.bool("versioned"), values.bool("retainOnDelete"));
            }
            case "SqsQueue" -> {
                Attributes values = new Attributes(SqsQueue.class, declaration.values());
                yield new OwnedResource.Queue(values.string("name"), values.integer("visibilityTimeout"));
            }
            case "SnsTopic" ->
                new OwnedResource.Topic(new Attributes(SnsTopic.class, declaration.values()).string("name"));
            case "KinesisStream" -> {
                Attributes values = new Attributes(KinesisStream.class, declaration.values());
                yield new OwnedResource.Stream(values.string("name"), values.integer("shards"));
            }
            default -> throw new IllegalStateException("No model for @" + declaration.type());
        };
    }

    private static Stream<Optional<String>> checks(OwnedResource resource) {
        Stream<Optional<String>> name = Stream.of(ResourceRules.name(resource.name()));
        if (resource instanceof OwnedResource.Table table) {
            return Stream.concat(
                    name,
                    Stream.of(
                            ResourceRules.keyAttribute("partitionKey", table.partitionKey()),
                            table.sortKey().isEmpty()
                                    ? Optional.empty()
                                    : ResourceRules.keyAttribute("sortKey", table.sortKey())));
        }
        if (resource instanceof OwnedResource.Queue queue) {
            return Stream.concat(name, Stream.of(ResourceRules.visibilityTimeout(queue.visibilityTimeout())));
        }
        if (resource instanceof OwnedResource.Stream stream) {
            return Stream.concat(name, Stream.of(ResourceRules.shards(stream.shards())));
        }
        return name;
    }

    private static Optional<String> bucketName(OwnedResource resource, String stackName) {
        if (!(resource instanceof OwnedResource.Bucket bucket)) {
            return Optional.empty();
        }
        int longest = bucket.physicalName(stackName)
                        .replace("${AWS::AccountId}", "123456789012")
                        .replace("${AWS::Region}", "")
                        .length()
                + REGION_MAX;
        return longest > BUCKET_NAME_MAX
                ? Optional.of("the bucket's name, <stack>-" + resource.name() + "-<account>-<region>, may reach "
                        + longest + " characters; S3 allows " + BUCKET_NAME_MAX
                        + ", so shorten the name or the stackName")
                : Optional.empty();
    }
}
