package io.sparta.core.deploy;

import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Whether one existing resource is there, one call each (a topic named with {@code ${AWS::AccountId}} takes a
 * listing of the account's topics, as SNS finds a topic only by its full ARN). Each kind's look-up is its own
 * class, so only the SDK modules of the kinds a service references are loaded.
 */
final class ResourceLookups {

    /** {@code ${AWS::AccountId}} as {@link ExistingResources} leaves it: the caller's account. */
    static final String CALLERS_ACCOUNT = "${AWS::AccountId}";

    private final AwsSession aws;
    private final Region region;

    ResourceLookups(AwsSession aws, Region region) {
        this.aws = aws;
        this.region = region;
    }

    /** @return why it is not there; empty when it is */
    Optional<String> absent(ExistingResources.Reference reference) {
        String name = reference.name();
        return switch (reference.kind()) {
            case ROLE -> Roles.absent(aws, name.substring(name.lastIndexOf('/') + 1));
            case BUCKET ->
                Buckets.absent(aws, name.startsWith("arn:") ? name.substring(name.lastIndexOf(':') + 1) : name, region);
            case LOG_GROUP -> LogGroups.absent(aws, name);
            case LAYER -> Layers.absent(aws, Arn.parse(name, region));
            case QUEUE -> Queues.absent(aws, Arn.parse(name, region));
            case TOPIC -> Topics.absent(aws, Arn.parse(name, region));
            case STREAM -> Streams.absent(aws, Arn.parse(name, region));
            case TABLE_STREAM -> TableStreams.absent(aws, Arn.parse(name, region));
        };
    }

    /**
     * An ARN's parts.
     *
     * @param region the ARN's, or the session's when it names none
     */
    record Arn(String text, String partition, String service, Region region, String account, String resource) {

        static Arn parse(String text, Region fallback) {
            // The caller's account, written as the pseudo parameter, holds colons of its own.
            String[] parts = text.replace(CALLERS_ACCOUNT, "").split(":", 6);
            if (parts.length < 6 || !parts[0].equals("arn")) {
                throw new IllegalArgumentException("not an ARN");
            }
            return new Arn(
                    text,
                    parts[1],
                    parts[2],
                    parts[3].isEmpty() ? fallback : Region.of(parts[3]),
                    parts[4].isEmpty() && text.contains(CALLERS_ACCOUNT) ? CALLERS_ACCOUNT : parts[4],
                    parts[5]);
        }

        /** Whether the ARN names its account, rather than leaving it to the caller's. */
        boolean namesAccount() {
            return !account.isEmpty() && !account.equals(CALLERS_ACCOUNT);
        }

        /** The resource part without its type prefix: {@code orders} of {@code stream/orders}. */
        String resourceName(String prefix) {
            return resource.startsWith(prefix) ? resource.substring(prefix.length()) : resource;
        }
    }

    private static final class Roles {
        static Optional<String> absent(AwsSession aws, String name) {
            try {
                aws.iam().getRole(r -> r.roleName(name));
                return Optional.empty();
            } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
                return Optional.of("no role " + name + " in this account");
            }
        }
    }

    private static final class Buckets {
        static Optional<String> absent(AwsSession aws, String bucket, Region region) {
            try {
                aws.s3().headBucket(r -> r.bucket(bucket));
                return Optional.empty();
            } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
                return Optional.of("no bucket " + bucket);
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.of("no bucket " + bucket);
                }
                if (e.statusCode() == 403) {
                    return Optional.of("bucket " + bucket + " exists, but these credentials may not use it (it may"
                            + " be another account's; S3 notifies only this account's functions of its own"
                            + " buckets)");
                }
                if (e.statusCode() == 301) {
                    String where = e.awsErrorDetails() == null
                            ? "another region"
                            : e.awsErrorDetails()
                                    .sdkHttpResponse()
                                    .firstMatchingHeader("x-amz-bucket-region")
                                    .orElse("another region");
                    return Optional.of("bucket " + bucket + " is in " + where + ", not " + region.id()
                            + "; S3 notifies only functions of its own region");
                }
                throw e;
            }
        }
    }

    private static final class LogGroups {
        static Optional<String> absent(AwsSession aws, String name) {
            boolean found = aws.logs().describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                    .anyMatch(group -> group.logGroupName().equals(name));
            return found ? Optional.empty() : Optional.of("no log group " + name);
        }
    }

    private static final class Layers {
        static Optional<String> absent(AwsSession aws, Arn arn) {
            // layer:NAME:VERSION
            String[] parts = arn.resource().split(":");
            if (parts.length != 3 || !parts[0].equals("layer")) {
                return Optional.of("not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
            }
            String layer = arn.namesAccount()
                    ? "arn:" + arn.partition() + ":lambda:" + arn.region().id() + ":" + arn.account() + ":layer:"
                            + parts[1]
                    : parts[1];
            long version;
            try {
                version = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                return Optional.of("its version " + parts[2] + " is not a number");
            }
            var lambda = aws.client(
                    software.amazon.awssdk.services.lambda.LambdaClient.class,
                    arn.region(),
                    software.amazon.awssdk.services.lambda.LambdaClient::builder);
            try {
                lambda.getLayerVersion(r -> r.layerName(layer).versionNumber(version));
                return Optional.empty();
            } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
                return Optional.of("no version " + version + " of layer " + parts[1] + " in "
                        + arn.region().id());
            }
        }
    }

    private static final class Queues {
        static Optional<String> absent(AwsSession aws, Arn arn) {
            var sqs = aws.client(
                    software.amazon.awssdk.services.sqs.SqsClient.class,
                    arn.region(),
                    software.amazon.awssdk.services.sqs.SqsClient::builder);
            try {
                sqs.getQueueUrl(r -> {
                    r.queueName(arn.resource());
                    if (arn.namesAccount()) {
                        r.queueOwnerAWSAccountId(arn.account());
                    }
                });
                return Optional.empty();
            } catch (software.amazon.awssdk.services.sqs.model.SqsException e) {
                // QueueDoesNotExistException; a service speaking SQS's older query protocol (moto) sends the code
                // AWS.SimpleQueueService.NonExistentQueue, which the SDK does not map to it.
                String code = e.awsErrorDetails() == null
                        ? ""
                        : String.valueOf(e.awsErrorDetails().errorCode());
                if (!(e instanceof software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException)
                        && !code.contains("NonExistentQueue")
                        && !code.contains("QueueDoesNotExist")) {
                    throw e;
                }
                return Optional.of("no queue " + arn.resource() + " in "
                        + arn.region().id() + (arn.namesAccount() ? " of account " + arn.account() : ""));
            }
        }
    }

    private static final class Topics {
        static Optional<String> absent(AwsSession aws, Arn arn) {
            var sns = aws.client(
                    software.amazon.awssdk.services.sns.SnsClient.class,
                    arn.region(),
                    software.amazon.awssdk.services.sns.SnsClient::builder);
            String missing =
                    "no topic " + arn.resource() + " in " + arn.region().id();
            if (!arn.namesAccount()) {
                // arn:PARTITION:sns:REGION:ACCOUNT:NAME, read once per topic listed.
                boolean found = sns.listTopicsPaginator().topics().stream()
                        .map(topic -> topic.topicArn().split(":"))
                        .anyMatch(parts -> parts.length == 6
                                && parts[3].equals(arn.region().id())
                                && parts[5].equals(arn.resource()));
                return found ? Optional.empty() : Optional.of(missing);
            }
            try {
                sns.getTopicAttributes(r -> r.topicArn(arn.text()));
                return Optional.empty();
            } catch (software.amazon.awssdk.services.sns.model.NotFoundException e) {
                return Optional.of(missing + " of account " + arn.account());
            }
        }
    }

    private static final class Streams {
        static Optional<String> absent(AwsSession aws, Arn arn) {
            var kinesis = aws.client(
                    software.amazon.awssdk.services.kinesis.KinesisClient.class,
                    arn.region(),
                    software.amazon.awssdk.services.kinesis.KinesisClient::builder);
            String name = arn.resourceName("stream/");
            try {
                kinesis.describeStreamSummary(r -> {
                    if (arn.namesAccount()) {
                        r.streamARN(arn.text());
                    } else {
                        r.streamName(name);
                    }
                });
                return Optional.empty();
            } catch (software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException e) {
                return Optional.of("no stream " + name + " in " + arn.region().id());
            }
        }
    }

    private static final class TableStreams {
        static Optional<String> absent(AwsSession aws, Arn arn) {
            // table/NAME/stream/LABEL
            String[] parts = arn.resource().split("/", 4);
            if (parts.length != 4 || !parts[0].equals("table") || !parts[2].equals("stream")) {
                return Optional.of(
                        "not a table stream ARN" + " (arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL)");
            }
            String table = parts[1];
            String label = parts[3];
            if (arn.namesAccount()) {
                var streams = aws.client(
                        software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.class,
                        arn.region(),
                        software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient::builder);
                try {
                    streams.describeStream(r -> r.streamArn(arn.text()));
                    return Optional.empty();
                } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
                    return Optional.of("no stream " + label + " of table " + table + " in "
                            + arn.region().id() + " of account " + arn.account());
                }
            }
            var dynamo = aws.client(
                    software.amazon.awssdk.services.dynamodb.DynamoDbClient.class,
                    arn.region(),
                    software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder);
            software.amazon.awssdk.services.dynamodb.model.TableDescription described;
            try {
                described = dynamo.describeTable(r -> r.tableName(table)).table();
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
                return Optional.of("no table " + table + " in " + arn.region().id());
            }
            String latest = described.latestStreamArn();
            boolean enabled = described.streamSpecification() != null
                    && Boolean.TRUE.equals(described.streamSpecification().streamEnabled());
            if (latest == null || !enabled) {
                return Optional.of("table " + table + " has no stream enabled");
            }
            String latestLabel = latest.substring(latest.lastIndexOf('/') + 1);
            if (!latestLabel.equals(label)) {
                return Optional.of("table " + table + "'s stream is " + latestLabel + " now, not " + label
                        + " (its ARN: " + latest + ")");
            }
            return Optional.empty();
        }
    }
}
