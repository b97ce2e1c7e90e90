package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** sparta:logs against moto's CloudWatch Logs, with events this test puts there. */
class LogTailTest {

    private static final String GROUP = "/aws/lambda/orders-greet";

    @TempDir
    static Path work;

    static MotoServer moto;
    static CloudWatchLogsClient logs;

    private final RecordingConsole console = new RecordingConsole();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(PythonTools.fromSystemProperties(), work.resolve("moto.log"));
        logs = CloudWatchLogsClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName("2026/11/23/[$LATEST]a"));
    }

    @AfterAll
    static void stopMoto() {
        logs.close();
        moto.close();
    }

    private static void put(String... messages) {
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            events.add(InputLogEvent.builder()
                    .timestamp(now + i)
                    .message(messages[i])
                    .build());
        }
        logs.putLogEvents(r ->
                r.logGroupName(GROUP).logStreamName("2026/11/23/[$LATEST]a").logEvents(events));
    }

    @Test
    void printsTheEventsSinceTheStartInOrderThenFollowsNewOnes() throws Exception {
        Instant since = Instant.now().minusSeconds(60);
        put("START RequestId: 1", "greeting Ada", "END RequestId: 1");

        assertEquals(3, new LogTail(logs, console).print(GROUP, since, null, false));
        assertEquals(3, console.lines().size());
        assertTrue(
                console.lines().get(1).endsWith("  2026/11/23/[$LATEST]a  greeting Ada"),
                console.lines().get(1));

        console.lines().clear();
        Thread follower = new Thread(() -> {
            try {
                new LogTail(logs, console).print(GROUP, since, null, true);
            } catch (SpartaUserException e) {
                console.lines().add("failed: " + e.getMessage());
            }
        });
        follower.start();
        awaitLines(3);
        put("greeting Grace");
        awaitLines(4);
        follower.interrupt();
        follower.join(10_000);

        assertEquals(4, console.lines().size(), console.lines().toString());
        assertTrue(
                console.lines().get(3).endsWith("greeting Grace"),
                console.lines().toString());
    }

    @Test
    void aMissingLogGroupSaysWhy() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> new LogTail(logs, console).print("/aws/lambda/orders-never", Instant.now(), null, false));
        assertEquals(
                "No log group /aws/lambda/orders-never: the function has not been deployed, or has never run",
                e.getMessage());
    }

    private void awaitLines(int count) throws InterruptedException {
        for (int i = 0; i < 100 && console.lines().size() < count; i++) {
            Thread.sleep(100);
        }
    }
}
