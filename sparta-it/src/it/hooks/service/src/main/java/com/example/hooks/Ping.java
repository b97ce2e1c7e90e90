package com.example.hooks;

import io.sparta.annotations.SpartaLambda;

/** No dependencies at run time, so the plain jar is the archive. */
public class Ping {

    @SpartaLambda(name = "ping", memory = 256)
    public String ping(String in) {
        return "pong: " + in;
    }
}
