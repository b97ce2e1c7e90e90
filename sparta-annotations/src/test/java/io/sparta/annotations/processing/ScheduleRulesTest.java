package io.sparta.annotations.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rate(1 minute)",
                "rate(5 minutes)",
                "rate(1 hour)",
                "rate(12 hours)",
                "rate(1 day)",
                "cron(0 12 * * ? *)",
                "cron(15 10 ? * MON-FRI *)",
                "cron(0/15 * * * ? *)",
                "cron(0 8 1 * ? 2027)",
                "cron(0 18 ? * 6L *)",
                "cron(0 9 ? * 2#1 *)",
                "cron(30 7 L * ? *)"
            })
    void acceptsWhatEventBridgeAccepts(String expression) {
        assertEquals(Optional.empty(), ScheduleRules.expression(expression));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rate(1 minutes)|must say 1 minute: EventBridge wants the singular unit for 1 and the plural otherwise",
                "rate(5 minute)|must say 5 minutes: EventBridge wants the singular unit for 1 and the plural otherwise",
                "rate(0 minutes)|needs a rate of at least 1",
                "rate(5 weeks)|is neither rate(N unit) nor cron(minutes hours day-of-month month day-of-week year)",
                "cron(0 12 * * * *)|needs '?' in exactly one of day-of-month and day-of-week",
                "cron(0 12 ? * ? *)|needs '?' in exactly one of day-of-month and day-of-week",
                "cron(0 12 * *)|has 4 fields; cron takes 6: minutes hours day-of-month month day-of-week year",
                "cron(60 12 * * ? *)|has minutes 60; allowed 0 to 59",
                "cron(0 24 * * ? *)|has hours 24; allowed 0 to 23",
                "cron(0 12 ? 13 MON *)|has month 13; allowed 1 to 12",
                "cron(0 12 ? * MON% *)|has day-of-week 'MON%', which that field cannot hold",
                "every 5 minutes|is neither rate(N unit) nor cron(minutes hours day-of-month month day-of-week year)"
            })
    void explainsWhatIsWrong(String expression, String problem) {
        assertEquals(Optional.of("schedule \"" + expression + "\" " + problem), ScheduleRules.expression(expression));
    }

    @ParameterizedTest
    @CsvSource({
        "at(2027-01-01T09:30:00), true",
        "rate(5 minutes), true",
        "cron(0 9 ? * MON-FRI *), true",
        "at(2027-01-01 09:30:00), false",
        "at(2027-01-01T09:30), false",
        "at(2027-13-01T09:30:00), false",
        "every hour, false"
    })
    void schedulerExpressionsAddOneTimeSchedules(String expression, boolean accepted) {
        assertEquals(
                accepted,
                ScheduleRules.schedulerExpression(expression).isEmpty(),
                ScheduleRules.schedulerExpression(expression).toString());
    }

    @ParameterizedTest
    @CsvSource({
        "'', true",
        "UTC, true",
        "Europe/Berlin, true",
        "America/Argentina/Buenos_Aires, true",
        "Etc/GMT+5, true",
        "Berlin time, false",
        "/Berlin, false"
    })
    void timeZonesAreIanaNames(String timezone, boolean accepted) {
        assertEquals(accepted, ScheduleRules.timezone(timezone).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, true", "1440, true", "1441, false", "-1, false"})
    void flexibleWindowsAreZeroOrUpToADay(int minutes, boolean accepted) {
        assertEquals(accepted, ScheduleRules.flexibleWindow(minutes).isEmpty());
    }
}
