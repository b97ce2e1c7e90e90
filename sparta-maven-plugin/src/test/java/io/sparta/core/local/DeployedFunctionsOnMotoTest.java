package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.JavaSources;
import io.sparta.core.RecordingConsole;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsSession;
import io.sparta.core.deploy.MotoSessions;
import io.sparta.core.model.ServiceSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The local goals' reach into the deployed stack, against moto's Lambda: the SPARTA_* variables of a deployed
 * function given to a local run, and {@code -Dsparta.remote}'s call of the deployed function. moto runs no function
 * code without Docker, so the remote call is checked up to Lambda's answer, a function error.
 */
class DeployedFunctionsOnMotoTest {

    private static final ServiceSettings SETTINGS = new ServiceSettings("orders", "orders-dev", Map.of(), Map.of());
    private static final String TABLE = "orders-dev-OrdersTable-1A2B3C";

    @TempDir
    static Path work;

    private static MotoSessions moto;
    private static Path classes;
    private final RecordingConsole console = new RecordingConsole();

    @BeforeAll
    static void deploy() throws Exception {
        moto = MotoSessions.start(work);
        try (AwsSession aws = moto.open()) {
            String role = aws.iam()
                    .createRole(
                            r -> r.roleName("orders-dev-role")
                                    .assumeRolePolicyDocument(
                                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                    + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role()
                    .arn();
            aws.s3().createBucket(r -> r.bucket("code"));
            aws.s3()
                    .putObject(
                            r -> r.bucket("code").key("discover.zip"),
                            software.amazon.awssdk.core.sync.RequestBody.fromBytes(zip()));
            lambda(aws)
                    .createFunction(r -> r.functionName("orders-dev-discover")
                            .runtime("java21")
                            .role(role)
                            .handler("acme.Finder::find")
                            .code(c -> c.s3Bucket("code").s3Key("discover.zip"))
                            .environment(e -> e.variables(Map.of("SPARTA_TABLE_ORDERS", TABLE, "LOG_LEVEL", "debug"))));
        }
        classes = JavaSources.compile(work, Map.of("acme/Finder.java", """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                import io.sparta.runtime.Discover;
                import java.util.*;
                public class Finder {
                    @SpartaLambda(name = "discover")
                    public Map<String, String> find(String event) {
                        return new TreeMap<>(Map.of("table", Discover.table("orders"),
                                "logLevel", String.valueOf(System.getenv("LOG_LEVEL"))));
                    }
                    @SpartaLambda(name = "ghost")
                    public String ghost(String event) { return Discover.table("ghosts"); }
                }
                """));
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    private static LambdaClient lambda(AwsSession aws) {
        return aws.client(LambdaClient.class, aws.region(), LambdaClient::builder);
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("acme/Finder.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static InvokeRequest request(String function, Map<String, String> shell) {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaSources.testClasspath());
        return new InvokeRequest(
                classes,
                classpath,
                List.of(),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                SETTINGS,
                function,
                "\"x\"".getBytes(StandardCharsets.UTF_8),
                "us-east-1",
                shell,
                work.resolve("invoke-" + function),
                io.sparta.core.archive.LayerModules.NONE,
                1);
    }

    @Test
    void aLocalRunTakesTheDeployedFunctionsResourcesAndNothingElseOfItsEnvironment() throws Exception {
        try (AwsSession aws = moto.open()) {
            String response =
                    new LocalInvoker(console).invoke(request("discover", Map.of()), DeployedResources.of(aws, console));

            assertEquals("{\"logLevel\":\"null\",\"table\":\"" + TABLE + "\"}", response);
            assertTrue(
                    console.lines().contains("SPARTA_TABLE_ORDERS from the deployed function orders-dev-discover"),
                    console.lines().toString());
        }
    }

    @Test
    void aValueSetInTheShellWinsOverTheDeployedOne() throws Exception {
        try (AwsSession aws = moto.open()) {
            String response = new LocalInvoker(console)
                    .invoke(
                            request("discover", Map.of("SPARTA_TABLE_ORDERS", "my-own-table")),
                            DeployedResources.of(aws, console));

            assertEquals("{\"logLevel\":\"null\",\"table\":\"my-own-table\"}", response);
            assertTrue(
                    console.lines()
                            .contains("No SPARTA_* variable from the deployed function orders-dev-discover;"
                                    + " SPARTA_TABLE_ORDERS from your shell, which wins"),
                    console.lines().toString());
        }
    }

    @Test
    void aFunctionThatIsNotDeployedIsNamedWithTheRegionAndWhatToRun() throws Exception {
        try (AwsSession aws = moto.open()) {
            SpartaUserException e = assertThrows(
                    SpartaUserException.class,
                    () -> new LocalInvoker(console)
                            .invoke(request("ghost", Map.of()), DeployedResources.of(aws, console)));

            assertEquals(
                    "-Dsparta.resourcesFromStack reads where the deployed function finds its resources, and no function"
                            + " orders-dev-ghost is deployed in us-east-1. Provision the stack first (mvn package"
                            + " sparta:provision, with -Dsparta.environment=NAME for an environment's), or leave the"
                            + " flag out and set the SPARTA_* variables in your shell",
                    e.getMessage());
        }
    }

    @Test
    void runLocallyWithoutTheVariableDiscoverSaysWhichToSetAndTheFlag() {
        SpartaUserException e = assertThrows(
                SpartaUserException.class, () -> new LocalInvoker(console).invoke(request("ghost", Map.of())));

        assertTrue(
                e.getMessage()
                        .contains(
                                "Run locally, this function has no table \\\"ghosts\\\": SPARTA_TABLE_GHOSTS is not set."
                                        + " A function run locally reaches the resources your shell names: set SPARTA_TABLE_GHOSTS to"
                                        + " the table's name, or run with -Dsparta.resourcesFromStack=true"),
                e.getMessage());
    }

    @Test
    void remoteInvokeReportsTheFunctionErrorLambdaReturns_motoRunsNoCodeWithoutDocker() throws Exception {
        try (AwsSession aws = moto.open()) {
            SpartaUserException e = assertThrows(
                    SpartaUserException.class,
                    () -> new RemoteInvoker(console).invoke(request("discover", Map.of()), aws));

            assertTrue(
                    e.getMessage()
                            .startsWith("Function discover (orders-dev-discover) failed on Lambda (FunctionError "),
                    e.getMessage());
            assertTrue(
                    console.lines()
                            .contains("Invoking orders-dev-discover on Lambda in us-east-1 at " + moto.endpoint()),
                    console.lines().toString());
        }
    }

    @Test
    void remoteInvokeOfAFunctionThatIsNotDeployedSaysSo() throws Exception {
        try (AwsSession aws = moto.open()) {
            SpartaUserException e = assertThrows(
                    SpartaUserException.class,
                    () -> new RemoteInvoker(console).invoke(request("ghost", Map.of()), aws));

            assertEquals(
                    "No function orders-dev-ghost is deployed in us-east-1; provision it first (mvn package"
                            + " sparta:provision, with -Dsparta.environment=NAME for an environment's stack), or check"
                            + " <region> and -Dsparta.environment",
                    e.getMessage());
        }
    }
}
