package io.sparta.it;

import io.sparta.testkit.CfnLint;
import io.sparta.testkit.FakeCloudServer;
import io.sparta.testkit.PythonTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A test class whose tests share one copy of a sample and one fakecloud server, in the order they are declared. The
 * offline steps run anywhere; those that need fakecloud call {@link #needsFakecloud()}, which skips them by name
 * where its binary is absent (a fresh clone without {@code ../shared}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedSampleOnFakecloud {

    private final String sampleName;
    private final String copyName;
    private FakeCloudServer fakecloud;
    SampleProject sample;
    CfnLint cfnLint;
    LocalAws aws;

    SharedSampleOnFakecloud(String sampleName, String copyName) {
        this.sampleName = sampleName;
        this.copyName = copyName;
    }

    @BeforeAll
    final void startSampleOnFakecloud() {
        sample = SampleProject.copyOf(sampleName, copyName);
        cfnLint = new CfnLint(PythonTools.fromSystemProperties());
        Optional<Path> binary = FakeCloudServer.binary(
                Path.of(SampleProject.property("sparta.it.work")).resolveSibling("fakecloud"));
        if (binary.isEmpty()) {
            // JUnit keeps an assumption's message in the XML report only: say it where the build's reader looks.
            System.out.println("[WARNING] " + getClass().getSimpleName() + ": its fakecloud tests are skipped; "
                    + FakeCloudServer.absence());
        } else {
            fakecloud = FakeCloudServer.start(binary.get(), sample.directory().resolve("fakecloud.log"));
            aws = new LocalAws(fakecloud.endpoint());
            sample.withAws(fakecloud.endpoint().toString(), LocalAws.REGION.id());
        }
    }

    @AfterAll
    final void stopSampleOnFakecloud() {
        if (aws != null) {
            aws.close();
        }
        if (fakecloud != null) {
            fakecloud.close();
        }
    }

    /** fakecloud's address. */
    java.net.URI endpoint() {
        return fakecloud.endpoint();
    }

    /** Skips the calling test, saying why, where fakecloud's binary is absent. */
    void needsFakecloud() {
        Assumptions.assumeTrue(fakecloud != null, FakeCloudServer.absence());
    }

    /** The versions of a layer Lambda holds, in order. */
    List<Long> layerVersions(String layer) {
        return aws.lambda.listLayerVersions(r -> r.layerName(layer)).layerVersions().stream()
                .map(LayerVersionsListItem::version)
                .sorted()
                .toList();
    }

    /** The layer zips in the managed artifact bucket under {@code <service>/layers/}. */
    List<String> layerObjects(String serviceName) {
        String bucket = aws.artifactBucket();
        return aws.s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(serviceName + "/layers/")).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }
}
