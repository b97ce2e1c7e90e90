package io.sparta.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparta.annotations.Access;
import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.StartingPosition;
import io.sparta.api.FunctionAccess;
import io.sparta.api.FunctionOptions;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.LogSubscriptionTrigger;
import io.sparta.api.OwnedResource;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SnsTopicTrigger;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.api.StreamTrigger;
import io.sparta.core.TestFunctions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A model a PreMarshall hook returns is held to the rules its annotations were. */
class ModelValidatorTest {

    private static ServiceModel service(List<LambdaFunction> functions, List<OwnedResource> resources) {
        return new ServiceModel(
                "orders", "orders", new TreeMap<>(), new TreeMap<>(), functions, HttpApiSettings.DEFAULTS, resources);
    }

    private static LambdaFunction withMemory(LambdaFunction function, int memory) {
        return new LambdaFunction(
                function.name(),
                function.logicalIdPrefix(),
                function.handler(),
                function.source(),
                function.description(),
                memory,
                function.timeout(),
                function.runtime(),
                function.architecture(),
                function.environment(),
                function.logRetentionDays(),
                function.options(),
                function.triggers(),
                function.access());
    }

    @Test
    void aSoundModelHasNoProblems() {
        LambdaFunction worker = TestFunctions.function(
                "worker",
                "Worker",
                FunctionOptions.DEFAULTS,
                List.of(new SqsQueueTrigger("jobs", 10, 0, false)),
                Map.of(),
                new FunctionAccess(List.of(new FunctionAccess.ResourceGrant("jobs", Access.READ)), List.of()));
        assertEquals(
                List.of(),
                ModelValidator.problems(service(List.of(worker), List.of(new OwnedResource.Queue("jobs", 60)))));
    }

    @Test
    void aTriggersSettingsAreHeldToTheirAnnotationsRulesAndEveryTagProblemIsNamed() {
        LambdaFunction listener = TestFunctions.function(
                "listener",
                "Listener",
                new FunctionOptions(
                        -1,
                        false,
                        512,
                        List.of(),
                        "",
                        false,
                        List.of(),
                        List.of(),
                        new TreeMap<>(Map.of("AWS:owner", "x".repeat(257))),
                        ""),
                List.of(
                        new ScheduleTrigger("rate(5 minute)", "", true),
                        new SnsTopicTrigger("arn:aws:sns:us-east-1:123456789012:news", "{\"kind\": }"),
                        new LogSubscriptionTrigger("bad group name!", "")));
        assertEquals(
                List.of(
                        "function \"listener\" (acme.Listener): tag key \"AWS:owner\" must be 1 to 128 characters and"
                                + " not start with aws:, and its value has 257 characters; at most 256",
                        "function \"listener\" (acme.Listener): schedule \"rate(5 minute)\" must say 5 minutes:"
                                + " EventBridge wants the singular unit for 1 and the plural otherwise",
                        "function \"listener\" (acme.Listener): filterPolicy is not valid JSON: '}' at character 10 is"
                                + " unexpected",
                        "function \"listener\" (acme.Listener): logGroup = \"bad group name!\" is not a log group name"
                                + " (1 to 512 of letters, digits and ._-/#)"),
                ModelValidator.problems(service(List.of(listener), List.of())));
    }

    @Test
    void valuesOutOfRangeNamesTakenTwiceAndUndeclaredReferencesAreNamed() {
        LambdaFunction tooSmall = withMemory(TestFunctions.function("hello", "Hello"), 100);
        LambdaFunction twice = TestFunctions.function("hello", "Other");
        LambdaFunction reader = TestFunctions.function(
                "reader",
                "Reader",
                FunctionOptions.DEFAULTS,
                List.of(
                        new SqsQueueTrigger("jobs", 10, 0, false),
                        new StreamTrigger(ResourceKind.TABLE, "orders", StartingPosition.LATEST, 100)),
                Map.of("AWS_REGION", "eu-west-1"),
                new FunctionAccess(List.of(new FunctionAccess.ResourceGrant("ledger", Access.WRITE)), List.of()));

        List<String> problems = ModelValidator.problems(service(
                List.of(tooSmall, twice, reader),
                List.of(new OwnedResource.Table(
                        "orders",
                        "id",
                        io.sparta.annotations.KeyType.STRING,
                        "",
                        io.sparta.annotations.KeyType.STRING,
                        io.sparta.annotations.StreamView.NONE,
                        false))));

        assertEquals(
                List.of(
                        "function \"hello\" (acme.Hello): memory = 100 is out of range; allowed 128 to 10240 (MB)",
                        "function \"reader\" (acme.Reader): environment variable AWS_REGION is reserved; the Lambda"
                                + " runtime sets it itself",
                        // Only the accepted kind's names are listed, and the one declared resource is a table.
                        "function \"reader\" (acme.Reader): @SqsTrigger refers to \"jobs\", but the service declares no"
                                + " @SqsQueue of that name",
                        "function \"reader\" (acme.Reader): @DynamoDbTrigger reads the stream of table \"orders\", which"
                                + " has none; set stream on its @DynamoTable",
                        "function \"reader\" (acme.Reader): @Grant refers to \"ledger\", but the service declares no"
                                + " @DynamoTable or @S3Bucket or @SqsQueue or @SnsTopic or @KinesisStream of that name;"
                                + " declared: [orders]",
                        "acme.Other: two functions are named \"hello\": acme.Hello and acme.Other; set a distinct name on one of"
                                + " them"),
                problems);
    }

