package com.example.hooks;

import com.amazonaws.services.lambda.runtime.Context;
import io.sparta.annotations.SpartaLambda;

/** Lambda's Context comes from a runtime dependency, so the archive is the shaded jar. */
public class Ping {

    @SpartaLambda(name = "ping", memory = 256)
    public String ping(String in, Context context) {
        return "pong: " + in + " from " + context.getFunctionName();
    }
}
