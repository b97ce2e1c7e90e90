package io.sparta.resources;

import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client of the handlers, built once per Lambda container, on first use. */
final class S3Clients {

    private S3Clients() {}

    private static final class Holder {
        static final S3Client S3 = build();
    }

    static S3Client s3() {
        return Holder.S3;
    }

    /**
     * A client on the JDK's HTTP client (the only one the jar holds), in the region of {@code AWS_REGION}, which
     * Lambda sets (or the system property {@code aws.region}).
     *
     * <p>The endpoint is the SDK's to resolve: this SDK (2.39, {@code AwsClientEndpointProvider}) takes the system
     * properties {@code aws.endpointUrlS3} and {@code aws.endpointUrl}, then the environment's
     * {@code AWS_ENDPOINT_URL_S3} and {@code AWS_ENDPOINT_URL}, as an endpoint override. When one is set, requests use path-style addresses, since a local S3 such as moto on
     * {@code localhost} cannot answer a bucket's subdomain.
     */
    static S3Client build() {
        var builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        // Without one, the SDK's own region chain decides (profile files, instance metadata).
        SdkSystemSetting.AWS_REGION
                .getStringValue()
                .filter(region -> !region.isBlank())
                .ifPresent(region -> builder.region(Region.of(region)));
        if (endpointConfigured(System::getProperty, System.getenv())) {
            builder.forcePathStyle(true);
        }
        return builder.build();
    }

    /** Whether the SDK will take an endpoint override from these, in the SDK's own order. */
    static boolean endpointConfigured(UnaryOperator<String> systemProperties, Map<String, String> environment) {
        return set(systemProperties.apply("aws.endpointUrlS3"))
                || set(systemProperties.apply("aws.endpointUrl"))
                || set(environment.get("AWS_ENDPOINT_URL_S3"))
                || set(environment.get("AWS_ENDPOINT_URL"));
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
