package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * What a provision of the event-sources sample creates, checked through the AWS API the same way on moto
 * ({@code EventSourcesIT}) and fakecloud ({@code EventSourcesOnFakecloudIT}).
 */
final class EventSourcesChecks {

    static final String STACK = "event-sources";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";

    private EventSourcesChecks() {}

    /**
     * What the sample references and does not own: the team's queue it consumes, a bucket another team owns (whose
     * notification of its own queue must survive Sparta's) and the log group of another service it subscribes to.
     */
    static void createPreExistingResources(LocalAws aws) {
        aws.sqs.createQueue(r -> r.queueName("orders"));
        String teamQueue = aws.sqs
                .getQueueAttributes(r -> r.queueUrl(aws.sqs
                                .createQueue(q -> q.queueName("team-events"))
                                .queueUrl())
                        .attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
        aws.s3.createBucket(r -> r.bucket("legacy-drop"));
        aws.logs.createLogGroup(r -> r.logGroupName("/aws/lambda/legacy-worker"));
        aws.s3.putBucketNotificationConfiguration(r -> r.bucket("legacy-drop")
                .notificationConfiguration(n -> n.queueConfigurations(QueueConfiguration.builder()
                        .id("team-owned")
                        .queueArn(teamQueue)
                        .eventsWithStrings("s3:ObjectRemoved:*")
                        .build())));
    }

    /** A provision's log says it found every pre-existing resource first. */
    static void provisionFoundThePreExistingResources(SampleProject.BuildResult build) {
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(
                build.logContains("Existing resources the service references, all found: bucket legacy-drop, queue"
                        + " arn:aws:sqs:us-east-1:${AWS::AccountId}:orders, log group /aws/lambda/legacy-worker"),
                build.describe());
    }

    /** The owned bucket's name as the stack made it. */
    private static String uploadsBucket(LocalAws aws) {
        return aws.cloudFormation
                .describeStackResource(r -> r.stackName(STACK).logicalResourceId("UploadsBucket"))
                .stackResourceDetail()
                .physicalResourceId();
    }

    /** The owned bucket's name: the stack, the account and the first part of the stack id's UUID. */
    static void ownedBucketIsNamedAfterTheStackTheAccountAndThisCreationOfTheStack(LocalAws aws) {
        String stackId = aws.cloudFormation
                .describeStacks(r -> r.stackName(STACK))
                .stacks()
                .get(0)
                .stackId();
        String uuid = stackId.substring(stackId.lastIndexOf('/') + 1);
        assertEquals("event-sources-uploads-123456789012-" + uuid.substring(0, uuid.indexOf('-')), uploadsBucket(aws));
    }

    /** Both schedules as enabled rules targeting nightly, which only those rules may invoke. */
    static void schedulesBecomeRulesTargetingTheFunctionWhichOnlyThoseRulesMayInvoke(LocalAws aws) {
        String functionArn = aws.lambda
                .getFunction(r -> r.functionName("event-sources-nightly"))
                .configuration()
                .functionArn();
        Map<String, Rule> rules = aws.events.listRules(r -> {}).rules().stream()
                .filter(rule -> rule.scheduleExpression() != null)
                .collect(Collectors.toMap(Rule::scheduleExpression, rule -> rule));
        assertEquals(2, rules.size(), rules.toString());
        assertEquals("every night", rules.get("rate(1 day)").description());
        assertEquals(
                "weekday noon report", rules.get("cron(0 12 ? * MON-FRI *)").description());

        JsonNode policy = aws.functionPolicy("event-sources-nightly");
        for (Rule rule : rules.values()) {
            assertEquals("ENABLED", rule.stateAsString());
            assertEquals(
                    List.of(functionArn),
                    aws.events.listTargetsByRule(r -> r.rule(rule.name())).targets().stream()
                            .map(target -> target.arn())
                            .toList());
            boolean allowed = false;
            for (JsonNode statement : policy.path("Statement")) {
                allowed |= statement.at("/Principal/Service").asText().equals("events.amazonaws.com")
                        && statement.path("Action").asText().equals("lambda:InvokeFunction")
                        && statement
                                .at("/Condition/ArnLike/AWS:SourceArn")
                                .asText()
                                .equals(rule.arn());
            }
            assertTrue(allowed, "rule " + rule.arn() + " may invoke the function: " + policy);
        }
        assertEquals(2, policy.path("Statement").size(), "no permission beyond the two rules: " + policy);
    }

    /** The pre-existing queue mapped to orders, whose role may consume that queue only. */
    static void anExistingQueueFeedsTheFunctionWhoseRoleMayConsumeOnlyThatQueue(LocalAws aws) {
        List<EventSourceMappingConfiguration> mappings = aws.lambda
                .listEventSourceMappings(r -> r.functionName("event-sources-orders"))
                .eventSourceMappings();
        assertEquals(1, mappings.size(), mappings.toString());
        assertEquals(QUEUE_ARN, mappings.get(0).eventSourceArn());
        assertEquals(5, mappings.get(0).batchSize());

        String roleName = aws.roleNameOf("event-sources-orders");
        assertEquals(
                List.of("consume-own-queues", "write-own-logs"),
                aws.iam.listRolePolicies(r -> r.roleName(roleName)).policyNames().stream()
                        .sorted()
                        .toList());
        JsonNode consume = aws.inlinePolicy(roleName, "consume-own-queues");
        assertEquals(1, consume.path("Statement").size());
        assertEquals(
                "[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"]",
                consume.at("/Statement/0/Action").toString());
        assertEquals(
                "[\"" + QUEUE_ARN + "\"]", consume.at("/Statement/0/Resource").toString());
    }

