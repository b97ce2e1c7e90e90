package io.sparta.annotations.processing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EventBridge's syntax for schedule expressions: rate(...) and the six-field cron(...). */
public final class ScheduleRules {

    public static final int DESCRIPTION_MAX = 512;

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final String[] FIELDS = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
    private static final Pattern[] FIELD_SYNTAX = {
        Pattern.compile("[0-9,\\-*/]+"),
        Pattern.compile("[0-9,\\-*/]+"),
        Pattern.compile("[0-9,\\-*?/LW]+"),
        Pattern.compile("[0-9A-Za-z,\\-*/]+"),
        Pattern.compile("[0-9A-Za-z,\\-*?L#]+"),
        Pattern.compile("[0-9,\\-*/]+")
    };
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    public static final int FLEXIBLE_WINDOW_MAX = 1440;
    public static final int TIMEZONE_MAX = 50;

    private static final Pattern AT = Pattern.compile("at\\((.*)\\)");
    private static final Pattern TIMEZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*");

    private ScheduleRules() {}

    /** EventBridge Scheduler's expressions: the rule's rate and cron, and the one-time {@code at(...)}. */
    public static Optional<String> schedulerExpression(String expression) {
        Matcher at = AT.matcher(expression);
        if (!at.matches()) {
            return expression(expression)
                    .map(problem -> problem.replace(
                            "is neither rate(N unit) nor cron(",
                            "is neither rate(N unit), at(yyyy-mm-ddThh:mm:ss) nor cron("));
        }
        try {
            java.time.LocalDateTime.parse(at.group(1));
            return at.group(1).length() == "yyyy-mm-ddThh:mm:ss".length()
                    ? Optional.empty()
                    : problem(expression, "needs the time as yyyy-mm-ddThh:mm:ss, such as at(2027-01-01T09:30:00)");
        } catch (java.time.format.DateTimeParseException e) {
            return problem(expression, "needs the time as yyyy-mm-ddThh:mm:ss, such as at(2027-01-01T09:30:00)");
        }
    }

    /** An IANA time zone name, or empty for UTC. */
    public static Optional<String> timezone(String timezone) {
        return timezone.isEmpty()
                        || (timezone.length() <= TIMEZONE_MAX
                                && TIMEZONE.matcher(timezone).matches())
                ? Optional.empty()
                : Optional.of("timezone = \"" + timezone + "\" is not an IANA time zone name, such as Europe/Berlin"
                        + " or America/New_York");
    }

    public static Optional<String> flexibleWindow(int minutes) {
        return minutes < 0 || minutes > FLEXIBLE_WINDOW_MAX
                ? Optional.of("flexibleWindowMinutes = " + minutes + " is out of range; allowed 0 (off) to "
                        + FLEXIBLE_WINDOW_MAX)
                : Optional.empty();
    }

    /** What is wrong with a schedule expression, or nothing. */
    public static Optional<String> expression(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            return rate(expression, Long.parseLong(rate.group(1)), rate.group(2));
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            return cron(expression, cron.group(1).trim().split("\\s+"));
        }
        return problem(
                expression, "is neither rate(N unit) nor cron(minutes hours day-of-month month day-of-week year)");
    }

    public static Optional<String> description(String description) {
        return description.length() > DESCRIPTION_MAX
                ? Optional.of("description is " + description.length() + " characters long; EventBridge allows"
                        + " at most " + DESCRIPTION_MAX)
                : Optional.empty();
    }

    private static Optional<String> rate(String expression, long value, String unit) {
        if (value < 1) {
            return problem(expression, "needs a rate of at least 1");
        }
        boolean singular = !unit.endsWith("s");
        if (singular != (value == 1)) {
            return problem(
                    expression,
                    "must say " + value + " " + (value == 1 ? unit.replaceAll("s$", "") : unit + "s")
                            + ": EventBridge wants the singular unit for 1 and the plural otherwise");
        }
        return Optional.empty();
    }

    private static Optional<String> cron(String expression, String[] fields) {
        if (fields.length != FIELDS.length) {
            return problem(expression, "has " + fields.length + " fields; cron takes 6: " + String.join(" ", FIELDS));
        }
        for (int i = 0; i < fields.length; i++) {
            if (!FIELD_SYNTAX[i].matcher(fields[i]).matches()) {
                return problem(expression, "has " + FIELDS[i] + " '" + fields[i] + "', which that field cannot hold");
            }
            Matcher number = NUMBER.matcher(fields[i]);
            while (number.find()) {
                int value = Integer.parseInt(number.group());
                boolean stepOrNth = number.start() > 0 && "/#".indexOf(fields[i].charAt(number.start() - 1)) >= 0;
                if (!stepOrNth && (value < RANGES[i][0] || value > RANGES[i][1])) {
                    return problem(
                            expression,
                            "has " + FIELDS[i] + " " + value + "; allowed " + RANGES[i][0] + " to " + RANGES[i][1]);
                }
            }
        }
        if (fields[2].equals("?") == fields[4].equals("?")) {
            return problem(expression, "needs '?' in exactly one of day-of-month and day-of-week");
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String expression, String what) {
        return Optional.of("schedule \"" + expression + "\" " + what);
    }
}
