package io.sparta.annotations;

/** What a DynamoDB stream record carries, or no stream at all. */
public enum StreamView {
    NONE,
    KEYS_ONLY,
    NEW_IMAGE,
    OLD_IMAGE,
    NEW_AND_OLD_IMAGES
}
