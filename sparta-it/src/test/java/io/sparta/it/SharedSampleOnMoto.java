package io.sparta.it;

import io.sparta.testkit.CfnLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class whose tests share one copy of a sample and one moto server, in the order they are declared. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedSampleOnMoto {

    private final String sampleName;
    private SampleOnMoto local;
    LocalAws aws;
    CfnLint cfnLint;
    SampleProject sample;

    SharedSampleOnMoto(String sampleName) {
        this.sampleName = sampleName;
    }

    @BeforeAll
    final void startSampleOnMoto() {
        local = SampleOnMoto.start(sampleName, sampleName);
        aws = local.aws;
        cfnLint = local.cfnLint;
        sample = local.sample;
    }

    @AfterAll
    final void stopSampleOnMoto() {
        if (local != null) {
            local.close();
        }
    }

    /** What Lambda reports as a function's CodeSha256 for this archive: base64 of its SHA-256. */
    static String codeSha256(Path archive) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
    }
}
