package io.sparta.maven;

import io.sparta.api.HttpApiSettings.AccessLogs;

/**
 * The pom's {@code <accessLogs>} section: one line a request from the stage of each of the service's APIs, to a log
 * group the stack owns.
 *
 * <pre>{@code
 * <accessLogs>
 *   <logRetentionDays>30</logRetentionDays>
 * </accessLogs>
 * }</pre>
 */
public class AccessLogsConfiguration {

    /** How long CloudWatch Logs keeps the lines: one of the periods it accepts, or 0 for until deleted. */
    int logRetentionDays = AccessLogs.NONE.logRetentionDays();

    /** The line, with API Gateway's {@code $context} variables; Sparta's JSON line when left out. */
    String format = "";

    AccessLogs toAccessLogs() {
        return new AccessLogs(true, logRetentionDays, format == null ? "" : format.strip());
    }
}
