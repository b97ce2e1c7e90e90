package io.sparta.annotations.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.annotations.KeyType;
import io.sparta.annotations.Projection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bound of what DynamoDB accepts of a table, on both sides, and the queue and mapping bounds beside them. */
class TableRulesTest {

    private static final TableRules.Key ID = new TableRules.Key("id", KeyType.STRING);
    private static final TableRules.Key AT = new TableRules.Key("at", KeyType.NUMBER);
    private static final TableRules.Key NONE = new TableRules.Key("", KeyType.STRING);

    private static TableRules.Index global(String name, int read, int write) {
        return new TableRules.Index(
                name, new TableRules.Key("customer", KeyType.STRING), NONE, Projection.ALL, List.of(), read, write);
    }

    private static TableRules.Index local(String name) {
        return new TableRules.Index(
                name, NONE, new TableRules.Key("status", KeyType.STRING), Projection.KEYS_ONLY, List.of(), 0, 0);
    }

    private static List<String> problems(TableRules.Table table) {
        return TableRules.problems(table).stream()
                .map(problem -> problem.attribute() + ": " + problem.message())
                .toList();
    }

    @ParameterizedTest(name = "readCapacity {0}, writeCapacity {1}: {2} problems")
    @CsvSource({"0, 0, 0", "1, 1, 0", "40000, 40000, 0", "40001, 1, 1", "1, 40001, 1", "-1, 1, 1", "5, 0, 1", "0, 5, 1"
    })
    void capacityIsBothUnitsInRangeOrNeither(int read, int write, int expected) {
        List<String> problems = problems(new TableRules.Table(ID, NONE, List.of(), List.of(), "", read, write));
        assertEquals(expected, problems.size(), problems.toString());
    }

    @ParameterizedTest(name = "{0} global indexes: {1}")
    @CsvSource({"20, true", "21, false"})
    void atMostTwentyGlobalIndexes(int count, boolean accepted) {
        List<TableRules.Index> indexes = IntStream.range(0, count)
                .mapToObj(i -> global("index-" + i, 0, 0))
                .toList();
        List<String> problems = problems(new TableRules.Table(ID, NONE, indexes, List.of(), "", 0, 0));
        assertEquals(
                accepted
                        ? List.of()
                        : List.of("globalIndexes: globalIndexes declares 21 indexes; DynamoDB allows"
                                + " at most 20 global secondary indexes per table"),
                problems);
    }

    @ParameterizedTest(name = "{0} local indexes: {1}")
    @CsvSource({"5, true", "6, false"})
    void atMostFiveLocalIndexes(int count, boolean accepted) {
        List<TableRules.Index> indexes =
                IntStream.range(0, count).mapToObj(i -> local("index-" + i)).toList();
        List<String> problems = problems(new TableRules.Table(ID, AT, List.of(), indexes, "", 0, 0));
        assertEquals(accepted, problems.isEmpty(), problems.toString());
    }

    @ParameterizedTest(name = "index name of {0} characters: {1}")
    @CsvSource({"2, false", "3, true", "255, true", "256, false"})
    void indexNamesAreThreeTo255Characters(int length, boolean accepted) {
        List<String> problems = problems(
                new TableRules.Table(ID, NONE, List.of(global("i".repeat(length), 0, 0)), List.of(), "", 0, 0));
        assertEquals(accepted, problems.isEmpty(), problems.toString());
    }

    @ParameterizedTest(name = "{0} projected attributes: {1}")
    @CsvSource({"100, true", "101, false"})
    void atMostOneHundredProjectedAttributesPerTable(int count, boolean accepted) {
        List<String> attributes =
                IntStream.range(0, count).mapToObj(i -> "a" + i).toList();
        TableRules.Index first = new TableRules.Index(
                "first",
                new TableRules.Key("customer", KeyType.STRING),
                NONE,
                Projection.INCLUDE,
                attributes.subList(0, 50),
                0,
                0);
        TableRules.Index second = new TableRules.Index(
                "second",
                new TableRules.Key("customer", KeyType.STRING),
                NONE,
                Projection.INCLUDE,
                attributes.subList(50, count),
                0,
                0);
        List<String> problems = problems(new TableRules.Table(ID, NONE, List.of(first, second), List.of(), "", 0, 0));
        assertEquals(accepted, problems.isEmpty(), problems.toString());
    }

    @ParameterizedTest(name = "a global index of a provisioned table with {0}/{1} units: {2}")
    @CsvSource({"0, 0, true", "1, 1, true", "40000, 40000, true", "40001, 1, false", "1, 0, false"})
    void aGlobalIndexTakesTheTablesCapacityOrItsOwnInRange(int read, int write, boolean accepted) {
        List<String> problems = problems(
                new TableRules.Table(ID, NONE, List.of(global("by-customer", read, write)), List.of(), "", 5, 5));
        assertEquals(accepted, problems.isEmpty(), problems.toString());
    }

    @ParameterizedTest(name = "time to live on {0}: {1}")
    @CsvSource({"expiresAt, true", "at, true", "id, false"})
    void timeToLiveNeedsANumberWhereItIsAKey(String attribute, boolean accepted) {
        List<String> problems = problems(new TableRules.Table(ID, AT, List.of(), List.of(), attribute, 0, 0));
        assertEquals(accepted, problems.isEmpty(), problems.toString());
    }

    @ParameterizedTest(name = "maxReceiveCount {0}: {1}")
    @CsvSource({"0, false", "1, true", "1000, true", "1001, false"})
    void maxReceiveCountIsOneTo1000(int count, boolean accepted) {
        assertEquals(
                accepted,
                ResourceRules.queueSettings("work", false, false, "dead", count).isEmpty());
    }

    @ParameterizedTest(name = "maximumRetryAttempts {0}: {1}")
    @CsvSource({"-2, false", "-1, true", "0, true", "10000, true", "10001, false"})
    void maximumRetryAttemptsIsMinusOneOrZeroTo10000(int attempts, boolean accepted) {
        assertEquals(accepted, ResourceRules.maximumRetryAttempts(attempts).isEmpty());
    }

    @ParameterizedTest(name = "dead-letter queue fifo {0} of a queue fifo {1}: {2}")
    @CsvSource({"true, true, true", "false, false, true", "true, false, false", "false, true, false"})
    void aDeadLetterQueueIsOfItsQueuesType(boolean fifo, boolean deadLetterFifo, boolean accepted) {
        assertEquals(
                accepted,
                ServiceRules.deadLetterQueue("work", fifo, "dead", deadLetterFifo)
                        .isEmpty());
    }

    @ParameterizedTest(name = "FIFO batch of {0}: {1}")
    @CsvSource({"1, true", "10, true", "11, false"})
    void aDeclaredFifoQueueFeedsBatchesOfAtMostTen(int batchSize, boolean accepted) {
        assertEquals(accepted, QueueRules.batch("work", true, batchSize, 0).isEmpty());
        assertTrue(QueueRules.batch("work", true, batchSize, 1).isPresent(), "and with no batching window");
    }
}
