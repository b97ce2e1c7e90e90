package io.sparta.runtime.customresource;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer CloudFormation reads from the pre-signed {@code ResponseURL}, as the JSON body
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">Custom resource
 * response objects</a> describes:
 *
 * <pre>{@code
 * {"Status":"SUCCESS","Reason":"...","PhysicalResourceId":"...","StackId":"...","RequestId":"...",
 *  "LogicalResourceId":"...","NoEcho":true,"Data":{"Key":"value"}}
 * }</pre>
 *
 * <p>{@code Reason} is written when there is one, {@code NoEcho} only when true and {@code Data} only when not empty.
 * CloudFormation accepts at most {@value #MAX_BYTES} bytes: {@link #fitted()} makes any response fit.
 *
 * @param status {@link #SUCCESS} or {@link #FAILED}
 * @param reason why it failed, which the stack events show; required when FAILED, may be null when SUCCESS
 * @param physicalResourceId the resource's id, which CloudFormation sends back on Update and Delete
 * @param stackId echoed from the request
 * @param requestId echoed from the request
 * @param logicalResourceId echoed from the request
 * @param noEcho whether CloudFormation masks the data in {@code Fn::GetAtt} output
 * @param data what {@code Fn::GetAtt} reads, in insertion order; an unmodifiable copy
 */
public record CustomResourceResponse(
        String status,
        String reason,
        String physicalResourceId,
        String stackId,
        String requestId,
        String logicalResourceId,
        boolean noEcho,
        Map<String, String> data) {

    /** The largest body CloudFormation accepts, in bytes of UTF-8. */
    public static final int MAX_BYTES = 4096;

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    private static final String ELLIPSIS = "...";

    /** @throws IllegalArgumentException for a status other than SUCCESS and FAILED, or a FAILED without reason */
    public CustomResourceResponse {
        if (!SUCCESS.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status \"" + status + "\" is neither " + SUCCESS + " nor " + FAILED);
        }
        if (FAILED.equals(status) && (reason == null || reason.isEmpty())) {
            throw new IllegalArgumentException("a " + FAILED + " response needs a reason, which the stack events show");
        }
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The SUCCESS answer to {@code request}, with the result's physical id, data and NoEcho. */
    public static CustomResourceResponse success(CustomResourceRequest request, CustomResourceResult result) {
        return new CustomResourceResponse(
                SUCCESS,
                null,
                result.physicalResourceId(),
                request.stackId(),
                request.requestId(),
                request.logicalResourceId(),
                result.noEcho(),
                result.data());
    }

    /** The FAILED answer to {@code request}: {@code physicalResourceId} is what CloudFormation keeps for it. */
    public static CustomResourceResponse failure(
            CustomResourceRequest request, String physicalResourceId, String reason) {
        return failure(request.stackId(), request.requestId(), request.logicalResourceId(), physicalResourceId, reason);
    }

    /** The FAILED answer to a request known only by its ids, such as one whose RequestType is unknown. */
    public static CustomResourceResponse failure(
            String stackId, String requestId, String logicalResourceId, String physicalResourceId, String reason) {
        return new CustomResourceResponse(
                FAILED, reason, physicalResourceId, stackId, requestId, logicalResourceId, false, Map.of());
    }

    /** The body to PUT: compact JSON, keys in the order the protocol page lists them. */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        member(json, "Status").append(string(status));
        if (reason != null) {
            member(json.append(','), "Reason").append(string(reason));
        }
        member(json.append(','), "PhysicalResourceId").append(string(physicalResourceId));
        member(json.append(','), "StackId").append(string(stackId));
        member(json.append(','), "RequestId").append(string(requestId));
        member(json.append(','), "LogicalResourceId").append(string(logicalResourceId));
        if (noEcho) {
            member(json.append(','), "NoEcho").append("true");
        }
        if (!data.isEmpty()) {
            member(json.append(','), "Data").append('{');
            boolean first = true;
            for (Map.Entry<String, String> entry : data.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                member(json, entry.getKey()).append(string(entry.getValue()));
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** {@link #toJson()} in UTF-8, the bytes that are sent. */
    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * This response if its body fits in {@value #MAX_BYTES} bytes; otherwise one that does. A SUCCESS too large
     * becomes FAILED, naming its size and its data keys, since CloudFormation would refuse it and leave the stack
     * waiting; a FAILED too large keeps its reason's beginning, ending with "...".
     */
    public CustomResourceResponse fitted() {
        int size = toBytes().length;
        if (size <= MAX_BYTES) {
            return this;
        }
        if (SUCCESS.equals(status)) {
            // The physical id stays: a created resource must be named for the Delete that the rollback sends.
            return failure(
                            stackId,
                            requestId,
                            logicalResourceId,
                            physicalResourceId,
                            "the response is " + size + " bytes, CloudFormation accepts at most " + MAX_BYTES
                                    + ": return less data (keys: " + String.join(", ", data.keySet()) + ")")
                    .fitted();
        }
        return withReasonTrimmed();
    }

    /**
     * The longest beginning of the reason, in whole code points, that fits with "..." after it (just "..." if the ids
     * alone fill the body, which CloudFormation's own limits on them rule out).
     */
    private CustomResourceResponse withReasonTrimmed() {
        int low = 0;
        int high = reason.codePointCount(0, reason.length());
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (failingWith(beginning(middle)).fits()) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return failingWith(beginning(low));
    }

    private String beginning(int codePoints) {
        return reason.substring(0, reason.offsetByCodePoints(0, codePoints)) + ELLIPSIS;
    }

    private CustomResourceResponse failingWith(String trimmed) {
        // Data means nothing to a FAILED answer, so it goes before any of the reason does.
        return new CustomResourceResponse(
                FAILED, trimmed, physicalResourceId, stackId, requestId, logicalResourceId, false, Map.of());
    }

    private boolean fits() {
        return toBytes().length <= MAX_BYTES;
    }

    private static StringBuilder member(StringBuilder json, String name) {
        return json.append(string(name)).append(':');
    }

    /**
     * A JSON string per RFC 8259: quote, backslash and control characters escaped, everything else as is (the body
     * is UTF-8). Written by hand because sparta-runtime ships in function jars and so takes no dependency.
     */
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
