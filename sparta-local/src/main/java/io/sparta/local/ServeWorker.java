package io.sparta.local;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * The main class of the JVMs sparta:serve keeps warm, one a function: like a Lambda execution environment, it
 * loads the handler once and then serves one invocation at a time, each with a fresh Context.
 *
 * <p>Arguments: handler, function name, memory in MB, timeout in ms, region, init budget in ms. Standard input carries requests, each
 * a length and that many bytes of event; standard output carries replies, each an outcome ({@link #RETURNED},
 * {@link #FAILED}, {@link #TIMED_OUT}), a length and the body. What the handler prints goes to standard error.
 * After a timeout the worker exits, as Lambda discards an environment whose invocation ran out of time.
 */
public final class ServeWorker {

    public static final int RETURNED = 0;
    public static final int FAILED = 1;
    public static final int TIMED_OUT = 2;

    private ServeWorker() {}

    public static void main(String[] args) throws Exception {
        DataOutputStream replies =
                new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // The protocol owns standard output; the handler's own printing must not interleave with it.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        HandlerCall handler = new HandlerCall(args[0], ServeWorker.class.getClassLoader());
        String functionName = args[1];
        int memory = Integer.parseInt(args[2]);
        long timeoutMillis = Long.parseLong(args[3]);
        String region = args[4];
        DataInputStream requests = new DataInputStream(System.in);
        // Init when the environment starts, as Lambda does; the first invocation's REPORT line shows it.
        Invocation.Init init = Invocation.initialize(handler, Long.parseLong(args[5]), System.err);
        while (true) {
            byte[] event;
            try {
                event = new byte[requests.readInt()];
            } catch (EOFException closed) {
                return;
            }
            requests.readFully(event);
            LocalContext context = new LocalContext(functionName, memory, timeoutMillis, region, init);
            Invocation.Result result = Invocation.run(handler, event, context, timeoutMillis, System.err, init);
            if (init != null) {
                init = init.afterInvocation();
            }
            replies.writeInt(
                    switch (result.outcome()) {
                        case RETURNED -> RETURNED;
                        case FAILED -> FAILED;
                        case TIMED_OUT -> TIMED_OUT;
                    });
            replies.writeInt(result.body().length);
            replies.write(result.body());
            replies.flush();
            if (result.outcome() == Invocation.Outcome.TIMED_OUT) {
                System.exit(TIMED_OUT);
            }
        }
    }
}
