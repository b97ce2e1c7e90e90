package io.sparta.runtime.customresource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a successful Create or Update answers: the resource's physical id and the data {@code Fn::GetAtt} reads. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">Custom resource
 * response objects</a>.
 *
 * <pre>{@code
 * return CustomResourceResult.of(tableName).withData("RowCount", "42");
 * }</pre>
 *
 * @param physicalResourceId the resource's id, which CloudFormation sends back on Update and Delete: 1 to
 *     {@value #MAX_PHYSICAL_ID_LENGTH} characters, not blank
 * @param data what {@code Fn::GetAtt} reads, key to value, in insertion order; an unmodifiable copy
 * @param noEcho whether CloudFormation masks the data in {@code Fn::GetAtt} output (shown as asterisks)
 */
public record CustomResourceResult(String physicalResourceId, Map<String, String> data, boolean noEcho) {

    /** CloudFormation's limit on a physical resource id, in characters. */
    public static final int MAX_PHYSICAL_ID_LENGTH = 1024;

    /** @throws IllegalArgumentException naming the value and the limit, when the id is blank or too long */
    public CustomResourceResult {
        if (physicalResourceId == null || physicalResourceId.isBlank()) {
            throw new IllegalArgumentException(
                    "physicalResourceId \"" + physicalResourceId + "\" is blank: give the resource a non-blank id of"
                            + " at most " + MAX_PHYSICAL_ID_LENGTH + " characters");
        }
        if (physicalResourceId.length() > MAX_PHYSICAL_ID_LENGTH) {
            throw new IllegalArgumentException("physicalResourceId \"" + physicalResourceId + "\" is "
                    + physicalResourceId.length() + " characters, CloudFormation accepts at most "
                    + MAX_PHYSICAL_ID_LENGTH);
        }
        Objects.requireNonNull(data, "data");
        data.forEach((key, value) -> {
            Objects.requireNonNull(key, "a data key");
            Objects.requireNonNull(value, () -> "data \"" + key + "\"");
        });
        // LinkedHashMap, not Map.copyOf: the response keeps the order the function gave.
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * A result without data.
     *
     * @throws IllegalArgumentException when the id is blank or longer than {@value #MAX_PHYSICAL_ID_LENGTH}
     *     characters
     */
    public static CustomResourceResult of(String physicalResourceId) {
        return new CustomResourceResult(physicalResourceId, Map.of(), false);
    }

    /** A copy with {@code key} set to {@code value}, after the keys already there (replacing a same key's value). */
    public CustomResourceResult withData(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(data);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new CustomResourceResult(physicalResourceId, more, noEcho);
    }

    /** A copy whose data CloudFormation masks, for secrets such as generated passwords. */
    public CustomResourceResult withNoEcho() {
        return new CustomResourceResult(physicalResourceId, data, true);
    }
}
