package io.sparta.core.deploy;

import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A moto server and the CloudFormation and S3 clients a test of the deploy stage drives, closed together. */
final class MotoClients implements AutoCloseable {

    final MotoServer moto;
    final CloudFormationClient cloudFormation;
    final S3Client s3;

    private MotoClients(MotoServer moto, Region region) {
        this.moto = moto;
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        cloudFormation = CloudFormationClient.builder()
                .endpointOverride(moto.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .build();
        // moto answers bucket subdomains of a loopback address only in path style.
        s3 = S3Client.builder()
                .endpointOverride(moto.endpoint())
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    /** Starts moto on a free loopback port, its log in {@code work}. */
    static MotoClients start(Path work, Region region) {
        return new MotoClients(MotoServer.start(PythonTools.fromSystemProperties(), work.resolve("moto.log")), region);
    }

    @Override
    public void close() {
        cloudFormation.close();
        s3.close();
        moto.close();
    }
}
