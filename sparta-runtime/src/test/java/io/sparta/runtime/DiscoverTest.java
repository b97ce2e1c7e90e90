package io.sparta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoverTest {

    private final Discover discover = Discover.from(Map.of(
            "SPARTA_TABLE_ORDERS", "shop-OrdersTable-1A2B",
            "SPARTA_QUEUE_RETRY_LATER", "https://sqs.eu-west-1.amazonaws.com/123456789012/shop-RetryLaterQueue-9"));

    @Test
    void findsAResourceByKindAndNameAsTheTemplateNamesItsVariable() {
        assertEquals("shop-OrdersTable-1A2B", discover.lookup("TABLE", "orders"));
        assertEquals(
                "https://sqs.eu-west-1.amazonaws.com/123456789012/shop-RetryLaterQueue-9",
                discover.lookup("QUEUE", "retry-later"));
    }

    @Test
    void aResourceTheFunctionWasNotGivenIsAnErrorSayingHowToGetIt() {
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> discover.lookup("BUCKET", "uploads"));
        assertEquals(
                "This function has no bucket \"uploads\": SPARTA_BUCKET_UPLOADS is not set. Grant it with"
                        + " @Grant(resource = \"uploads\") (or trigger the function from it) and package again;"
                        + " locally, set SPARTA_BUCKET_UPLOADS.",
                missing.getMessage());
    }

    @Test
    void runLocallyTheMessageNamesTheVariableToSetAndTheFlagThatReadsTheStack() {
        Discover local = Discover.from(Map.of(Discover.LOCAL_VARIABLE, "true"));

        IllegalStateException table = assertThrows(IllegalStateException.class, () -> local.lookup("TABLE", "orders"));
        assertEquals(
                "Run locally, this function has no table \"orders\": SPARTA_TABLE_ORDERS is not set. A function run locally"
                        + " reaches the resources your shell names: set SPARTA_TABLE_ORDERS to the table's name, or"
                        + " run with -Dsparta.resourcesFromStack=true to take it from the deployed function (which"
                        + " needs @Grant(resource = \"orders\") or a trigger from it, on Lambda too).",
                table.getMessage());
        IllegalStateException queue =
                assertThrows(IllegalStateException.class, () -> local.lookup("QUEUE", "work-items"));
        assertTrue(queue.getMessage().contains("set SPARTA_QUEUE_WORK_ITEMS to the queue's URL"), queue.getMessage());
    }
}