    private static LambdaFunction withTimeout(LambdaFunction function, int timeout) {
        return new LambdaFunction(
                function.name(),
                function.logicalIdPrefix(),
                function.handler(),
                function.source(),
                function.description(),
                function.memory(),
                timeout,
                function.runtime(),
                function.architecture(),
                function.environment(),
                function.logRetentionDays(),
                function.options(),
                function.triggers(),
                function.access());
    }

    @Test
    void aHooksModelIsHeldToTheRulesBetweenDeclarations() {
        LambdaFunction worker = withTimeout(
                TestFunctions.function(
                        "worker",
                        "Worker",
                        List.of(
                                new SqsQueueTrigger("jobs", 10, 0, false),
                                new SqsQueueTrigger("jobs", 10, 0, false),
                                new SnsTopicTrigger("arn:aws:sns:us-east-1:123456789012:news.fifo", ""))),
                120);
        assertEquals(
                List.of(
                        "function \"worker\" (acme.Worker): topic = \"arn:aws:sns:us-east-1:123456789012:news.fifo\" is"
                                + " an SNS FIFO topic, which delivers only to SQS queues, not to Lambda: subscribe an SQS"
                                + " FIFO queue to the topic and feed the function from that queue with @SqsTrigger",
                        "function \"worker\" (acme.Worker): @SqsTrigger(queue = \"jobs\") feeds a function with timeout"
                                + " = 120, but @SqsQueue(name = \"jobs\") on the service model has visibilityTimeout = 60;"
                                + " Lambda refuses an SQS mapping whose queue's visibility timeout is less than the"
                                + " function's timeout (allowed 120 to 43200): declare the queue with visibilityTimeout ="
                                + " 120 or more (AWS recommends 720, six times the timeout plus the batching window), or"
                                + " lower the timeout",
                        "function \"worker\" (acme.Worker): @SqsTrigger(queue = \"jobs\") is declared twice on this"
                                + " function; Lambda allows one event source mapping per function and queue and refuses"
                                + " the second: declare it once"),
                ModelValidator.problems(service(List.of(worker), List.of(new OwnedResource.Queue("jobs", 60)))));
        LambdaFunction fits = withTimeout(
                TestFunctions.function("worker", "Worker", List.of(new SqsQueueTrigger("jobs", 10, 0, false))), 120);
        assertEquals(
                List.of(),
                ModelValidator.problems(service(List.of(fits), List.of(new OwnedResource.Queue("jobs", 120)))));
    }

    @Test
    void aHooksTablesQueuesTopicsAndFailedRecordDestinationsAreHeldToTheirAnnotationsRules() {
        LambdaFunction reader = TestFunctions.function(
                "reader",
                "Reader",
                List.of(
                        new StreamTrigger(ResourceKind.TABLE, "orders", StartingPosition.LATEST, 100, "payments", -2),
                        new SnsTopicTrigger("ledger", "")));
        OwnedResource.Table orders = new OwnedResource.Table(
                "orders",
                "id",
                io.sparta.annotations.KeyType.STRING,
                "",
                io.sparta.annotations.KeyType.STRING,
                io.sparta.annotations.StreamView.NEW_IMAGE,
                true,
                List.of(),
                List.of(new OwnedResource.Table.Index(
                        "by-status",
                        "",
                        io.sparta.annotations.KeyType.STRING,
                        "status",
                        io.sparta.annotations.KeyType.STRING,
                        io.sparta.annotations.Projection.ALL,
                        List.of(),
                        0,
                        0)),
                "",
                0,
                0);
        assertEquals(
                List.of(
                        "resource \"orders\": localIndexes: local index \"by-status\": the table has no sortKey, and"
                                + " DynamoDB creates local indexes only on a table with a partition and a sort key; give"
                                + " the table a sortKey, or make this a global index (globalIndexes) with partitionKey ="
                                + " \"id\"",
                        "resource \"payments\": contentBasedDeduplication = true on a standard queue; SQS deduplicates"
                                + " FIFO queues only: set fifo = true, or remove contentBasedDeduplication",
                        "function \"reader\" (acme.Reader): maximumRetryAttempts = -2 is out of range; allowed 0 to"
                                + " 10000, or -1 to retry until the records expire",
                        "resource \"payments\": @SqsQueue(name = \"payments\") deadLetterQueue refers to \"missing\","
                                + " but the service declares no @SqsQueue of that name; declared: [payments, work]",
                        "resource \"work\": @SqsQueue(name = \"work\"): deadLetterQueue = \"payments\" is a standard"
                                + " queue, but the dead-letter queue of a FIFO queue must be FIFO too: declare"
                                + " @SqsQueue(name = \"payments\", fifo = true)",
                        "function \"reader\" (acme.Reader): @SnsTrigger: topic = \"ledger\" is an SNS FIFO topic, which"
                                + " delivers only to SQS queues, not to Lambda: subscribe an SQS FIFO queue to the topic"
                                + " and feed the function from that queue with @SqsTrigger"),
                ModelValidator.problems(service(
                        List.of(reader),
                        List.of(
                                orders,
                                new OwnedResource.Queue("payments", 30, false, true, "missing", 5),
                                new OwnedResource.Queue("work", 30, true, false, "payments", 5),
                                new OwnedResource.Topic("ledger", true, false)))));
    }
}
