package io.sparta.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The managed artifact bucket's lifecycle, read from its template: moto's CloudFormation does not apply a bucket's
 * LifecycleConfiguration, so it cannot be shown there (cfn-lint checks its schema in ServiceTemplateTest).
 */
class ArtifactBucketTemplateTest {

    @Test
    void incompleteMultipartUploadsAreAbortedAfterAWeekAndNothingElseExpires() {
        JsonNode rules =
                ArtifactBucketTemplate.marshal().at("/Resources/Bucket/Properties/LifecycleConfiguration/Rules");
        assertEquals(1, rules.size(), rules.toString());
        JsonNode rule = rules.get(0);
        assertEquals("Enabled", rule.path("Status").asText());
        assertEquals(
                7,
                rule.at("/AbortIncompleteMultipartUpload/DaysAfterInitiation").asInt());
        // Objects themselves are removed by pruning, which knows what stacks still need; no age-based expiry.
        assertEquals(List.of("AbortIncompleteMultipartUpload", "Id", "Status"), fieldNames(rule));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        return names;
    }
}
