package io.sparta.runtime.customresource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourceResultTest {

    @Test
    void withDataReturnsACopyKeepingInsertionOrder() {
        CustomResourceResult plain = CustomResourceResult.of("orders-seed");

        CustomResourceResult result =
                plain.withData("Z", "1").withData("A", "2").withData("Z", "3").withNoEcho();

        assertEquals(Map.of(), plain.data());
        assertFalse(plain.noEcho());
        assertEquals(List.of("Z", "A"), List.copyOf(result.data().keySet()));
        assertEquals("3", result.data().get("Z"));
        assertTrue(result.noEcho());
    }

    @Test
    void refusesABlankOrTooLongPhysicalId() {
        assertEquals(
                "physicalResourceId \" \" is blank: give the resource a non-blank id of at most 1024 characters",
                assertThrows(IllegalArgumentException.class, () -> CustomResourceResult.of(" "))
                        .getMessage());
        String tooLong = "x".repeat(1025);
        assertEquals(
                "physicalResourceId \"" + tooLong + "\" is 1025 characters, CloudFormation accepts at most 1024",
                assertThrows(IllegalArgumentException.class, () -> CustomResourceResult.of(tooLong))
                        .getMessage());
        assertEquals(
                1024,
                CustomResourceResult.of("x".repeat(1024)).physicalResourceId().length());
    }
}