    /** The REST routes as resources with proxy methods, each allowed to invoke health from its own route only. */
    static void restRoutesAreResourcesAndProxyMethodsEachInvocableFromItsOwnRouteOnly(LocalAws aws) {
        String apiId = aws.apiGateway.restApi("event-sources").path("id").asText();
        Map<String, String> idsByPath = new java.util.TreeMap<>();
        aws.apiGateway
                .resources(apiId)
                .forEach(resource -> idsByPath.put(
                        resource.path("path").asText(), resource.path("id").asText()));
        assertEquals(List.of("/", "/health", "/health/{component}"), List.copyOf(idsByPath.keySet()));
        String functionArn = aws.lambda
                .getFunction(r -> r.functionName("event-sources-health"))
                .configuration()
                .functionArn();
        for (String path : List.of("/health", "/health/{component}")) {
            JsonNode integration = aws.apiGateway.integration(apiId, idsByPath.get(path), "GET");
            assertEquals("AWS_PROXY", integration.path("type").asText());
            assertEquals("POST", integration.path("httpMethod").asText());
            assertTrue(integration.path("uri").asText().contains(functionArn + "/invocations"), integration.toString());
        }

        JsonNode policy = aws.functionPolicy("event-sources-health");
        List<String> sources = new java.util.ArrayList<>();
        for (JsonNode statement : policy.path("Statement")) {
            assertEquals(
                    "apigateway.amazonaws.com",
                    statement.at("/Principal/Service").asText());
            assertEquals("lambda:InvokeFunction", statement.path("Action").asText());
            sources.add(statement.at("/Condition/ArnLike/AWS:SourceArn").asText());
        }
        String prefix = "arn:aws:execute-api:us-east-1:123456789012:" + apiId + "/*/GET/";
        assertEquals(
                List.of(prefix + "health", prefix + "health/*"),
                sources.stream().sorted().toList());
    }

