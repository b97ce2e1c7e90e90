package io.sparta.core.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.SpartaUserException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges decorators' fragments into the template, remembering who set what, so that two sources setting one
 * key to different values fail with both names instead of one silently winning.
 */
final class TemplateMerger {

    static final String SPARTA = "Sparta";

    private final ObjectNode template;
    private final Map<String, String> owners = new HashMap<>();

    TemplateMerger(ObjectNode template) {
        this.template = template;
        owners.put("", SPARTA);
    }

    void merge(ObjectNode fragment, String source) throws SpartaUserException {
        merge(template, fragment, "", source);
    }

    /** Every resource must end with a type; one a fragment only added properties to has none. */
    void requireTypes() throws SpartaUserException {
        JsonNode resources = template.path("Resources");
        for (Iterator<String> ids = resources.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (!resources.get(id).hasNonNull("Type")) {
                throw new SpartaUserException("Resource " + id + " has no Type: " + owner("/Resources/" + id)
                        + " set properties on a resource that no one declares");
            }
        }
    }

    private void merge(ObjectNode target, ObjectNode addition, String path, String source) throws SpartaUserException {
        for (Iterator<Map.Entry<String, JsonNode>> fields = addition.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String childPath = path + "/" + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                target.set(field.getKey(), field.getValue().deepCopy());
                owners.put(childPath, source);
            } else if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), childPath, source);
            } else if (!existing.equals(field.getValue())) {
                throw new SpartaUserException(
                        childPath.substring(1) + " is set to " + existing + " by " + owner(childPath) + " and to "
                                + field.getValue() + " by " + source + "; make them agree or drop one");
            }
        }
    }

    private String owner(String path) {
        String current = path;
        while (!owners.containsKey(current)) {
            current = current.substring(0, current.lastIndexOf('/'));
        }
        return owners.get(current);
    }
}
