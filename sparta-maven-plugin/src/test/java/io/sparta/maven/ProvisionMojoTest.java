package io.sparta.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.deploy.AwsTarget;
import io.sparta.core.model.ServiceSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class ProvisionMojoTest {

    private static final String CONFIGURED = "src/test/resources/projects/configured/pom.xml";
    private static final String DEFAULTS = "src/test/resources/projects/defaults/pom.xml";

    @TempDir
    Path work;

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    void readsServiceAndAwsSettingsFromThePom(ProvisionMojo mojo) throws Exception {
        assertEquals(
                new ServiceSettings("orders", "orders-dev", Map.of("team", "payments"), Map.of()),
                mojo.serviceSettings());
        assertEquals(
                new AwsTarget(
                        Optional.of("eu-west-1"),
                        Optional.empty(),
                        Optional.of(URI.create("http://localhost:4566")),
                        10),
                mojo.awsTarget());
    }

    @Test
    @InjectMojo(goal = "provision", pom = DEFAULTS)
    void stackNameDefaultsToTheServiceName(ProvisionMojo mojo) {
        assertEquals(new ServiceSettings("billing", "billing", Map.of(), Map.of()), mojo.serviceSettings());
    }

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    @MojoParameter(name = "maxAttempts", value = "3")
    @MojoParameter(name = "profile", value = "  ")
    void blankValuesFallBackToTheSdkChains(ProvisionMojo mojo) throws Exception {
        assertEquals(3, mojo.awsTarget().maxAttempts());
        assertEquals(Optional.empty(), mojo.awsTarget().profile());
    }

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    void refusesToProvisionWithoutAPackageAndSaysWhatToRun(ProvisionMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", work.resolve("sparta").toFile());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "No package to provision: " + work.resolve("sparta/manifest.json")
                        + " is missing. Run 'mvn package' first" + " (for example 'mvn package sparta:provision')",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(ProvisionMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", work.resolve("sparta").toFile());
        mojo.execute();
        assertTrue(java.nio.file.Files.notExists(work.resolve("sparta")));
    }

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    @MojoParameter(name = "endpoint", value = "not a url")
    void anEndpointThatIsNoUrlIsNamedWithItsElementAndForm(ProvisionMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "<endpoint> (-Dsparta.endpoint) \"not a url\" is not an endpoint URL; write http(s)://HOST[:PORT], such"
                        + " as http://127.0.0.1:4566 for a local AWS API",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    @MojoParameter(name = "region", value = "Frankfurt")
    void aRegionThatIsNoRegionNameIsNamed(ProvisionMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "<region> (-Dsparta.region) \"Frankfurt\" is not an AWS region name, such as eu-west-1 or"
                        + " us-gov-west-1",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "provision", pom = CONFIGURED)
    @MojoParameter(name = "maxAttempts", value = "0")
    void noAttemptsAtAllIsNamed(ProvisionMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "<maxAttempts> (-Dsparta.maxAttempts) is 0; it counts tries of one AWS call, 1 to 30 (10 by default)",
                e.getMessage());
    }
}
