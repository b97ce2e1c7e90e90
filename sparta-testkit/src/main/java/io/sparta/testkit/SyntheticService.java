package io.sparta.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Java sources of a service of any number of functions, for tests and benchmarks of services past one
 * CloudFormation stack: ten functions to a class, each with one of ten trigger kinds in turn (an SQS trigger, an
 * HTTP route, an S3 trigger, an SNS trigger, a schedule, a grant on a table, a function URL, a REST route, a
 * DynamoDB stream trigger, an EventBridge rule), sharing a queue, a bucket, a topic and a table; every fiftieth
 * function from the eighth on uses SnapStart.
 */
public final class SyntheticService {

    private final String javaPackage;
    private final int functions;
    private int changed = -1;
    private boolean motoOnly;

    /**
     * @param javaPackage the package of the generated classes, such as {@code acme}
     * @param functions how many functions, {@code f0} and on
     */
    public SyntheticService(String javaPackage, int functions) {
        this.javaPackage = javaPackage;
        this.functions = functions;
    }

    /** Function {@code f<index>} gets 1,024 MB instead of 512: one function's configuration changed. */
    public SyntheticService withChangedFunction(int index) {
        this.changed = index;
        return this;
    }

    /**
     * Only what moto's CloudFormation can create: HTTP and REST routes, function URLs and S3 triggers become SQS
     * triggers, and no function uses SnapStart. moto skips every API Gateway v2 type and {@code AWS::Lambda::Url}
     * and {@code AWS::Lambda::Alias} (a Ref to a skipped resource given to a nested stack is a missing parameter),
     * and cannot read a nested stack's outputs ({@code Fn::GetAtt [Stack, Outputs.Name]}, which the bucket's
     * notifications of functions in nested stacks need, fails every later call on the stack with HTTP 500).
     */
    public SyntheticService onlyWhatMotoCreates() {
        this.motoOnly = true;
        return this;
    }

    /** Each source by its path under a source root, such as {@code acme/Functions0.java}. */
    public Map<String, String> sources() {
        Map<String, String> sources = new TreeMap<>();
        String folder = javaPackage.replace('.', '/');
        for (int from = 0; from < functions; from += 10) {
            StringBuilder source =
                    new StringBuilder("package ").append(javaPackage).append(";\nimport io.sparta.annotations.*;\n");
            if (from == 0) {
                source.append("@SqsQueue(name = \"jobs\") @S3Bucket(name = \"photos\") @SnsTopic(name = \"news\")\n"
                        + "@DynamoTable(name = \"orders\", partitionKey = \"id\", stream = StreamView.NEW_IMAGE)\n");
            }
            source.append("public class Functions").append(from).append(" {\n");
            for (int i = from; i < Math.min(functions, from + 10); i++) {
                source.append("  @SpartaLambda(name = \"f").append(i).append('"');
                if (i == changed) {
                    source.append(", memory = 1024");
                }
                if (!motoOnly && i % 50 == 7) {
                    source.append(", snapStart = true");
                }
                source.append(") ")
                        .append(trigger(i))
                        .append(" public void f")
                        .append(i)
                        .append("() {}\n");
            }
            sources.put(
                    folder + "/Functions" + from + ".java", source.append("}\n").toString());
        }
        return sources;
    }

    /** Writes {@link #sources} under {@code sourceRoot}, such as a project's {@code src/main/java}. */
    public void write(Path sourceRoot) throws IOException {
        for (Map.Entry<String, String> source : sources().entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
    }

    private String trigger(int i) {
        if (motoOnly && (i % 10 == 1 || i % 10 == 2 || i % 10 == 6 || i % 10 == 7)) {
            return "@SqsTrigger(queue = \"jobs\")";
        }
        return switch (i % 10) {
            case 0 -> "@SqsTrigger(queue = \"jobs\")";
            case 1 -> "@HttpRoute(method = \"GET\", path = \"/items/f" + i + "\")";
            case 2 -> "@S3Trigger(bucket = \"photos\", prefix = \"f" + i + "/\")";
            case 3 -> "@SnsTrigger(topic = \"news\")";
            case 4 -> "@Schedule(\"rate(1 day)\")";
            case 5 -> "@Grant(resource = \"orders\", access = Access.WRITE)";
            case 6 -> "@FunctionUrl";
            case 7 -> "@HttpRoute(method = \"POST\", path = \"/rest/f" + i + "\", api = ApiKind.REST)";
            case 8 -> "@DynamoDbTrigger(table = \"orders\")";
            default -> "@EventRule(pattern = \"{\\\"source\\\": [\\\"shop\\\"]}\")";
        };
    }

    /**
     * Writes the sources of a service of {@code args[1]} functions in package {@code args[2]} (default
     * {@code com.example.big}) under the source root {@code args[0]}: for {@code scripts/bench}'s scaling run.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticService <source root> <functions> [package]");
            System.exit(2);
        }
        new SyntheticService(args.length > 2 ? args[2] : "com.example.big", Integer.parseInt(args[1]))
                .write(Path.of(args[0]));
    }
}
