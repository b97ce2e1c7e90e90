package io.sparta.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * Finds, at run time, the resources the service declares: a function that uses a table, bucket, queue, topic or
 * stream (through a grant or a trigger) gets its physical name in an environment variable the template sets.
 *
 * <pre>{@code
 * String table = Discover.table("orders");        // the DynamoDB table's name
 * String queueUrl = Discover.queueUrl("work");    // the SQS queue's URL
 * }</pre>
 *
 * <p>Locally, set the same variables ({@code SPARTA_TABLE_ORDERS=...}) to point the code at real resources, or
 * run {@code sparta:invoke} and {@code sparta:serve} with {@code -Dsparta.resourcesFromStack=true} to take them from
 * the deployed stack.
 */
public final class Discover {

    /** Set to {@code true} by {@code sparta:invoke} and {@code sparta:serve}, so messages speak to a local run. */
    public static final String LOCAL_VARIABLE = "SPARTA_LOCAL";

    private final Map<String, String> environment;

    private Discover(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Reads a given environment, as tests and other runtimes need. */
    public static Discover from(Map<String, String> environment) {
        return new Discover(Map.copyOf(environment));
    }

    private static Discover process() {
        return new Discover(System.getenv());
    }

    /** The name of the service's DynamoDB table {@code name}. */
    public static String table(String name) {
        return process().lookup("TABLE", name);
    }

    /** The name of the service's S3 bucket {@code name}. */
    public static String bucket(String name) {
        return process().lookup("BUCKET", name);
    }

    /** The URL of the service's SQS queue {@code name}, what the SQS API takes. */
    public static String queueUrl(String name) {
        return process().lookup("QUEUE", name);
    }

    /** The ARN of the service's SNS topic {@code name}, what the SNS API takes. */
    public static String topicArn(String name) {
        return process().lookup("TOPIC", name);
    }

    /** The name of the service's Kinesis stream {@code name}. */
    public static String stream(String name) {
        return process().lookup("STREAM", name);
    }

    /**
     * The physical name of a resource of that kind.
     *
     * @param kind TABLE, BUCKET, QUEUE, TOPIC or STREAM
     * @throws IllegalStateException naming the variable, when this function was not given the resource
     */
    public String lookup(String kind, String name) {
        String variable = "SPARTA_" + kind + "_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            String noun = kind.toLowerCase(Locale.ROOT);
            if ("true".equals(environment.get(LOCAL_VARIABLE))) {
                throw new IllegalStateException("Run locally, this function has no " + noun + " \"" + name + "\": "
                        + variable + " is not set. A function run locally reaches the resources your shell names: set "
                        + variable
                        + " to the " + noun + "'s " + identifier(kind) + ", or run with"
                        + " -Dsparta.resourcesFromStack=true to take it from the deployed function (which needs"
                        + " @Grant(resource = \"" + name + "\") or a trigger from it, on Lambda too).");
            }
            throw new IllegalStateException("This function has no " + noun + " \"" + name + "\": " + variable
                    + " is not set. Grant it with @Grant(resource = \"" + name
                    + "\") (or trigger the function from it) and package again; locally, set " + variable + ".");
        }
        return value;
    }

    /** What the variable holds for each kind: what that service's API takes. */
    private static String identifier(String kind) {
        return switch (kind) {
            case "QUEUE" -> "URL";
            case "TOPIC" -> "ARN";
            default -> "name";
        };
    }
}
