package io.sparta.annotations;

/** The types DynamoDB allows for key attributes. */
public enum KeyType {
    STRING("S"),
    NUMBER("N"),
    BINARY("B");

    private final String code;

    KeyType(String code) {
        this.code = code;
    }

    /** DynamoDB's attribute type code: S, N or B. */
    public String code() {
        return code;
    }
}
