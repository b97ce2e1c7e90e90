package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.runtime.customresource.CustomResourceResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer a custom resource's function sends, checked as CloudFormation reads it. */
class CustomResourceCallsTest {

    private static JsonNode event(String requestType) {
        ObjectNode event = TemplateJson.object();
        event.put("RequestType", requestType);
        event.put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/shop/1");
        event.put("RequestId", "r-1");
        event.put("LogicalResourceId", "SeedResource");
        if (!requestType.equals("Create")) {
            event.put("PhysicalResourceId", "seed-1");
        }
        return event;
    }

    private static CustomResourceCalls.Received answer(String contentType, String json) {
        return new CustomResourceCalls.Received(contentType, "PUT", json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String SUCCESS = "{\"Status\":\"SUCCESS\",\"PhysicalResourceId\":\"seed-1\","
            + "\"StackId\":\"arn:aws:cloudformation:us-east-1:123456789012:stack/shop/1\",\"RequestId\":\"r-1\","
            + "\"LogicalResourceId\":\"SeedResource\",\"Data\":{\"RowCount\":\"2\"}}";

    @Test
    void aSuccessWithDataIsRead() throws Exception {
        CustomResourceResponse response = CustomResourceCalls.check(event("Create"), List.of(answer(null, SUCCESS)));
        assertEquals("SUCCESS", response.status());
        assertEquals("seed-1", response.physicalResourceId());
        assertEquals("2", response.data().get("RowCount"));
    }

    @Test
    void noAnswerIsTheHourLongWaitCloudFormationWouldMake() {
        SpartaUserException e =
                assertThrows(SpartaUserException.class, () -> CustomResourceCalls.check(event("Create"), List.of()));
        assertTrue(e.getMessage().contains("CloudFormation would wait an hour"), e.getMessage());
    }

    @Test
    void eachBreachOfTheProtocolIsNamed() {
        String wrong = "{\"Status\":\"OK\",\"PhysicalResourceId\":\"\",\"StackId\":\"x\",\"RequestId\":\"r-2\","
                + "\"LogicalResourceId\":\"SeedResource\",\"Data\":[1]}";
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> CustomResourceCalls.check(
                        event("Create"), List.of(answer("application/json", wrong), answer(null, SUCCESS))));
        assertEquals(
                "The function's answer to Create breaks CloudFormation's protocol: answered 2 times; CloudFormation"
                        + " takes the first answer only; sent Content-Type: application/json, which the pre-signed"
                        + " URL's signature does not cover, so S3 would refuse the answer (403); send none; Status is"
                        + " \"OK\"; SUCCESS or FAILED; PhysicalResourceId is missing; 1 to 1024 characters; StackId"
                        + " is \"x\", not the request's \"arn:aws:cloudformation:us-east-1:123456789012:stack/shop/1\";"
                        + " RequestId is \"r-2\", not the request's \"r-1\"; Data is not an object",
                e.getMessage());
    }

    @Test
    void aFailedAnswerNeedsAReasonAndADeleteKeepsItsPhysicalId() {
        String failed = SUCCESS.replace("\"SUCCESS\"", "\"FAILED\"");
        assertTrue(assertThrows(
                        SpartaUserException.class,
                        () -> CustomResourceCalls.check(event("Create"), List.of(answer(null, failed))))
                .getMessage()
                .contains("a FAILED answer has no Reason"));
        String moved = SUCCESS.replace("seed-1", "seed-2");
        assertTrue(assertThrows(
                        SpartaUserException.class,
                        () -> CustomResourceCalls.check(event("Delete"), List.of(answer(null, moved))))
                .getMessage()
                .contains("a Delete answered with physical id \"seed-2\", not the request's \"seed-1\""));
    }

    @Test
    void anAnswerOverFourKilobytesIsRefused() {
        String big = SUCCESS.replace("\"2\"", "\"" + "x".repeat(CustomResourceResponse.MAX_BYTES) + "\"");
        assertTrue(assertThrows(
                        SpartaUserException.class,
                        () -> CustomResourceCalls.check(event("Create"), List.of(answer(null, big))))
                .getMessage()
                .contains("CloudFormation accepts at most 4096"));
    }

    @Test
    void requestTypesAreCloudFormationsInAnyCase() throws Exception {
        assertEquals("Update", CustomResourceCalls.requestType("update"));
        assertEquals(
                "-Dsparta.requestType=Replace is not a request type; give one of [Create, Update, Delete]",
                assertThrows(SpartaUserException.class, () -> CustomResourceCalls.requestType("Replace"))
                        .getMessage());
    }
}
