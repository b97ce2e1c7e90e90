package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.workflow.StackWorkflows;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints a deployed function's CloudWatch log events, or follows them: {@code mvn sparta:logs -Dsparta.function=NAME}. */
@Mojo(name = "logs", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class LogsMojo extends AbstractStackMojo {

    /** The function whose logs to print, by its name in the service. */
    @Parameter(property = "sparta.function", required = true)
    String function;

    /** How far back to start, as an ISO-8601 duration without the leading PT: 10m, 2h, 90s. */
    @Parameter(property = "sparta.since", defaultValue = "10m")
    String since;

    /** Keep printing new events until interrupted. */
    @Parameter(property = "sparta.follow", defaultValue = "false")
    boolean follow;

    /** A CloudWatch Logs filter pattern, such as {@code ERROR}. */
    @Parameter(property = "sparta.filter")
    String filter;

    @Override
    void run(Console console) throws SpartaUserException {
        new StackWorkflows(console).logs(awsTarget(), targetStackName(), function, sinceDuration(), filter, follow);
    }

    private Duration sinceDuration() throws SpartaUserException {
        try {
            Duration duration = Duration.parse("PT" + since.trim().toUpperCase(java.util.Locale.ROOT));
            if (duration.isNegative() || duration.isZero()) {
                throw new DateTimeParseException("not positive", since, 0);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new SpartaUserException("-Dsparta.since=" + since + " is not a duration such as 10m, 2h or 90s");
        }
    }
}
