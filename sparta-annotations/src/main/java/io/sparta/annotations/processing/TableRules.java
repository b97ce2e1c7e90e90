package io.sparta.annotations.processing;

import io.sparta.annotations.KeyType;
import io.sparta.annotations.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What DynamoDB accepts of a table's keys, secondary indexes, time to live and capacity, taking plain values: the
 * processor and {@code package} read them from {@code @DynamoTable}, the model validator from a model a hook
 * returned. See <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html">Quotas
 * in Amazon DynamoDB</a>.
 */
public final class TableRules {

    public static final int GLOBAL_INDEXES_MAX = 20;
    public static final int LOCAL_INDEXES_MAX = 5;
    /** Non-key attributes projected into all of a table's indexes together. */
    public static final int PROJECTED_ATTRIBUTES_MAX = 100;
    /** The default per-table quota of read, and of write, capacity units. */
    public static final int CAPACITY_MAX = 40_000;

    private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private TableRules() {}

    /** A key attribute: its name and type. An empty name is no key. */
    public record Key(String attribute, KeyType type) {
        boolean present() {
            return !attribute.isEmpty();
        }
    }

    /** One secondary index as declared. */
    public record Index(
            String name,
            Key partitionKey,
            Key sortKey,
            Projection projection,
            List<String> nonKeyAttributes,
            int readCapacity,
            int writeCapacity) {
        public Index {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    /** A table as declared. */
    public record Table(
            Key partitionKey,
            Key sortKey,
            List<Index> globalIndexes,
            List<Index> localIndexes,
            String timeToLiveAttribute,
            int readCapacity,
            int writeCapacity) {
        public Table {
            globalIndexes = List.copyOf(globalIndexes);
            localIndexes = List.copyOf(localIndexes);
        }

        /** Whether the table has provisioned capacity rather than on-demand. */
        public boolean provisioned() {
            return readCapacity > 0 || writeCapacity > 0;
        }
    }

    /** A problem of one attribute of {@code @DynamoTable}. */
    public record Problem(String attribute, String message) {}

    /** Every problem of the table, each under the {@code @DynamoTable} attribute javac points at. */
    public static List<Problem> problems(Table table) {
        List<Problem> problems = new ArrayList<>();
        capacity(table, problems);
        if (table.globalIndexes().size() > GLOBAL_INDEXES_MAX) {
            problems.add(new Problem(
                    "globalIndexes",
                    "globalIndexes declares " + table.globalIndexes().size() + " indexes; DynamoDB allows at most "
                            + GLOBAL_INDEXES_MAX + " global secondary indexes per table"));
        }
        if (table.localIndexes().size() > LOCAL_INDEXES_MAX) {
            problems.add(new Problem(
                    "localIndexes",
                    "localIndexes declares " + table.localIndexes().size() + " indexes; DynamoDB allows at most "
                            + LOCAL_INDEXES_MAX + " local secondary indexes per table"));
        }
        Set<String> names = new HashSet<>();
        int projected = 0;
        for (Index index : table.globalIndexes()) {
            globalIndex(table, index, problems);
            projected += index(index, "globalIndexes", names, problems);
        }
        for (Index index : table.localIndexes()) {
            localIndex(table, index, problems);
            projected += index(index, "localIndexes", names, problems);
        }
        if (projected > PROJECTED_ATTRIBUTES_MAX) {
            problems.add(new Problem(
                    "globalIndexes",
                    "the indexes project " + projected + " non-key attributes in all; DynamoDB allows at most "
                            + PROJECTED_ATTRIBUTES_MAX + " per table: project fewer, or use projection = ALL"));
        }
        types(table, problems);
        timeToLive(table, problems);
        return problems;
    }

    private static void capacity(Table table, List<Problem> problems) {
        capacityPair("readCapacity", table.readCapacity(), "writeCapacity", table.writeCapacity(), "", problems);
    }

    /** Provisioned capacity takes both units, each 1 to {@link #CAPACITY_MAX}; on-demand capacity neither. */
    private static void capacityPair(
            String readAttribute, int read, String writeAttribute, int write, String where, List<Problem> problems) {
        if (read < 0 || read > CAPACITY_MAX) {
            problems.add(outOfRange(readAttribute, read, writeAttribute, where));
        }
        if (write < 0 || write > CAPACITY_MAX) {
            problems.add(outOfRange(writeAttribute, write, readAttribute, where));
        }
        if ((read == 0) != (write == 0)) {
            problems.add(new Problem(
                    read == 0 ? readAttribute : writeAttribute,
                    where + readAttribute + " = " + read + " and " + writeAttribute + " = " + write
                            + ": set both (1 to " + CAPACITY_MAX
                            + ") for provisioned capacity, or neither for on-demand capacity"));
        }
    }

    private static Problem outOfRange(String attribute, int value, String other, String where) {
        return new Problem(
                attribute,
                where + attribute + " = " + value + " is out of range; allowed 1 to " + CAPACITY_MAX
                        + " (capacity units), or 0 with " + other + " = 0 for on-demand capacity");
    }

    private static void globalIndex(Table table, Index index, List<Problem> problems) {
        String where = "global index \"" + index.name() + "\": ";
        if (!index.partitionKey().present()) {
            problems.add(new Problem(
                    "globalIndexes",
                    where + "partitionKey is empty; a global index needs a partition key of its own, such as"
                            + " partitionKey = \"customerId\""));
        }
        if (index.readCapacity() != 0 || index.writeCapacity() != 0) {
            if (!table.provisioned()) {
                problems.add(new Problem(
                        "globalIndexes",
                        where + "readCapacity = " + index.readCapacity() + ", writeCapacity = "
                                + index.writeCapacity() + " on a table with on-demand capacity, which has no"
                                + " capacity units to set; remove them, or give the table readCapacity and"
                                + " writeCapacity"));
            } else {
                List<Problem> found = new ArrayList<>();
                capacityPair(
                        "readCapacity", index.readCapacity(), "writeCapacity", index.writeCapacity(), where, found);
                found.forEach(problem -> problems.add(new Problem("globalIndexes", problem.message())));
            }
        }
    }

    private static void localIndex(Table table, Index index, List<Problem> problems) {
        String where = "local index \"" + index.name() + "\": ";
        if (!table.sortKey().present()) {
            problems.add(new Problem(
                    "localIndexes",
                    where + "the table has no sortKey, and DynamoDB creates local indexes only on a table with a"
                            + " partition and a sort key; give the table a sortKey, or make this a global index"
                            + " (globalIndexes) with partitionKey = \""
                            + table.partitionKey().attribute() + "\""));
        }
        if (index.partitionKey().present()
                && !index.partitionKey().attribute().equals(table.partitionKey().attribute())) {
            problems.add(new Problem(
                    "localIndexes",
                    where + "partitionKey = \"" + index.partitionKey().attribute() + "\", but a local index shares"
                            + " the table's partition key \""
                            + table.partitionKey().attribute() + "\"; leave"
                            + " partitionKey empty, or make this a global index (globalIndexes)"));
        }
        if (!index.sortKey().present()) {
            problems.add(new Problem(
                    "localIndexes",
                    where + "sortKey is empty; a local index sorts by an attribute other than the table's sort"
                            + " key, such as sortKey = \"status\""));
        } else if (index.sortKey().attribute().equals(table.sortKey().attribute())) {
            problems.add(new Problem(
                    "localIndexes",
                    where + "sortKey = \"" + index.sortKey().attribute() + "\" is the table's own sort key, so the"
                            + " index would order items as the table does; sort by another attribute"));
        }
        if (index.readCapacity() != 0 || index.writeCapacity() != 0) {
            problems.add(new Problem(
                    "localIndexes",
                    where + "readCapacity and writeCapacity are for global indexes; a local index uses the"
                            + " table's capacity: remove them"));
        }
    }

    /** @return how many non-key attributes the index projects */
    private static int index(Index index, String attribute, Set<String> names, List<Problem> problems) {
        String where = "index \"" + index.name() + "\": ";
        if (!INDEX_NAME.matcher(index.name()).matches()) {
            problems.add(new Problem(
                    attribute,
                    "index name = \"" + index.name() + "\" must be 3 to 255 of letters, digits, '_', '-' and '.'"));
        }
        if (!names.add(index.name())) {
            problems.add(new Problem(
                    attribute,
                    where + "the name is declared twice; index names are unique in a table, global and local"
                            + " together"));
        }
        for (Key key : List.of(index.partitionKey(), index.sortKey())) {
            if (key.present()) {
                ResourceRules.keyAttribute("key", key.attribute())
                        .ifPresent(message -> problems.add(new Problem(attribute, where + message)));
            }
        }
        if (index.projection() == Projection.INCLUDE && index.nonKeyAttributes().isEmpty()) {
            problems.add(new Problem(
                    attribute,
                    where + "projection = INCLUDE names no nonKeyAttributes; list the attributes to copy, or use"
                            + " KEYS_ONLY"));
        }
        if (index.projection() != Projection.INCLUDE
                && !index.nonKeyAttributes().isEmpty()) {
            problems.add(new Problem(
                    attribute,
                    where + "nonKeyAttributes are set with projection = " + index.projection() + "; DynamoDB reads"
                            + " them with projection = INCLUDE only: set that, or remove them"));
        }
        if (new HashSet<>(index.nonKeyAttributes()).size()
                != index.nonKeyAttributes().size()) {
            problems.add(new Problem(attribute, where + "nonKeyAttributes names an attribute twice"));
        }
        return index.projection() == Projection.INCLUDE
                ? index.nonKeyAttributes().size()
                : 0;
    }

    /** DynamoDB keeps one type per attribute: a key of the table and of an index must agree. */
    private static void types(Table table, List<Problem> problems) {
        Map<String, KeyType> types = new LinkedHashMap<>();
        List<Map.Entry<String, Key>> keys = new ArrayList<>();
        keys.add(Map.entry("partitionKey", table.partitionKey()));
        keys.add(Map.entry("sortKey", table.sortKey()));
        for (Index index : table.globalIndexes()) {
            keys.add(Map.entry("globalIndexes", index.partitionKey()));
            keys.add(Map.entry("globalIndexes", index.sortKey()));
        }
        for (Index index : table.localIndexes()) {
            keys.add(Map.entry("localIndexes", index.sortKey()));
        }
        for (Map.Entry<String, Key> entry : keys) {
            Key key = entry.getValue();
            if (!key.present()) {
                continue;
            }
            KeyType earlier = types.putIfAbsent(key.attribute(), key.type());
            if (earlier != null && earlier != key.type()) {
                problems.add(new Problem(
                        entry.getKey(),
                        "attribute \"" + key.attribute() + "\" is a key of type " + earlier + " and of type "
                                + key.type() + "; DynamoDB keeps one type per attribute: declare it with one type"
                                + " everywhere"));
            }
        }
    }

    private static void timeToLive(Table table, List<Problem> problems) {
        String attribute = table.timeToLiveAttribute();
        if (attribute.isEmpty()) {
            return;
        }
        Optional<String> length = ResourceRules.keyAttribute("timeToLiveAttribute", attribute);
        length.ifPresent(message -> problems.add(new Problem("timeToLiveAttribute", message)));
        for (Key key : List.of(table.partitionKey(), table.sortKey())) {
            if (key.attribute().equals(attribute) && key.type() != KeyType.NUMBER) {
                problems.add(new Problem(
                        "timeToLiveAttribute",
                        "timeToLiveAttribute = \"" + attribute + "\" is a key of type " + key.type()
                                + ", but DynamoDB expires only items whose time-to-live attribute is a Number"
                                + " (seconds since the epoch) and ignores the others: name a Number attribute"));
            }
        }
    }
}