    /** The declared table, bucket, queue, stream and topic exist as declared and are named in the functions' Discover variables. */
    static void declaredResourcesExistAndFunctionsFindThemThroughDiscoverVariables(LocalAws aws) {
        Map<String, String> environment = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-ingest"))
                .environment()
                .variables();
        String tableName = environment.get("SPARTA_TABLE_ORDERS");
        TableDescription table =
                aws.dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        assertEquals("NEW_AND_OLD_IMAGES", table.streamSpecification().streamViewTypeAsString());
        assertEquals("PAY_PER_REQUEST", table.billingModeSummary().billingModeAsString());
        String bucket = uploadsBucket(aws);
        assertEquals(bucket, environment.get("SPARTA_BUCKET_UPLOADS"));
        aws.s3.headBucket(r -> r.bucket(bucket));

        Map<String, String> announce = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-announce"))
                .environment()
                .variables();
        String queueUrl = announce.get("SPARTA_QUEUE_WORK");
        assertEquals(
                "60",
                aws.sqs
                        .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("VisibilityTimeout"))
                        .attributesAsStrings()
                        .get("VisibilityTimeout"));
        assertEquals(
                "ACTIVE",
                aws.kinesis
                        .describeStream(r -> r.streamName(announce.get("SPARTA_STREAM_CLICKS")))
                        .streamDescription()
                        .streamStatusAsString());
        String topicArn = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-worker"))
                .environment()
                .variables()
                .get("SPARTA_TOPIC_EVENTS");
        assertEquals(
                topicArn,
                aws.sns
                        .getTopicAttributes(r -> r.topicArn(topicArn))
                        .attributes()
                        .get("TopicArn"));
    }

    /**
     * The stages' access log groups ({@code HttpApiAccessLogs}, {@code RestApiAccessLogs}) are the stack's own, kept
     * as long as the pom's {@code <accessLogs>} says.
     */
    static void apiStagesLogToGroupsTheStackOwnsKeptAsThePomSays(LocalAws aws, List<String> logicalIds) {
        for (String logicalId : logicalIds) {
            // The group is named as CloudFormation names what a template leaves unnamed, <stack>-<logical id>-<suffix>;
            // looked up by that prefix because moto answers ListStackResources of this stack with a 500.
            String prefix = STACK + "-" + logicalId + "-";
            List<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> groups = aws.logs
                    .describeLogGroups(r -> r.logGroupNamePrefix(prefix))
                    .logGroups();
            assertEquals(1, groups.size(), prefix + ": " + groups);
            assertEquals(14, groups.get(0).retentionInDays(), logicalId);
        }
    }

    /** Each grant is exactly its actions on its resources, read from the roles' inline policies. */
    static void grantsAreExactlyTheirActionsOnTheirResources(LocalAws aws) {
        String tableName = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-ingest"))
                .environment()
                .variables()
                .get("SPARTA_TABLE_ORDERS");
        String tableArn =
                aws.dynamoDb.describeTable(r -> r.tableName(tableName)).table().tableArn();
        JsonNode statements = aws.inlinePolicy(aws.roleNameOf("event-sources-ingest"), "use-declared-resources")
                .path("Statement");
        assertEquals(3, statements.size(), statements.toString());
        assertEquals("OrdersTableWrite", statements.at("/0/Sid").asText());
        assertEquals(
                "[\"dynamodb:BatchWriteItem\",\"dynamodb:DeleteItem\",\"dynamodb:PutItem\",\"dynamodb:UpdateItem\"]",
                statements.at("/0/Action").toString());
        assertEquals(
                "[\"" + tableArn + "\",\"" + tableArn + "/index/*\"]",
                statements.at("/0/Resource").toString());
        String bucket = uploadsBucket(aws);
        assertEquals("[\"s3:GetObject\"]", statements.at("/1/Action").toString());
        assertEquals(
                "[\"arn:aws:s3:::" + bucket + "/*\"]",
                statements.at("/1/Resource").toString());
        assertEquals("[\"s3:ListBucket\"]", statements.at("/2/Action").toString());
        assertEquals(
                "[\"arn:aws:s3:::" + bucket + "\"]",
                statements.at("/2/Resource").toString());

        Map<String, String> announce = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-announce"))
                .environment()
                .variables();
        String queueArn = aws.sqs
                .getQueueAttributes(
                        r -> r.queueUrl(announce.get("SPARTA_QUEUE_WORK")).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
        String streamArn = aws.kinesis
                .describeStream(r -> r.streamName(announce.get("SPARTA_STREAM_CLICKS")))
                .streamDescription()
                .streamARN();
        JsonNode announceStatements = aws.inlinePolicy(
                        aws.roleNameOf("event-sources-announce"), "use-declared-resources")
                .path("Statement");
        assertEquals(2, announceStatements.size(), announceStatements.toString());
        assertEquals(
                "[\"sqs:SendMessage\",\"sqs:GetQueueAttributes\"]",
                announceStatements.at("/0/Action").toString());
        assertEquals(
                "[\"" + queueArn + "\"]", announceStatements.at("/0/Resource").toString());
        assertEquals(
                "[\"kinesis:PutRecord\",\"kinesis:PutRecords\",\"kinesis:DescribeStreamSummary\"]",
                announceStatements.at("/1/Action").toString());
        assertEquals(
                "[\"" + streamArn + "\"]", announceStatements.at("/1/Resource").toString());

        String workerRole = aws.roleNameOf("event-sources-worker");
        assertEquals(
                List.of("consume-own-queues", "use-declared-resources", "write-own-logs"),
                aws.iam.listRolePolicies(r -> r.roleName(workerRole)).policyNames().stream()
                        .sorted()
                        .toList());
        assertEquals(
                "[\"" + queueArn + "\"]",
                aws.inlinePolicy(workerRole, "consume-own-queues")
                        .at("/Statement/0/Resource")
                        .toString());
        JsonNode publish =
                aws.inlinePolicy(workerRole, "use-declared-resources").at("/Statement/0");
        assertEquals("[\"sns:Publish\"]", publish.path("Action").toString());
        String topicArn = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-worker"))
                .environment()
                .variables()
                .get("SPARTA_TOPIC_EVENTS");
        assertEquals("[\"" + topicArn + "\"]", publish.path("Resource").toString());

        JsonNode raw = aws.inlinePolicy(aws.roleNameOf("event-sources-react"), "declared-statements");
        assertEquals("[\"ses:SendEmail\"]", raw.at("/Statement/0/Action").toString());
        assertEquals(
                "[\"arn:aws:ses:us-east-1:123456789012:identity/shop.example.com\"]",
                raw.at("/Statement/0/Resource").toString());
    }

    /** The table's and the Kinesis stream's mappings, whose roles may read exactly those streams. */
    static void streamsFeedTheirFunctionsWhoseRolesMayReadExactlyThoseStreams(LocalAws aws) {
        String tableName = aws.lambda
                .getFunctionConfiguration(r -> r.functionName("event-sources-ingest"))
                .environment()
                .variables()
                .get("SPARTA_TABLE_ORDERS");
        String streamArn =
                aws.dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
        List<EventSourceMappingConfiguration> audit = aws.lambda
                .listEventSourceMappings(r -> r.functionName("event-sources-audit"))
                .eventSourceMappings();
        assertEquals(1, audit.size(), audit.toString());
        assertEquals(streamArn, audit.get(0).eventSourceArn());
        assertEquals(50, audit.get(0).batchSize());
        assertEquals("TRIM_HORIZON", audit.get(0).startingPositionAsString());
        JsonNode read = aws.inlinePolicy(aws.roleNameOf("event-sources-audit"), "read-own-streams");
        assertEquals("[\"" + streamArn + "\"]", read.at("/Statement/0/Resource").toString());
        assertEquals(
                "[\"dynamodb:DescribeStream\",\"dynamodb:GetRecords\",\"dynamodb:GetShardIterator\"]",
                read.at("/Statement/0/Action").toString());
        // DynamoDB defines no resource for ListStreams, which Lambda's polling calls: "*" or nothing.
        assertEquals(
                "[\"dynamodb:ListStreams\"]", read.at("/Statement/1/Action").toString());
        assertEquals("*", read.at("/Statement/1/Resource").asText());
        assertEquals(2, read.path("Statement").size(), read.toString());

        String kinesisArn = aws.lambda
                .listEventSourceMappings(r -> r.functionName("event-sources-clicks"))
                .eventSourceMappings()
                .get(0)
                .eventSourceArn();
        assertTrue(kinesisArn.startsWith("arn:aws:kinesis:us-east-1:123456789012:stream/"), kinesisArn);
        JsonNode readClicks = aws.inlinePolicy(aws.roleNameOf("event-sources-clicks"), "read-own-streams");
        assertEquals(
                "[\"" + kinesisArn + "\"]",
                readClicks.at("/Statement/0/Resource").toString());
        assertEquals(
                "[\"kinesis:DescribeStream\",\"kinesis:DescribeStreamSummary\",\"kinesis:GetRecords\","
                        + "\"kinesis:GetShardIterator\",\"kinesis:ListShards\"]",
                readClicks.at("/Statement/0/Action").toString(),
                "no kinesis:SubscribeToShard: it applies to a consumer's ARN");
        assertEquals(1, readClicks.path("Statement").size(), readClicks.toString());
    }

    /** The event-pattern rule targets react. */
    static void anEventPatternRuleTargetsItsFunction(LocalAws aws) {
        Rule rule = aws.events.listRules(r -> {}).rules().stream()
                .filter(candidate -> candidate.eventPattern() != null)
                .findFirst()
                .orElseThrow();
        assertTrue(rule.eventPattern().contains("com.example.shop"), rule.eventPattern());
        assertEquals("shop events", rule.description());
        String reactArn = aws.lambda
                .getFunction(r -> r.functionName("event-sources-react"))
                .configuration()
                .functionArn();
        assertEquals(
                List.of(reactArn),
                aws.events.listTargetsByRule(r -> r.rule(rule.name())).targets().stream()
                        .map(target -> target.arn())
                        .toList());
    }

    /**
     * CloudFormation's Create of Sparta's notifications resource for the existing bucket, the one custom resource of
     * the stack: the handler answers SUCCESS with the bucket as the physical id. On moto and fakecloud, which run no
     * Lambda code, the handler runs here on the event CloudFormation sends.
     */
    static void spartasBucketNotificationsResourceIsCreated(LocalAws aws) {
        CloudFormationCalls calls = new CloudFormationCalls(aws, STACK);
        JsonNode template = calls.template();
        assertEquals(
                List.of("SpartaBucketNotificationsLegacyDrop"),
                calls.resourcesOfType(template, "Custom::SpartaBucketNotifications"));
        JsonNode answer = calls.bucketNotifications(
                "Create",
                "SpartaBucketNotificationsLegacyDrop",
                calls.properties(template, "SpartaBucketNotificationsLegacyDrop"),
                null,
                null);
        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        assertEquals("legacy-drop", answer.path("PhysicalResourceId").asText());
    }

    /**
     * An Update that S3 refuses (an event type S3 does not have) answers FAILED, naming the bucket, and leaves the
     * bucket's notifications, the owner's and Sparta's, as they were; so does the rollback CloudFormation then sends,
     * the Update with old and new properties swapped.
     */
    static void aFailedUpdateLeavesTheBucketsNotificationsAsTheyWere(LocalAws aws) {
        CloudFormationCalls calls = new CloudFormationCalls(aws, STACK);
        JsonNode template = calls.template();
        String before = notifications(aws);
        var deployed = calls.properties(template, "SpartaBucketNotificationsLegacyDrop");
        var broken = deployed.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) broken.at("/Notifications/0/Events"))
                .removeAll()
                .add("s3:Nope");
        JsonNode failed = calls.bucketNotifications(
                "Update", "SpartaBucketNotificationsLegacyDrop", broken, "legacy-drop", deployed);
        assertEquals("FAILED", failed.path("Status").asText(), failed.toString());
        assertTrue(failed.path("Reason").asText().contains("legacy-drop"), failed.toString());
        assertEquals(before, notifications(aws));
        JsonNode rollback = calls.bucketNotifications(
                "Update", "SpartaBucketNotificationsLegacyDrop", deployed, "legacy-drop", broken);
        assertEquals("SUCCESS", rollback.path("Status").asText(), rollback.toString());
        assertEquals(before, notifications(aws));
    }

    /** The existing bucket's notification configuration, every kind of it, as text to compare. */
    private static String notifications(LocalAws aws) {
        var configuration = aws.s3.getBucketNotificationConfiguration(r -> r.bucket("legacy-drop"));
        return List.of(
                        configuration.queueConfigurations(),
                        configuration.topicConfigurations(),
                        configuration.lambdaFunctionConfigurations())
                .toString();
    }

    /** CloudFormation's Delete of Sparta's notifications resource, which a stack's deletion sends first. */
    static void spartasBucketNotificationsResourceIsDeleted(LocalAws aws) {
        CloudFormationCalls calls = new CloudFormationCalls(aws, STACK);
        JsonNode template = calls.template();
        JsonNode answer = calls.bucketNotifications(
                "Delete",
                "SpartaBucketNotificationsLegacyDrop",
                calls.properties(template, "SpartaBucketNotificationsLegacyDrop"),
                "legacy-drop",
                null);
        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
    }

    /** The existing bucket notifies ingest beside its owner's queue notification, and S3 may invoke ingest for it. */
    static void anExistingBucketGetsSpartasNotificationBesideItsOwnersOwn(LocalAws aws) {
        GetBucketNotificationConfigurationResponse configuration =
                aws.s3.getBucketNotificationConfiguration(r -> r.bucket("legacy-drop"));
        assertEquals(
                List.of("team-owned"),
                configuration.queueConfigurations().stream()
                        .map(QueueConfiguration::id)
                        .toList());
        assertEquals(1, configuration.lambdaFunctionConfigurations().size());
        LambdaFunctionConfiguration ours =
                configuration.lambdaFunctionConfigurations().get(0);
        assertEquals("sparta-event-sources-ingest-1", ours.id());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:event-sources-ingest", ours.lambdaFunctionArn());
        assertEquals(List.of("s3:ObjectCreated:Put"), ours.eventsAsStrings());
        boolean s3MayInvoke = false;
        for (JsonNode statement : aws.functionPolicy("event-sources-ingest").path("Statement")) {
            s3MayInvoke |= statement.at("/Principal/Service").asText().equals("s3.amazonaws.com")
                    && statement.at("/Condition/ArnLike/AWS:SourceArn").asText().equals("arn:aws:s3:::legacy-drop");
        }
        assertTrue(s3MayInvoke, "S3 may invoke ingest for legacy-drop");
    }

    /** After {@code sparta:delete}: Sparta's notification is gone from the existing bucket, its owner's is kept. */
    static void deleteRemovedSpartasNotificationAndKeptTheOwners(LocalAws aws, SampleProject.BuildResult build) {
        assertEquals(0, build.exitCode(), build.describe());
        GetBucketNotificationConfigurationResponse configuration =
                aws.s3.getBucketNotificationConfiguration(r -> r.bucket("legacy-drop"));
        assertEquals(List.of(), configuration.lambdaFunctionConfigurations());
        assertEquals(
                List.of("team-owned"),
                configuration.queueConfigurations().stream()
                        .map(QueueConfiguration::id)
                        .toList());
    }
}
