package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.common.SpartaUserException;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PythonTools;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;

/**
 * What a user reads when an AWS call fails: the call, what it was about, AWS's code and message or what the answer
 * said when the SDK could read neither, and what to do next. Real SDK clients, against scripted answers shaped as
 * AWS (and moto) send them, and against moto itself.
 */
class AwsFailuresTest {

    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final ScriptedHttp http = ScriptedHttp.cloudFormation();
    private final CloudFormationClient cloudFormation = http.cloudFormationClient(new CallLedger(), 2);

    @AfterEach
    void close() {
        cloudFormation.close();
    }

    private Exception explained(Runnable call) {
        return AwsFailures.explain(assertThrows(SdkException.class, call::run));
    }

    @Test
    void aFailedExecuteWhoseAnswerTheSdkCannotReadIsReportedFromTheAnswersOwnWords() {
        // moto answers a resource's failure during ExecuteChangeSet with a JSON document on a query-protocol API:
        // the SDK finds no code and no message in it, and said only "(Service: CloudFormation, Status Code: 400 …)".
        http.answer(
                "ExecuteChangeSet",
                400,
                "{\"__type\": \"InvalidParameterValueException\", \"message\": \"Error occurred while GetObject. S3"
                        + " Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist\"}");

        Exception e = explained(
                () -> cloudFormation.executeChangeSet(r -> r.stackName("orders").changeSetName("sparta-1")));

        assertInstanceOf(AwsFailures.AwsCallException.class, e);
        assertEquals(
                "AWS CloudFormation ExecuteChangeSet (stack orders, change set sparta-1) failed: no error code or"
                        + " message the SDK could read; the service answered InvalidParameterValueException: Error"
                        + " occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified"
                        + " bucket does not exist (HTTP 400, request id scripted). Next: mvn sparta:status shows the"
                        + " stack's state; the stack's events (CloudFormation console, or aws cloudformation"
                        + " describe-stack-events) name the resource that failed and why; fix it and provision"
                        + " again",
                e.getMessage());
    }

    @Test
    void aServerErrorAfterEveryAttemptNamesTheCallTheAnswerTheAttemptsAndToTryAgain() {
        http.answer("DescribeStackResources", 500, StackDescriberTest.SERVER_ERROR_PAGE)
                .answer("DescribeStackResources", 500, StackDescriberTest.SERVER_ERROR_PAGE);

        Exception e = explained(() -> cloudFormation.describeStackResources(r -> r.stackName("orders")));

        assertEquals(
                "AWS CloudFormation DescribeStackResources (stack orders) failed: no error code or message the SDK"
                        + " could read; the service answered Internal Server Error The server encountered an"
                        + " internal error and was unable to complete your request. Either the server is overloaded"
                        + " or there is an error in the application. (HTTP 500, request id scripted, 2 attempts)."
                        + " Next: the failure is on the service's side (or the <endpoint> it was sent to); run the"
                        + " goal again, and if it persists check the AWS Health Dashboard for CloudFormation in this"
                        + " region",
                e.getMessage());
    }

    @Test
    void anEmptyAnswerSaysItWasEmpty() {
        http.answer("DescribeStacks", 400, "");

        Exception e = explained(() -> cloudFormation.describeStacks(r -> r.stackName("orders")));

        assertTrue(
                e.getMessage()
                        .startsWith("AWS CloudFormation DescribeStacks (stack orders) failed: no error code or message"
                                + " the SDK could read; the service answered with an empty body (HTTP 400"),
                e.getMessage());
    }

