package io.sparta.annotations.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules between declarations, at their edges, and the table that applies them once. */
class ServiceRulesTest {

    @ParameterizedTest
    @CsvSource({"30, 30, false", "30, 31, true", "120, 120, false", "119, 120, true", "43200, 900, false", "0, 1, true"
    })
    void aQueuesVisibilityTimeoutMustReachItsConsumersTimeout(int visibility, int timeout, boolean rejected) {
        assertEquals(
                rejected,
                ServiceRules.queueVisibility("work", "acme.R", visibility, timeout, 0)
                        .isPresent());
    }

    @Test
    void theRecommendationIsSixTimesTheTimeoutPlusTheWindowAtMostTheMaximum() {
        assertTrue(ServiceRules.queueVisibility("work", "acme.R", 30, 60, 20)
                .orElseThrow()
                .contains("visibilityTimeout = 60 or more (AWS recommends 380,"));
        assertTrue(ServiceRules.queueVisibility("work", "acme.R", 30, 900, 300)
                .orElseThrow()
                .contains("(AWS recommends 5700,"));
    }

    @ParameterizedTest
    @CsvSource({
        // events, prefix, suffix | other events, prefix, suffix | rejected
        "s3:ObjectCreated:*, in/, '', s3:ObjectCreated:*, '', .csv, true",
        "s3:ObjectCreated:*, in/, '', s3:ObjectCreated:Put, in/a/, '', true",
        "s3:ObjectCreated:Put, '', '', s3:ObjectCreated:*, '', '', true",
        "s3:ObjectCreated:*, in/, .csv, s3:ObjectCreated:*, in/, .json, false",
        "s3:ObjectCreated:*, in/, '', s3:ObjectCreated:*, out/, '', false",
        "s3:ObjectCreated:*, '', .csv, s3:ObjectCreated:*, '', data.csv, true",
        "s3:ObjectCreated:*, '', '', s3:ObjectRemoved:*, '', '', false",
        "s3:ObjectCreated:Put, '', '', s3:ObjectCreated:Post, '', '', false",
        "s3:ObjectRestore:*, '', '', s3:ObjectRestore:Completed, '', '', true"
    })
    void notificationsOfOneBucketMayNotBothMatchAKeyForAnEventTheyShare(
            String events,
            String prefix,
            String suffix,
            String otherEvents,
            String otherPrefix,
            String otherSuffix,
            boolean rejected) {
        assertEquals(
                rejected,
                ServiceRules.s3Overlap(
                                "uploads",
                                List.of(events),
                                prefix,
                                suffix,
                                "acme.Other#handle",
                                List.of(otherEvents),
                                otherPrefix,
                                otherSuffix)
                        .isPresent());
    }

    @Test
    void aLogGroupTakesTwoSubscriptionFiltersAndNoMore() {
        assertEquals(Optional.empty(), ServiceRules.subscriptionFilters("/g", List.of("a", "b")));
        assertTrue(
                ServiceRules.subscriptionFilters("/g", List.of("a", "b", "c")).isPresent());
    }

    @Test
    void theTableReportsEachProblemOnceAtTheLaterDeclarationAndNeedsBothDeclarations() {
        ServiceTable<String> table = new ServiceTable<>();
        table.note(new ServiceTable.Function("acme.W#work", 120), "function");
        table.note(new ServiceTable.QueueConsumer("acme.W#work", "work", 10, 0), "trigger");
        // The queue is not declared yet (or is declared in a class javac does not compile now): nothing to say.
        assertEquals(List.of(), table.problems());
        table.note(new ServiceTable.Queue("work", 30, false, "", "acme.R"), "queue");
        List<ResourceTable.Problem<String>> problems = table.problems();
        assertEquals(
                List.of("trigger"),
                problems.stream().map(ResourceTable.Problem::where).toList());
        assertEquals(List.of(), table.problems(), "reported once");
    }

    @Test
    void anExistingQueuesVisibilityIsNotKnownHereAndTwoMappingsOfOneSourceAreRefused() {
        ServiceTable<String> table = new ServiceTable<>();
        String queue = "arn:aws:sqs:us-east-1:123456789012:jobs";
        table.note(new ServiceTable.Function("acme.W#work", 900), "function");
        table.note(new ServiceTable.QueueConsumer("acme.W#work", queue, 10, 0), "first");
        table.note(new ServiceTable.QueueConsumer("acme.W#other", queue, 10, 0), "other function");
        table.note(new ServiceTable.QueueConsumer("acme.W#work", queue, 10, 0), "second");
        assertEquals(
                List.of(new ResourceTable.Problem<>(
                        "second", ServiceRules.duplicateMapping("@SqsTrigger", "queue", queue))),
                table.problems());
    }
}
