package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparta.testkit.CfnLint;
import io.sparta.testkit.ConcretePolicies;
import io.sparta.testkit.PolicyLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class whose tests share one copy of a sample and one moto server, in the order they are declared. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedSampleOnMoto {

    private final String sampleName;
    private final String copyName;
    private SampleOnMoto local;
    LocalAws aws;
    CfnLint cfnLint;
    PolicyLint policyLint;
    SampleProject sample;

    SharedSampleOnMoto(String sampleName) {
        this(sampleName, sampleName);
    }

    /** @param copyName the work folder's name, for a second test class on the same sample */
    SharedSampleOnMoto(String sampleName, String copyName) {
        this.sampleName = sampleName;
        this.copyName = copyName;
    }

    @BeforeAll
    final void startSampleOnMoto() {
        local = SampleOnMoto.start(sampleName, copyName);
        aws = local.aws;
        cfnLint = local.cfnLint;
        policyLint = local.policyLint;
        sample = local.sample;
    }

    /** The local AWS API's address. */
    java.net.URI endpoint() {
        return local.moto.endpoint();
    }

    @AfterAll
    final void stopSampleOnMoto() {
        if (local != null) {
            local.close();
        }
    }

    /**
     * parliament finds nothing above LOW in any policy of the template Sparta packaged (each role's inline policies,
     * each bucket, queue or topic policy), its intrinsics resolved for the stack its manifest names.
     */
    void assertPoliciesLintClean(Path template) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode written = mapper.readTree(template.toFile());
        String stackName = mapper.readTree(
                        template.resolveSibling("manifest.json").toFile())
                .path("stackName")
                .asText();
        List<ConcretePolicies.Policy> policies = ConcretePolicies.of(written, stackName);
        int expected = 0;
        for (JsonNode resource : written.path("Resources")) {
            switch (resource.path("Type").asText()) {
                case "AWS::IAM::Role" ->
                    expected += resource.at("/Properties/Policies").size();
                case "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" -> expected++;
                default -> {}
            }
        }
        assertEquals(expected, policies.size(), "every policy of " + template + " is linted");
        if (expected == 0) {
            throw new AssertionError(template + " has no policy to lint");
        }
        assertEquals(List.of(), policyLint.findingsAboveLow(policies), "parliament findings above LOW");
    }

    /** What Lambda reports as a function's CodeSha256 for this archive: base64 of its SHA-256. */
    static String codeSha256(Path archive) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
    }
}
