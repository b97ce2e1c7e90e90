package com.example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.annotations.SpartaLambda;
import java.util.Locale;

/** A plain class whose annotated method is the handler: no interface needed. */
public class Greetings {

    @SpartaLambda(name = "shout", runtime = LambdaRuntime.JAVA17, memory = 512, timeout = 20)
    public String shout(String text, Context context) {
        return text.toUpperCase(Locale.ROOT) + "!";
    }
}
