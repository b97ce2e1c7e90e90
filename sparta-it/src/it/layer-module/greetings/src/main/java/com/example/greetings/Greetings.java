package com.example.greetings;

import com.example.greeting.Greeter;
import io.sparta.annotations.SpartaLambda;

public class Greetings {

    @SpartaLambda(layers = "greeting-lib")
    public String greet() {
        return Greeter.greet("layers");
    }

    /** Lists no layer, so, as on Lambda, the layer module's classes are not on its class path. */
    @SpartaLambda
    public String plain() {
        try {
            Class.forName("com.example.greeting.Greeter");
            return "greeter present";
        } catch (ClassNotFoundException e) {
            return "greeter absent";
        }
    }
}
