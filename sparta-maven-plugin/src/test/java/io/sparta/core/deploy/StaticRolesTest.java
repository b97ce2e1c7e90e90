package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparta.core.RecordingConsole;
import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.SpartaUserException;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** Verify Static IAM Roles, against moto's IAM. */
class StaticRolesTest {

    @TempDir
    static Path work;

    static MotoServer moto;
    static IamClient iam;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(PythonTools.fromSystemProperties(), work.resolve("moto.log"));
        iam = IamClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        iam.createRole(r -> r.roleName("orders-shared")
                .path("/service/")
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    @AfterAll
    static void stopMoto() {
        iam.close();
        moto.close();
    }

    private static PackageManifest.Function function(String name, String role) {
        return new PackageManifest.Function(name, "acme.Handler", "acme.Handler", role);
    }

    @Test
    void existingRolesByNameOrArnPassAndGeneratedOnesAreNotLookedUp() throws Exception {
        RecordingConsole console = new RecordingConsole();
        new StaticRoles(iam, console)
                .verify(List.of(
                        function("a", "orders-shared"),
                        function("b", "arn:aws:iam::123456789012:role/service/orders-shared"),
                        function("c", "")));
        assertEquals(2, console.lines().size(), console.lines().toString());
    }

    @Test
    void aMissingRoleStopsTheProvisionNamingTheFunction() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class,
                () -> new StaticRoles(iam, new RecordingConsole()).verify(List.of(function("a", "gone"))));
        assertEquals(
                "function a names role gone, which does not exist in this account\n"
                        + "Create the role, or drop role= from @SpartaLambda to let Sparta generate one",
                e.getMessage());
    }
}
