#if( $starter == "http" )
package ${package};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sparta.annotations.HttpRoute;
import io.sparta.annotations.SpartaLambda;
import java.util.Map;

/** Answers {@code GET /hello/{name}} on the service's HTTP API. */
@SpartaLambda(name = "api", description = "Says hello over HTTP", memory = 512, timeout = 10)
@HttpRoute(method = "GET", path = "/hello/{name}")
public class Handler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> pathParameters = event.getPathParameters();
        String name = pathParameters == null ? "world" : pathParameters.getOrDefault("name", "world");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/plain; charset=utf-8"))
                .withBody("Hello, " + name + "!")
                .build();
    }
}
#elseif( $starter == "queue" )
package ${package};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.SqsQueue;
import io.sparta.annotations.SqsTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * Works through the messages of the service's own queue {@code work}, ten at a time. A message that fails is
 * reported back alone, so Lambda returns only it to the queue, not the whole batch.
 */
@SqsQueue(name = "work", visibilityTimeout = 180)
@SpartaLambda(name = "worker", description = "Works through the work queue", memory = 512, timeout = 30)
@SqsTrigger(queue = "work", batchSize = 10, reportBatchItemFailures = true)
public class Handler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                process(message.getBody());
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** One message's work; throw to have the message delivered again. */
    void process(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message");
        }
    }
}
#else
package ${package};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.sparta.annotations.Schedule;
import io.sparta.annotations.SpartaLambda;

/** Runs once a day, on an EventBridge schedule. */
@SpartaLambda(name = "daily", description = "Runs once a day", memory = 512, timeout = 60)
@Schedule(value = "rate(1 day)", description = "once a day")
public class Handler implements RequestHandler<ScheduledEvent, String> {

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return "ran at " + event.getTime();
    }
}
#end
