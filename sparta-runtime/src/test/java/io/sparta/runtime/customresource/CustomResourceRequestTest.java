package io.sparta.runtime.customresource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed view of a request's properties, and the reasons it gives when the template does not fit it. */
class CustomResourceRequestTest {

    private static CustomResourceRequest update(Map<String, Object> properties, Map<String, Object> old) {
        return new CustomResourceRequest(
                RequestType.UPDATE,
                "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/1",
                "r-1",
                "SeedResource",
                "orders-seed",
                "Custom::TableSeed",
                properties,
                old);
    }

    private static final Map<String, Object> PROPERTIES =
            Map.of("TableName", "orders", "Ids", List.of("a", "b"), "Empty", "", "Nested", Map.of("k", "v"));

    @Test
    void readsStringAndListProperties() {
        CustomResourceRequest request = update(PROPERTIES, Map.of("TableName", "legacy"));

        assertEquals("orders", request.property("TableName"));
        assertEquals(Optional.of("orders"), request.optionalProperty("TableName"));
        assertEquals(Optional.empty(), request.optionalProperty("Absent"));
        assertEquals(Optional.of(""), request.optionalProperty("Empty"));
        assertEquals(List.of("a", "b"), request.listProperty("Ids"));
        assertEquals(List.of(), request.listProperty("Absent"));
        assertEquals("legacy", request.oldProperty("TableName"));
        assertEquals(Optional.empty(), request.optionalOldProperty("Ids"));
    }

    @Test
    void namesThePropertyTheResourceAndWhatIsWrong() {
        CustomResourceRequest request = update(PROPERTIES, Map.of());

        assertEquals(
                "SeedResource (Custom::TableSeed): no property Bucket; it has Empty, Ids, Nested, TableName",
                assertThrows(CustomResourceException.class, () -> request.property("Bucket"))
                        .getMessage());
        assertEquals(
                "SeedResource (Custom::TableSeed): property Empty must be a string; it is empty",
                assertThrows(CustomResourceException.class, () -> request.property("Empty"))
                        .getMessage());
        assertEquals(
                "SeedResource (Custom::TableSeed): property Ids must be a string; it is a list",
                assertThrows(CustomResourceException.class, () -> request.optionalProperty("Ids"))
                        .getMessage());
        assertEquals(
                "SeedResource (Custom::TableSeed): property TableName must be a list of strings; it is a String",
                assertThrows(CustomResourceException.class, () -> request.listProperty("TableName"))
                        .getMessage());
        assertEquals(
                "SeedResource (Custom::TableSeed): property Nested must be a string; it is an object",
                assertThrows(CustomResourceException.class, () -> request.property("Nested"))
                        .getMessage());
        assertEquals(
                "SeedResource (Custom::TableSeed): no property TableName before this update; it had none",
                assertThrows(CustomResourceException.class, () -> request.oldProperty("TableName"))
                        .getMessage());
    }

    @Test
    void aListWithANonStringElementIsRefused() {
        CustomResourceRequest request = update(Map.of("Ids", List.of("a", Map.of())), Map.of());

        assertEquals(
                "SeedResource (Custom::TableSeed): property Ids must be a list of strings; one of its elements is an"
                        + " object",
                assertThrows(CustomResourceException.class, () -> request.listProperty("Ids"))
                        .getMessage());
    }

    @Test
    void keepsUnmodifiableCopiesInTheTemplatesOrder() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Z", "1");
        properties.put("A", "2");
        CustomResourceRequest request = update(properties, null);
        properties.put("B", "3");

        assertEquals(List.of("Z", "A"), List.copyOf(request.properties().keySet()));
        assertEquals(Map.of(), request.oldProperties());
        assertThrows(
                UnsupportedOperationException.class, () -> request.properties().put("C", "4"));
    }

    @Test
    void requestTypesAreReadAsCloudFormationWritesThem() {
        assertEquals(RequestType.CREATE, RequestType.of("Create"));
        assertEquals("Delete", RequestType.DELETE.wireName());
        assertEquals(
                "RequestType \"create\" is none of Create, Update, Delete",
                assertThrows(IllegalArgumentException.class, () -> RequestType.of("create"))
                        .getMessage());
    }
}
