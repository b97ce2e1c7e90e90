package io.sparta.core.deploy;

import io.sparta.core.common.SpartaUserException;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A moto server on a free loopback port and {@link AwsSession}s against it in us-east-1, with test credentials given
 * the way the SDK reads them from a user's machine (its system properties); closing stops moto and clears them.
 */
public final class MotoSessions implements AutoCloseable {

    private final MotoServer moto;

    private MotoSessions(MotoServer moto) {
        this.moto = moto;
    }

    /** Starts moto, its log in {@code work}. */
    public static MotoSessions start(Path work) {
        MotoServer moto = MotoServer.start(PythonTools.fromSystemProperties(), work.resolve("moto.log"));
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        return new MotoSessions(moto);
    }

    /** A session as a goal opens one: one attempt a call, so a test sees moto's answer rather than retries. */
    public AwsSession open() throws SpartaUserException {
        return AwsSession.open(new AwsTarget(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint()), 1));
    }

    public URI endpoint() {
        return moto.endpoint();
    }

    @Override
    public void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        moto.close();
    }
}
