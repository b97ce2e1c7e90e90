package io.sparta.core.model;

import io.sparta.annotations.Authorizer;
import io.sparta.annotations.processing.AnnotationKinds;
import io.sparta.annotations.processing.AttributeValues;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.annotations.processing.RouteTable;
import io.sparta.annotations.processing.ServiceTable;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.OwnedResource;
import io.sparta.core.scan.ScannedClasses.DeclaredResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Reads the resources and API authorizers a module declares, each checked as the processor checks it. */
final class DeclaredResources {

    private static final int ACCOUNT_ID_LENGTH = 12;

    private static final int BUCKET_NAME_MAX = 63;

    private DeclaredResources() {}

    static List<OwnedResource> read(
            List<DeclaredResource> declarations,
            String stackName,
            ResourceTable<String> table,
            RouteTable routes,
            ServiceTable<String> service,
            List<ApiAuthorizer> authorizers,
            List<String> problems) {
        List<OwnedResource> resources = new ArrayList<>();
        for (DeclaredResource declaration : declarations) {
            AnnotationKinds.Kind kind =
                    AnnotationKinds.named(declaration.type()).orElseThrow();
            AttributeValues values = AttributeValues.scanned(kind.annotation(), declaration.values());
            // Every declaration has a name; an authorizer is part of the APIs rather than a resource of its own.
            boolean authorizer = kind.annotation() == Authorizer.class;
            String name = values.string("name");
            String where = declaration.className() + ": " + kind.label() + "(name = \"" + name + "\")";
            kind.check()
                    .check(
                            values,
                            new KindUse(
                                    declaration.className(),
                                    where + ": ",
                                    problems,
                                    table,
                                    routes,
                                    service,
                                    new HashSet<>()));
            if (authorizer) {
                authorizers.add(ModelReaders.authorizer(values));
                continue;
            }
            OwnedResource resource =
                    ModelReaders.reader(ModelReaders.RESOURCES, kind).apply(values);
            bucketName(resource, stackName).ifPresent(problem -> problems.add(where + ": " + problem));
            resources.add(resource);
        }
        resources.sort((a, b) -> a.name().compareTo(b.name()));
        authorizers.sort((a, b) -> a.name().compareTo(b.name()));
        return resources;
    }

    private static Optional<String> bucketName(OwnedResource resource, String stackName) {
        if (!(resource instanceof OwnedResource.Bucket bucket)) {
            return Optional.empty();
        }
        int length = bucket.physicalName(stackName)
                .replace("${AWS::AccountId}", "0".repeat(ACCOUNT_ID_LENGTH))
                .replace(
                        "${" + OwnedResource.Bucket.STACK_SUFFIX + "}",
                        "0".repeat(OwnedResource.Bucket.STACK_SUFFIX_LENGTH))
                .length();
        return length > BUCKET_NAME_MAX
                ? Optional.of("the bucket's name, <stack>-" + resource.name() + "-<account>-<stack id>, is " + length
                        + " characters long; S3 allows " + BUCKET_NAME_MAX + ", so shorten the name (at most "
                        + Math.max(0, resource.name().length() - (length - BUCKET_NAME_MAX))
                        + " characters here) or the stackName")
                : Optional.empty();
    }
}