    @Test
    void aModelledErrorKeepsItsCodeAndMessage() {
        http.answer("CreateChangeSet", 400, error("ValidationError", "Parameters: [Stage] must have values"));

        Exception e = explained(() -> cloudFormation.createChangeSet(
                r -> r.stackName("orders").changeSetName("sparta-2").changeSetType(ChangeSetType.UPDATE)));

        assertEquals(
                "AWS CloudFormation CreateChangeSet (stack orders, change set sparta-2) failed: ValidationError:"
                        + " Parameters: [Stage] must have values (HTTP 400, request id scripted). Next: mvn"
                        + " sparta:status shows the stack's state; the stack's events (CloudFormation console, or"
                        + " aws cloudformation describe-stack-events) name the resource that failed and why; fix it"
                        + " and provision again",
                e.getMessage());
    }

    @Test
    void aRefusalIsTheUsersToFixAndNamesThePermissionToGrant() {
        http.answer(
                "DescribeStacks",
                403,
                error(
                        "AccessDenied",
                        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform:"
                                + " cloudformation:DescribeStacks"));

        Exception e = explained(() -> cloudFormation.describeStacks(r -> r.stackName("orders")));

        assertInstanceOf(SpartaUserException.class, e);
        assertEquals(
                "AWS CloudFormation DescribeStacks (stack orders) failed: AccessDenied: User:"
                        + " arn:aws:iam::123456789012:user/ci is not authorized to perform:"
                        + " cloudformation:DescribeStacks (HTTP 403, request id scripted). AWS refused it for these"
                        + " credentials. Next: check <profile>/<region>, that the credentials are current, and that"
                        + " their IAM policy allows cloudformation:DescribeStacks",
                e.getMessage());
    }

    @Test
    void anEndpointThatDoesNotAnswerNamesTheCall() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (CloudFormationClient unreachable = CloudFormationClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(ScriptedHttp.CREDENTIALS)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(
                        o -> o.addExecutionInterceptor(new CallLedger()).retryStrategy(retry -> retry.maxAttempts(1)))
                .build()) {
            Exception e = explained(() -> unreachable.describeStacks(r -> r.stackName("orders")));

            assertInstanceOf(AwsFailures.AwsCallException.class, e);
            assertTrue(
                    e.getMessage().startsWith("Could not reach AWS (CloudFormation DescribeStacks (stack orders)): "),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(". Next: check the network, <endpoint> and <region>, then run the goal again"),
                    e.getMessage());
        }
    }

    @Test
    void onMotoAFailedExecuteNamesTheResourcesError(@TempDir Path work) {
        try (MotoServer moto = MotoServer.start(PythonTools.fromSystemProperties(), work.resolve("moto.log"));
                CloudFormationClient onMoto = CloudFormationClient.builder()
                        .endpointOverride(moto.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(ScriptedHttp.CREDENTIALS)
                        .overrideConfiguration(o -> o.addExecutionInterceptor(new CallLedger()))
                        .build()) {
            onMoto.createChangeSet(r -> r.stackName("orders")
                    .changeSetName("sparta-1")
                    .changeSetType(ChangeSetType.CREATE)
                    .templateBody("{\"Resources\": {\"HelloFunction\": {\"Type\": \"AWS::Lambda::Function\","
                            + " \"Properties\": {\"Role\": \"arn:aws:iam::123456789012:role/hello\", \"Runtime\":"
                            + " \"java21\", \"Handler\": \"acme.Hello\", \"Code\": {\"S3Bucket\": \"no-such-bucket\","
                            + " \"S3Key\": \"hello.jar\"}}}}}"));

            Exception e = explained(
                    () -> onMoto.executeChangeSet(r -> r.stackName("orders").changeSetName("sparta-1")));

            assertTrue(
                    e.getMessage()
                            .startsWith("AWS CloudFormation ExecuteChangeSet (stack orders, change set sparta-1)"
                                    + " failed: no error code or message the SDK could read; the service answered"
                                    + " InvalidParameterValueException: Error occurred while GetObject. S3 Error Code:"
                                    + " NoSuchBucket."),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Next: mvn sparta:status shows the stack's state"), e.getMessage());
        }
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>scripted</RequestId></ErrorResponse>";
    }
}
