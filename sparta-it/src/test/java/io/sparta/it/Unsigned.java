package io.sparta.it;

/**
 * The Authorization header of a request the tests send to an emulator without the AWS SDK (a module the pinned SDK
 * version lacks, or a protocol an emulator does not speak). moto and fakecloud route such a request by the service
 * and region of its credential scope and do not check its signature, so none is computed.
 */
final class Unsigned {

    private Unsigned() {}

    /** {@code AWS4-HMAC-SHA256 Credential=testing/20260101/REGION/SERVICE/aws4_request, …} */
    static String authorization(String region, String signingName) {
        return "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region + "/" + signingName
                + "/aws4_request, SignedHeaders=host, Signature=unsigned";
    }
}
