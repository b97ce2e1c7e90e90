package io.sparta.runtime.customresource;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What CloudFormation asks of a custom resource, its event's {@code RequestType}. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes.html">Custom
 * resource request types</a>.
 */
public enum RequestType {
    CREATE("Create"),
    UPDATE("Update"),
    DELETE("Delete");

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as CloudFormation writes it in the event: {@code Create}, {@code Update} or {@code Delete}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The request type CloudFormation names {@code wire}, matched exactly as CloudFormation writes it.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones, for any other value (or null)
     */
    public static RequestType of(String wire) {
        for (RequestType type : values()) {
            if (type.wireName.equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException("RequestType \"" + wire + "\" is none of " + allowed());
    }

    /** The wire names, for messages: {@code Create, Update, Delete}. */
    static String allowed() {
        return Arrays.stream(values()).map(RequestType::wireName).collect(Collectors.joining(", "));
    }
}
