package com.example.greeting;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Shared code the functions load from the layer. */
public final class Greeter {

    private Greeter() {}

    /** A greeting as a JSON string, quotes in the name escaped. */
    public static String greet(String name) {
        return "\"Hello, " + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
    }
}
