package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Prints a deployed function's log events, and with follow keeps printing new ones until interrupted. */
public final class LogTail {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final CloudWatchLogsClient logs;
    private final Console console;

    public LogTail(CloudWatchLogsClient logs, Console console) {
        this.logs = logs;
        this.console = console;
    }

    /** @return how many events were printed */
    public int print(String logGroup, Instant since, String filterPattern, boolean follow) throws SpartaUserException {
        long from = since.toEpochMilli();
        // Each poll starts at the newest timestamp seen; events of that same millisecond are told apart by id.
        Map<String, Long> seenAtFrom = new HashMap<>();
        int count = 0;
        do {
            long start = from;
            try {
                for (FilteredLogEvent event : logs.filterLogEventsPaginator(r -> r.logGroupName(logGroup)
                                .startTime(start)
                                .interleaved(true)
                                .filterPattern(filterPattern == null || filterPattern.isBlank() ? null : filterPattern))
                        .events()) {
                    if (seenAtFrom.putIfAbsent(event.eventId(), event.timestamp()) == null) {
                        console.info(TIME.format(Instant.ofEpochMilli(event.timestamp())) + "  " + event.logStreamName()
                                + "  " + event.message().stripTrailing());
                        count++;
                        from = Math.max(from, event.timestamp());
                    }
                }
            } catch (ResourceNotFoundException e) {
                throw new SpartaUserException(
                        "No log group " + logGroup + ": the function has not been deployed, or has" + " never run");
            }
            long newest = from;
            seenAtFrom.values().removeIf(timestamp -> timestamp < newest);
        } while (follow && pause());
        return count;
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
