#if( $starter == "http" )
package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerTest {

    @Test
    void greetsTheNameInThePath() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /hello/{name}")
                .withPathParameters(Map.of("name", "Ada"))
                .build();

        // The handler does not read its Context.
        APIGatewayV2HTTPResponse response = new Handler().handleRequest(event, null);

        assertEquals(200, response.getStatusCode());
        assertEquals("Hello, Ada!", response.getBody());
    }
}
#elseif( $starter == "queue" )
package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerTest {

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }

    @Test
    void reportsOnlyTheMessageThatFailed() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("1", "{\"order\":42}"), message("2", "")));

        // The handler does not read its Context.
        SQSBatchResponse response = new Handler().handleRequest(event, null);

        assertEquals(1, response.getBatchItemFailures().size());
        assertEquals("2", response.getBatchItemFailures().get(0).getItemIdentifier());
    }
}
#else
package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

class HandlerTest {

    @Test
    void reportsTheScheduledTime() {
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(2026, 1, 1, 0, 0, DateTimeZone.UTC));

        // The handler does not read its Context.
        assertEquals("ran at 2026-01-01T00:00:00.000Z", new Handler().handleRequest(event, null));
    }
}
#end
