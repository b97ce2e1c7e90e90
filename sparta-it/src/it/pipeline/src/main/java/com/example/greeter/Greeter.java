package com.example.greeter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sparta.annotations.Env;
import io.sparta.annotations.SpartaLambda;
import java.util.Map;

/** Greets in each environment's own words: GREETING and STAGE come from the environment it is deployed to. */
@SpartaLambda(name = "greeter", memory = 256, timeout = 10, environment = @Env(name = "STAGE", value = "${Stage}"))
public class Greeter implements RequestHandler<Map<String, String>, String> {

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return System.getenv("GREETING") + ", " + event.getOrDefault("name", "world") + " (" + System.getenv("STAGE")
                + ")";
    }
}
