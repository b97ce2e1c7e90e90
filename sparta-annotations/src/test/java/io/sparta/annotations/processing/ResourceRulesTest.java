package io.sparta.annotations.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.annotations.ResourceKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The name, ARN and limit rules for resources, routes and triggers, at their edges. */
class ResourceRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "orders", "order-items-2", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsNamesUpToThirtyTwoCharacters(String name) {
        assertEquals(Optional.empty(), ResourceRules.name(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Orders", "2orders", "order_items", "abcdefghijklmnopqrstuvwxyz0123456"})
    void rejectsOtherNames(String name) {
        assertEquals(
                Optional.of("name = \"" + name + "\" must be 1 to 32 lower-case letters, digits or '-', starting with"
                        + " a letter"),
                ResourceRules.name(name));
    }

    @ParameterizedTest
    @CsvSource({
        "BUCKET, arn:aws:s3:::abc",
        "BUCKET, arn:aws-cn:s3:::a.b-c",
        "TOPIC, arn:aws:sns:eu-west-1:123456789012:events",
        "TOPIC, arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:events.fifo",
        "TABLE, arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000",
        "STREAM, arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
        "QUEUE, arn:aws:sqs:us-east-1:123456789012:work"
    })
    void acceptsExistingResourcesArns(ResourceKind kind, String arn) {
        assertEquals(Optional.empty(), ResourceRules.existingArn(kind, "source", arn));
    }

    @ParameterizedTest
    @CsvSource({
        "BUCKET, arn:aws:s3:::ab",
        "BUCKET, arn:aws:s3:::Uppercase",
        "TOPIC, arn:aws:sns:eu-west-1:12345678901:events",
        "TABLE, arn:aws:dynamodb:us-east-1:123456789012:table/orders",
        "STREAM, arn:aws:kinesis:us-east-1:123456789012:clicks"
    })
    void rejectsMalformedArnsNamingTheShapeExpected(ResourceKind kind, String arn) {
        String problem = ResourceRules.existingArn(kind, "source", arn).orElseThrow();
        assertTrue(problem.startsWith("source = \"" + arn + "\" is neither a declared " + kind.annotation()), problem);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, false", "10000, false", "10001, true"})
    void streamBatchesRunFromOneToTenThousand(int batchSize, boolean rejected) {
        assertEquals(rejected, ResourceRules.streamBatch(batchSize).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"-1, true", "0, false", "43200, false", "43201, true"})
    void visibilityTimeoutsRunToTwelveHours(int seconds, boolean rejected) {
        assertEquals(rejected, ResourceRules.visibilityTimeout(seconds).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, false", "500, false", "501, true"})
    void shardsRunFromOneToFiveHundred(int shards, boolean rejected) {
        assertEquals(rejected, ResourceRules.shards(shards).isPresent());
    }

    @ParameterizedTest
    @CsvSource({
        "/, true",
        "/orders/{id}, true",
        "/files/{path+}, true",
        "orders, false",
        "/a//b, false",
        "/a/{id}/{id}, false",
        "/a b, false"
    })
    void pathsAreWhatApiGatewayTakes(String path, boolean accepted) {
        assertEquals(
                accepted, RouteRules.path(path).isEmpty(), RouteRules.path(path).toString());
    }

    @org.junit.jupiter.api.Test
    void aPathOfFiveHundredTwelveCharactersIsTheLongest() {
        assertEquals(Optional.empty(), RouteRules.path("/" + "a".repeat(511)));
        assertTrue(RouteRules.path("/" + "a".repeat(512)).isPresent());
    }

    @org.junit.jupiter.api.Test
    void rawStatementsNeedServiceActions() {
        assertEquals(Optional.empty(), ResourceRules.statement(List.of("ses:SendEmail", "s3:Get*"), List.of("*")));
        assertTrue(ResourceRules.statement(List.of("SendEmail"), List.of("*")).isPresent());
        assertTrue(ResourceRules.statement(List.of(), List.of("*")).isPresent());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"source\": [\"com.example\"]}|",
                "{ }|",
                "{\"a\": [1, -2.5e3, true, false, null, {\"b\": \"\\u00e9\\n\"}]}|",
                "source = shop|pattern must be a JSON object, such as {\"source\": [\"com.example\"]}",
                "[1]|pattern must be a JSON object, such as {\"source\": [\"com.example\"]}",
                "{\"a\": }|pattern is not valid JSON: '}' at character 7 is unexpected",
                "{\"a\": 1,}|pattern is not valid JSON: '}' at character 9 where a quoted member name belongs",
                "{\"a\": 01}|pattern is not valid JSON: \"01\" at character 7 is not a JSON number",
                "{\"a\": \"b}|pattern is not valid JSON: a string is not closed before the text ends",
                "{\"a\": [1} }|pattern is not valid JSON: '}' at character 9 where ']' belongs",
                "{\"a\": 1} {\"b\": 2}|pattern is not valid JSON: '{' at character 10 is unexpected"
            })
    void jsonIsParsedForRealAtCompileTimeAsAtPackageTime(String json, String problem) {
        assertEquals(Optional.ofNullable(problem), ResourceRules.jsonObject("pattern", json, false));
    }

    @org.junit.jupiter.api.Test
    void singleQuotesAreNotJson() {
        assertEquals(
                Optional.of("pattern is not valid JSON: ''' at character 2 where a quoted member name belongs"),
                ResourceRules.jsonObject("pattern", "{'a': 1}", false));
    }

    @org.junit.jupiter.api.Test
    void anEmptyFilterPolicyMeansNoneButAnEmptyPatternIsAProblem() {
        assertEquals(Optional.empty(), ResourceRules.jsonObject("filterPolicy", " ", true));
        assertTrue(ResourceRules.jsonObject("pattern", "", false).isPresent());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "suffix|.csv|",
                "prefix|incoming/|",
                "suffix|*.csv|suffix = \"*.csv\" holds a wildcard, but S3 matches suffixes literally, so the trigger"
                        + " would never fire; write suffix = \".csv\"",
                "prefix|incoming/*|prefix = \"incoming/*\" holds a wildcard, but S3 matches prefixes literally, so"
                        + " the trigger would never fire; write prefix = \"incoming/\"",
                "prefix|logs/2026-??/|prefix = \"logs/2026-??/\" holds a wildcard, but S3 matches prefixes"
                        + " literally, so the trigger would never fire; write prefix = \"logs/2026-\""
            })
    void s3KeyFiltersAreLiteral(String attribute, String value, String problem) {
        assertEquals(Optional.ofNullable(problem), ResourceRules.s3KeyFilter(attribute, value));
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:sqs:us-east-1:123456789012:jobs, 10, 0, false",
        "arn:aws:sqs:us-east-1:123456789012:jobs, 11, 0, true",
        "arn:aws:sqs:us-east-1:123456789012:jobs, 11, 1, false",
        "arn:aws:sqs:us-east-1:123456789012:jobs, 10000, 300, false",
        "arn:aws:sqs:us-east-1:123456789012:jobs, 10001, 300, true",
        "arn:aws:sqs:us-east-1:123456789012:jobs.fifo, 1, 0, false",
        "arn:aws:sqs:us-east-1:123456789012:jobs.fifo, 10, 0, false",
        "arn:aws:sqs:us-east-1:123456789012:jobs.fifo, 11, 0, true",
        "arn:aws:sqs:us-east-1:123456789012:jobs.fifo, 10, 1, true",
        "arn:aws:sqs:us-east-1:123456789012:jobs.fifo, 0, 0, true",
        "jobs, 100, 1, false"
    })
    void queueBatchesFollowTheQueuesKind(String queue, int batchSize, int window, boolean rejected) {
        assertEquals(rejected, QueueRules.batch(queue, batchSize, window).isPresent());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"kind\": [\"order\"]}|",
                "{\"kind\": [{\"prefix\": \"order-\"}]}|",
                "{\"kind\": [\"order-*\"]}|write {\"prefix\": \"order-\"} to match what starts with it",
                "{\"file\": [\"*.csv\"]}|write {\"suffix\": \".csv\"} to match what ends with it",
                "{\"file\": [\"a*b\"]}|match a part with {\"prefix\": \"...\"} or {\"suffix\": \"...\"}"
            })
    void snsFilterPoliciesMatchStringsExactly(String policy, String fix) {
        assertEquals(
                Optional.ofNullable(fix),
                ResourceRules.filterPolicy(policy).map(problem -> problem.substring(problem.indexOf("; ") + 2)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"source\": [\"com.shop\"]}|false",
                "{\"source\": [{\"wildcard\": \"com.shop.*\"}]}|false",
                "{\"source\": [{\"prefix\": \"com.shop.\"}]}|false",
                "{\"source\": [\"com.shop.*\"]}|true",
                "{\"detail\": {\"state\": [{\"anything-but\": [\"stopp*\"]}]}}|true"
            })
    void eventPatternsReadAStarOnlyInAWildcardMatch(String pattern, boolean rejected) {
        assertEquals(rejected, ResourceRules.eventPattern(pattern).isPresent());
    }

    @ParameterizedTest
    @CsvSource({
        "BUCKET, arn:aws:s3:::uploads-*",
        "TOPIC, arn:aws:sns:us-east-1:123456789012:*",
        "TABLE, arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/*",
        "STREAM, arn:aws:kinesis:us-east-1:123456789012:stream/click?",
        "QUEUE, arn:aws:sqs:us-east-1:123456789012:jobs-*"
    })
    void aTriggersSourceArnHoldsNoWildcard(io.sparta.annotations.ResourceKind kind, String arn) {
        assertTrue(ResourceRules.existingArn(kind, "source", arn).orElseThrow().contains("holds a wildcard"), arn);
    }

    @Test
    void fifoTopicsFeedNoFunctionAndFifoDestinationsTakeNoFailures() {
        assertTrue(ResourceRules.lambdaTopic("arn:aws:sns:us-east-1:123456789012:news.fifo")
                .isPresent());
        assertEquals(Optional.empty(), ResourceRules.lambdaTopic("arn:aws:sns:us-east-1:123456789012:news"));
        assertEquals(Optional.empty(), ResourceRules.lambdaTopic("news"));
        assertTrue(ResourceRules.onFailureArn("arn:aws:sns:us-east-1:123456789012:dead.fifo")
                .isPresent());
        assertEquals(Optional.empty(), ResourceRules.onFailureArn("arn:aws:sns:us-east-1:123456789012:dead"));
        assertEquals(Optional.empty(), ResourceRules.onFailureArn("arn:aws:sqs:us-east-1:123456789012:dead"));
    }
}
