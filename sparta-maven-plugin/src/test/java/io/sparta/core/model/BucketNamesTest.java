package io.sparta.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S3's naming rules at their edges, as a configured bucket is checked where it is read. */
class BucketNamesTest {

    private static final String WHERE = "<s3Bucket> (-Dsparta.s3Bucket)";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "my.team-artifacts",
                "a23456789012345678901234567890123456789012345678901234567890123",
                "0-artifacts-9"
            })
    void namesS3AcceptsPass(String name) {
        assertEquals(Optional.empty(), BucketNames.problem(WHERE, name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "a234567890123456789012345678901234567890123456789012345678901234",
                "My_Bucket",
                "-artifacts",
                "artifacts.",
                "a..b",
                "192.168.1.10",
                "xn--artifacts",
                "sthree-artifacts",
                "artifacts-s3alias",
                "artifacts--x-s3",
                "not a bucket"
            })
    void namesS3RefusesFailNamingTheElementAndTheValue(String name) {
        String problem = BucketNames.problem(WHERE, name).orElseThrow();
        assertTrue(problem.startsWith(WHERE + " \"" + name + "\" is not an S3 bucket name: "), problem);
        assertTrue(problem.endsWith(", such as my-team-artifacts"), problem);
    }
}
