package io.sparta.core.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.AuthorizerType;
import io.sparta.api.ApiAuthorizer;
import io.sparta.api.HttpApiSettings;
import io.sparta.core.archive.PackageManifest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * TemplateJson writes and reads without an ObjectMapper, and must give the bytes and trees the ObjectMapper gave:
 * templates, manifests and settings fingerprints written by earlier releases stay byte for byte the same.
 */
class TemplateJsonTest {

    /** How TemplateJson wrote before: an ObjectMapper sorting map entries, the same pretty printer, a final newline. */
    private static final ObjectMapper JACKSON =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static byte[] jackson(Object value) throws Exception {
        byte[] json = JACKSON.writer(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")))
                .writeValueAsBytes(value);
        byte[] withNewline = Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    private static void assertSameBytes(Object value) throws Exception {
        byte[] expected = jackson(value);
        byte[] actual = TemplateJson.bytes(value);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expected, actual);
        if (value instanceof com.fasterxml.jackson.databind.JsonNode) {
            return; // a tree is its own tree; valueToTree would re-read it, normalizing decimals on the way
        }
        assertEquals(
                new String(JACKSON.writeValueAsBytes(JACKSON.valueToTree(value)), StandardCharsets.UTF_8),
                TemplateJson.compact(TemplateJson.tree(value)));
    }

    @Test
    void aTreeOfEveryNodeKindIsWrittenAsJacksonWroteIt() throws Exception {
        ObjectNode tree = TemplateJson.object();
        tree.put("int", 42).put("negative", -7).put("long", 9_000_000_000L);
        tree.put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("double", 0.5).put("wholeDouble", 2.0).put("tiny", 1.0e-9);
        tree.put("decimal", new BigDecimal("12.3400"));
        tree.put("true", true).put("false", false).putNull("null");
        tree.put("text", "quote \" backslash \\ tab \t newline \n control \u0001 unicode é ✓ 😀 </script>");
        tree.putObject("emptyObject");
        tree.putArray("emptyArray");
        tree.putObject("z-first-inserted-keeps-its-place")
                .putArray("nested")
                .add(1)
                .addObject()
                .put("a", "b");
        tree.put("a-last", "insertion order, not sorted");
        assertSameBytes(tree);
    }

    @Test
    void mapsAreSortedByKeyAndCollectionsKeepTheirOrder() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zeta", List.of("c", "a", "b"));
        map.put("alpha", new TreeMap<>(Map.of("y", 1, "x", 2L)));
        map.put("Upper", Set.of("only"));
        map.put("nothing", null);
        map.put("enum", AuthorizerType.COGNITO_USER_POOLS);
        map.put("array", new String[] {"one", "two"});
        map.put("number", 3.25);
        assertSameBytes(map);
    }

    @Test
    void httpSettingsWithEverySettingAreWrittenAsJacksonWroteThemSoFingerprintsStayTheSame() throws Exception {
        HttpApiSettings settings = new HttpApiSettings(
                "prod",
                new HttpApiSettings.Cors(
                        List.of("https://example.com"),
                        List.of("GET", "POST"),
                        List.of("Authorization"),
                        List.of("X-Trace"),
                        600,
                        true),
                new HttpApiSettings.AccessLogs(true, 90, "$context.requestId"),
                new HttpApiSettings.Throttling(12.5, 40),
                new HttpApiSettings.Domain(
                        "api.example.com", "arn:aws:acm:us-east-1:123456789012:certificate/x", "v1", "v1", "Z123"),
                "users",
                List.of(new ApiAuthorizer(
                        "users",
                        AuthorizerType.JWT,
                        "https://issuer.example.com",
                        List.of("client"),
                        List.of(),
                        "",
                        List.of("$request.header.Authorization"),
                        300,
                        true)));
        assertSameBytes(settings);
        assertSameBytes(HttpApiSettings.DEFAULTS);
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("serviceName", "orders");
        canonical.put("http", settings);
        canonical.put(
                "environments", List.of(List.of("dev", "orders-dev", false, new TreeMap<>(Map.of("A", "1")), "")));
        assertSameBytes(canonical);
    }

    @Test
    void manifestsLeaveOutWhatJsonIncludeLeavesOutAndKeepEverythingElse() throws Exception {
        PackageManifest plain = new PackageManifest(
                "orders",
                "orders-dev",
                Map.of("team", "a", "cost", "b"),
                Map.of(),
                "../orders.jar",
                "aa",
                "template.json",
                "bb",
                "cc",
                List.of(new PackageManifest.Function("Place", "acme.Orders::place", "Orders.java", "")));
        assertSameBytes(plain);
        PackageManifest.NestedTemplate nested =
                new PackageManifest.NestedTemplate("Functions1", "nested/1.json", "dd", "k");
        PackageManifest split = new PackageManifest(
                "orders",
                "orders-dev",
                Map.of(),
                Map.of("Stage", "dev"),
                "../orders.jar",
                "aa",
                "template.json",
                "bb",
                "cc",
                List.of(),
                List.of(new PackageManifest.Environment("prod", "orders-prod", true, "configuration-prod.json")),
                "ee",
                List.of(new PackageManifest.Layer("DependenciesLayerKey", "layer.zip", "ff", "gg")),
                List.of(nested),
                nested,
                Map.of("stackName", "s1"));
        assertSameBytes(split);
    }

    @Test
    void readGivesTheTreesObjectMapperReadTreeGave() throws Exception {
        String json = """
                {"a": 1, "b": 2147483648, "c": 123456789012345678901234567890, "d": 1.5, "e": 1e3, "f": "x\\u00e9",
                 "g": [true, false, null, {}, []], "a": "last wins"}
                """;
        assertEquals(JACKSON.readTree(json), TemplateJson.read(json));
        assertEquals(JACKSON.readTree(json), TemplateJson.read(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("last wins", TemplateJson.read(json).path("a").asText());
        assertEquals(JACKSON.readTree("[1] [2]"), TemplateJson.read("[1] [2]"));
        assertTrue(TemplateJson.read("").isMissingNode());
        assertTrue(TemplateJson.read("  ").isMissingNode());
    }

    @Test
    void readOneRefusesASecondValueAndReadRefusesWhatIsNotJson() throws Exception {
        assertEquals(JACKSON.readTree("{\"Statement\": []}"), TemplateJson.readOne(" {\"Statement\": []} \n"));
        JsonProcessingException trailing =
                assertThrows(JsonProcessingException.class, () -> TemplateJson.readOne("{\"a\": 1} {\"b\": 2}"));
        assertTrue(trailing.getMessage().contains("Trailing token"), trailing.getMessage());
        assertThrows(JsonProcessingException.class, () -> TemplateJson.read("{\"a\": }"));
        assertThrows(JsonProcessingException.class, () -> TemplateJson.read("{\"a\": 1"));
    }

    @Test
    void aTypeItCannotWriteIsNamedRatherThanGuessed() {
        Path path = Path.of("x");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TemplateJson.bytes(Map.of("path", path)));
        assertEquals("TemplateJson cannot write a " + path.getClass().getName(), e.getMessage());
    }
}
