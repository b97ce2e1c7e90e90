package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * Status, each section standing on its own: a failing DescribeStackResources (moto answers it with HTTP 500 and an
 * HTML page for some stacks) does not hide the status, outputs, parameters and tags that DescribeStacks gave.
 */
class StackDescriberTest {

    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final String STACK_ID =
            "arn:aws:cloudformation:us-east-1:123456789012:stack/orders/5a1b2c3d-0000-4000-8000-00000000aaaa";
    /** What moto's web server sends when its handler raises: Werkzeug's page. */
    static final String SERVER_ERROR_PAGE =
            "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
                    + "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete"
                    + " your request. Either the server is overloaded or there is an error in the application.</p>\n";

    private final ScriptedHttp http = ScriptedHttp.cloudFormation();
    private final CloudFormationClient cloudFormation = http.cloudFormationClient(new CallLedger(), 2);
    private final RecordingConsole console = new RecordingConsole();

    @AfterEach
    void close() {
        cloudFormation.close();
    }

    @Test
    void aStackThatDoesNotExistIsNamedWithItsRegionAndTheCommandThatMakesIt() {
        http.answer(
                "DescribeStacks",
                400,
                "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>ValidationError</Code>"
                        + "<Message>Stack with id orders does not exist</Message></Error>"
                        + "<RequestId>r-1</RequestId></ErrorResponse>");

        assertEquals(java.util.Optional.empty(), new StackDescriber(cloudFormation, console).describe("orders"));

        assertEquals(
                List.of("Stack orders does not exist in us-east-1 for these credentials; mvn package sparta:provision"
                        + " creates it (or set -Dsparta.region, -Dsparta.stackName or -Dsparta.environment if it lives"
                        + " elsewhere)"),
                console.lines());
    }

    @Test
    void whenDescribeStackResourcesFailsTheResourcesComeFromListStackResourcesAndTheFailureIsNamed() {
        http.ok("DescribeStacks", stacks())
                .answer("DescribeStackResources", 500, SERVER_ERROR_PAGE)
                .answer("DescribeStackResources", 500, SERVER_ERROR_PAGE)
                .ok("ListStackResources", response("ListStackResources", """
                        <StackResourceSummaries>
                          <member>
                            <LogicalResourceId>HelloFunction</LogicalResourceId>
                            <PhysicalResourceId>orders-hello</PhysicalResourceId>
                            <ResourceType>AWS::Lambda::Function</ResourceType>
                            <LastUpdatedTimestamp>2026-11-23T10:00:00.000Z</LastUpdatedTimestamp>
                            <ResourceStatus>CREATE_COMPLETE</ResourceStatus>
                          </member>
                          <member>
                            <LogicalResourceId>HttpApi</LogicalResourceId>
                            <ResourceType>AWS::ApiGatewayV2::Api</ResourceType>
                            <LastUpdatedTimestamp>2026-11-23T10:00:00.000Z</LastUpdatedTimestamp>
                            <ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus>
                          </member>
                        </StackResourceSummaries>"""));

        new StackDescriber(cloudFormation, console).describe("orders");

        assertEquals(
                List.of("DescribeStacks", "DescribeStackResources", "DescribeStackResources", "ListStackResources"),
                http.operations());
        List<String> lines = console.lines();
        assertEquals("Stack orders: UPDATE_COMPLETE", lines.get(0));
        assertEquals(
                "Resources read through ListStackResources instead: AWS CloudFormation DescribeStackResources"
                        + " (stack " + STACK_ID + ") failed: no error code or message the SDK could read; the service"
                        + " answered Internal Server Error The server encountered an internal error and was unable"
                        + " to complete your request. Either the server is overloaded or there is an error in the"
                        + " application. (HTTP 500, request id scripted, 2 attempts)",
                console.warnings().get(0));
        int resources = lines.indexOf("Resources:");
        assertEquals("  HelloFunction  AWS::Lambda::Function  orders-hello  CREATE_COMPLETE", lines.get(resources + 1));
        assertEquals(
                "  HttpApi  AWS::ApiGatewayV2::Api  -  CREATE_IN_PROGRESS",
                lines.get(resources + 2),
                "a physical id not given yet is a dash, not null");
        assertEquals(
                List.of("Parameters:", "  ArtifactBucket = sparta-artifacts", "Tags:", "  team = payments"),
                lines.subList(lines.size() - 4, lines.size()));
    }

    @Test
    void whenNoCallGivesTheResourcesTheSectionSaysSoAndTheRestIsPrinted() {
        http.ok("DescribeStacks", stacks())
                .answer("DescribeStackResources", 500, SERVER_ERROR_PAGE)
                .answer("DescribeStackResources", 500, SERVER_ERROR_PAGE)
                .answer("ListStackResources", 400, """
                        <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>AccessDenied</Code>
                        <Message>User is not authorized to perform: cloudformation:ListStackResources</Message>
                        </Error><RequestId>r-1</RequestId></ErrorResponse>""".formatted(NS));

        new StackDescriber(cloudFormation, console).describe("orders");

        assertTrue(
                console.lines().contains("Resources: could not be read"),
                console.lines().toString());
        String warning = console.warnings().get(0);
        assertTrue(
                warning.startsWith("The resources of stack orders could not be read: AWS CloudFormation"
                        + " DescribeStackResources (stack " + STACK_ID + ") failed: no error code or message"),
                warning);
        assertTrue(
                warning.contains("; then AWS CloudFormation ListStackResources (stack " + STACK_ID + ") failed:"
                        + " AccessDenied: User is not authorized to perform: cloudformation:ListStackResources"
                        + " (HTTP 400, request id r-1)"),
                warning);
        List<String> lines = console.lines();
        assertEquals(
                List.of("Parameters:", "  ArtifactBucket = sparta-artifacts", "Tags:", "  team = payments"),
                lines.subList(lines.size() - 4, lines.size()));
    }

    private static String stacks() {
        return response("DescribeStacks", """
                <Stacks>
                  <member>
                    <StackName>orders</StackName>
                    <StackId>%s</StackId>
                    <CreationTime>2026-11-23T09:58:00.000Z</CreationTime>
                    <StackStatus>UPDATE_COMPLETE</StackStatus>
                    <Parameters><member><ParameterKey>ArtifactBucket</ParameterKey>
                      <ParameterValue>sparta-artifacts</ParameterValue></member></Parameters>
                    <Tags><member><Key>team</Key><Value>payments</Value></member></Tags>
                  </member>
                </Stacks>""".formatted(STACK_ID));
    }

    static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"" + NS + "\">\n"
                + "  <" + action + "Result>" + result + "</" + action + "Result>\n"
                + "  <ResponseMetadata><RequestId>b9b4b068-example</RequestId></ResponseMetadata>\n"
                + "</" + action + "Response>";
    }
}
