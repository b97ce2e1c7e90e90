package io.sparta.core.local;

import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A sample event per trigger kind, in the shape AWS sends it, for trying a function without a real one. */
public final class SampleEvents {

    public static final List<String> KINDS = List.of(
            "apigw-v1",
            "apigw-v2",
            "cloudwatch-logs",
            "dynamodb",
            "eventbridge",
            "kinesis",
            "s3",
            "schedule",
            "sns",
            "sqs");

    private SampleEvents() {}

    public static byte[] named(String kind) throws SpartaUserException, IOException {
        if (!KINDS.contains(kind)) {
            throw new SpartaUserException("No sample event '" + kind + "'; -Dsparta.sampleEvent takes one of " + KINDS);
        }
        try (InputStream sample = SampleEvents.class.getResourceAsStream("samples/" + kind + ".json")) {
            return sample.readAllBytes();
        }
    }
}
