package io.sparta.annotations;

/** The two kinds of API Gateway API a service can have; each is created once routes use it. */
public enum ApiKind {
    /** An HTTP API (API Gateway v2), payload format 2.0: cheaper and faster, the right default. */
    HTTP,
    /** A REST API (API Gateway v1) with Lambda proxy integration, for features only REST APIs have. */
    REST
}
