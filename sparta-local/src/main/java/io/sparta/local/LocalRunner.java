package io.sparta.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the JVM sparta:invoke starts: runs one handler once and writes its response, or the error as
 * Lambda reports it, to a result file.
 *
 * <p>Arguments: handler, event file, result file, function name, memory in MB, timeout in ms, region, init budget
 * in ms. Exit code 0
 * when the handler returned, 1 when it threw, 2 when it ran out of time.
 */
public final class LocalRunner {

    public static final int HANDLER_FAILED = 1;
    public static final int TIMED_OUT = 2;

    private LocalRunner() {}

    /** The line that tells sparta:invoke how long the JVM took to reach this class, before init. */
    public static final String JVM_START = "Local JVM started in ";

    public static void main(String[] args) throws Exception {
        System.out.println(JVM_START
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        HandlerCall handler = new HandlerCall(args[0], LocalRunner.class.getClassLoader());
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        long timeoutMillis = Long.parseLong(args[5]);
        Invocation.Init init = Invocation.initialize(handler, Long.parseLong(args[7]), System.out);
        // The context's clock starts with the invocation, after init, as Lambda's does.
        LocalContext context = new LocalContext(args[3], Integer.parseInt(args[4]), timeoutMillis, args[6], init);
        Invocation.Result result = Invocation.run(handler, event, context, timeoutMillis, System.out, init);
        Files.write(Path.of(args[2]), result.body());
        System.exit(
                switch (result.outcome()) {
                    case RETURNED -> 0;
                    case FAILED -> HANDLER_FAILED;
                    case TIMED_OUT -> TIMED_OUT;
                });
    }
}
