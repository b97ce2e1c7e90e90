package io.sparta.api;

import io.sparta.annotations.UrlAuth;

/** The function's own HTTPS endpoint, a Lambda function URL. */
public record FunctionUrlTrigger(UrlAuth auth) implements Trigger {}
