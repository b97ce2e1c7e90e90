package com.example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sparta.annotations.Architecture;
import io.sparta.annotations.Env;
import io.sparta.annotations.SpartaLambda;
import java.util.Map;

/** Greets whoever the event names. */
@SpartaLambda(
        description = "Says hello",
        memory = 256,
        timeout = 10,
        architecture = Architecture.ARM64,
        logRetentionDays = 14,
        environment = {@Env(name = "GREETING", value = "Hello"), @Env(name = "STAGE", value = "${Stage}")})
public class HelloHandler implements RequestHandler<Map<String, String>, String> {

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return System.getenv("GREETING") + ", " + event.getOrDefault("name", "world") + "!";
    }
}
