package io.sparta.it;

import java.net.URI;
import java.net.http.HttpRequest;

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

    /**
     * One action of an awsJson1.1 API, as the SDK sends it: a POST to the endpoint's root naming the action in
     * {@code X-Amz-Target} (such as {@code CodePipeline_20150709.ListPipelines}), the request as a JSON body.
     */
    static HttpRequest awsJson(URI endpoint, String region, String signingName, String target, String body) {
        return HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", authorization(region, signingName))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
