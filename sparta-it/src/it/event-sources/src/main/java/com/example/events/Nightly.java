package com.example.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.sparta.annotations.Schedule;
import io.sparta.annotations.SpartaLambda;

/** Tidies up every night, and reports at noon on working days. */
@SpartaLambda(name = "nightly", timeout = 120)
@Schedule(value = "rate(1 day)", description = "every night")
@Schedule(value = "cron(0 12 ? * MON-FRI *)", description = "weekday noon report")
public class Nightly implements RequestHandler<ScheduledEvent, String> {

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return "ran for " + event.getResources();
    }
}
