package io.sparta.runtime.customresource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON body, read back with Jackson, and its fitting into CloudFormation's 4,096 bytes. */
class CustomResourceResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/5a1b2c3d-0000-4000-8000-00000000aaaa";

    private static CustomResourceResponse failure(String reason) {
        return CustomResourceResponse.failure(
                STACK_ID, "d6b5a5e4-1111-4111-8111-000000000001", "SeedResource", "orders-seed", reason);
    }

    @Test
    void writesTheProtocolsKeysInItsOrderCompactly() {
        CustomResourceResponse response = new CustomResourceResponse(
                "SUCCESS", "made", "orders-seed", STACK_ID, "r-1", "SeedResource", true, Map.of("Key", "value"));

        assertEquals(
                "{\"Status\":\"SUCCESS\",\"Reason\":\"made\",\"PhysicalResourceId\":\"orders-seed\",\"StackId\":\""
                        + STACK_ID
                        + "\",\"RequestId\":\"r-1\",\"LogicalResourceId\":\"SeedResource\",\"NoEcho\":true,"
                        + "\"Data\":{\"Key\":\"value\"}}",
                response.toJson());
    }

    @Test
    void leavesOutNoEchoWhenFalseAndDataWhenEmpty() {
        assertEquals(
                "{\"Status\":\"FAILED\",\"Reason\":\"no\",\"PhysicalResourceId\":\"orders-seed\",\"StackId\":\""
                        + STACK_ID + "\",\"RequestId\":\"d6b5a5e4-1111-4111-8111-000000000001\","
                        + "\"LogicalResourceId\":\"SeedResource\"}",
                failure("no").toJson());
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndKeepsNonAsciiAsUtf8() throws Exception {
        String tricky = "say \"hi\" C:\\temp\nline\ttab\r\b\f\u0001\u001f end – ünïcödé 日本 😀 \u2028";
        CustomResourceResponse response = new CustomResourceResponse(
                "SUCCESS", tricky, "id", STACK_ID, "r-1", "SeedResource", false, Map.of("K\"ey\\", tricky));

        String json = response.toJson();
        JsonNode read = JSON.readTree(response.toBytes());

        assertEquals(tricky, read.get("Reason").asText());
        assertEquals(tricky, read.get("Data").get("K\"ey\\").asText());
        assertTrue(json.contains("\\u0001") && json.contains("\\u001f"), json);
        assertTrue(json.contains("日本 😀"), "non-ASCII is written as is, in UTF-8: " + json);
        assertEquals(json, new String(response.toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aTenThousandCharacterReasonIsCutSoTheWholeBodyFits() throws Exception {
        String reason = "x".repeat(9_990) + "0123456789";

        CustomResourceResponse fitted = failure(reason).fitted();

        byte[] body = fitted.toBytes();
        assertTrue(body.length <= CustomResourceResponse.MAX_BYTES, body.length + " bytes");
        assertTrue(body.length > CustomResourceResponse.MAX_BYTES - 4, "as much of the reason as fits: " + body.length);
        String read = JSON.readTree(body).get("Reason").asText();
        assertTrue(read.endsWith("x..."), read.substring(read.length() - 10));
        assertTrue(reason.startsWith(read.substring(0, read.length() - 3)));
    }

    @Test
    void cuttingAReasonNeverSplitsACharacterOrAnEscape() throws Exception {
        String reason = "😀\"".repeat(3_000);

        byte[] body = failure(reason).fitted().toBytes();

        assertTrue(body.length <= CustomResourceResponse.MAX_BYTES, body.length + " bytes");
        String read = JSON.readTree(body).get("Reason").asText();
        assertTrue(read.endsWith("..."));
        assertTrue(reason.startsWith(read.substring(0, read.length() - 3)), "whole code points and escapes only");
    }

    @Test
    void aSuccessThatFitsIsKeptAsItIs() {
        CustomResourceResponse response = new CustomResourceResponse(
                "SUCCESS", null, "id", STACK_ID, "r-1", "SeedResource", false, Map.of("Key", "x".repeat(3_000)));

        assertSame(response, response.fitted());
    }

    @Test
    void aSuccessTooLargeBecomesAFailureNamingItsSizeAndKeys() throws Exception {
        CustomResourceResponse response = new CustomResourceResponse(
                "SUCCESS", null, "id", STACK_ID, "r-1", "SeedResource", true, Map.of("Big", "x".repeat(4_000)));
        int size = response.toBytes().length;

        CustomResourceResponse fitted = response.fitted();

        assertEquals("FAILED", fitted.status());
        assertEquals(
                "the response is " + size + " bytes, CloudFormation accepts at most 4096: return less data (keys:"
                        + " Big)",
                fitted.reason());
        assertEquals("id", fitted.physicalResourceId());
        assertEquals(Map.of(), fitted.data());
        assertEquals(false, fitted.noEcho());
    }

    @Test
    void refusesAnUnknownStatusAndAFailureWithoutReason() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new CustomResourceResponse("OK", null, "id", STACK_ID, "r-1", "L", false, Map.of()));
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class, () -> failure(""));
        assertEquals("a FAILED response needs a reason, which the stack events show", noReason.getMessage());
    }
}
