package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@code sparta:invoke -Dsparta.remote}: the deployed function called with the same event, synchronously, its
 * response printed with the tail of its log (the last 4 KB Lambda returns, START to REPORT), as
 * {@code sam remote invoke} does. A function with SnapStart or provisioned concurrency is called through its alias
 * {@code live}, which serves the published version; any other at {@code $LATEST}. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html">Invoke</a>.
 */
public final class RemoteInvoker {

    private final Console console;

    public RemoteInvoker(Console console) {
        this.console = console;
    }

    /**
     * @return the function's response
     * @throws SpartaUserException when the function is not deployed, the event is over Lambda's quota, or the
     *     function failed (its error document quoted, as Lambda returned it)
     */
    public String invoke(InvokeRequest request, AwsSession aws) throws SpartaUserException, IOException {
        LambdaFunction function = LocalInvoker.find(request);
        LocalLimits.checkEvent(request.event());
        String deployedName = LocalEnvironment.deployedName(function, request.settings());
        String qualifier = function.options().publishesAlias() ? LambdaFunction.ALIAS : null;
        console.info("Invoking " + deployedName + (qualifier == null ? "" : ":" + qualifier) + " on Lambda in "
                + aws.region().id()
                + aws.endpoint().map(endpoint -> " at " + endpoint).orElse(""));
        LambdaClient lambda = aws.client(LambdaClient.class, aws.region(), LambdaClient::builder);
        InvokeResponse response;
        try {
            response = lambda.invoke(r -> r.functionName(deployedName)
                    .qualifier(qualifier)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromByteArray(request.event())));
        } catch (ResourceNotFoundException e) {
            throw new SpartaUserException(
                    "No function " + deployedName + (qualifier == null ? "" : " with alias " + qualifier)
                            + " is deployed in " + aws.region().id() + "; provision it first (mvn package"
                            + " sparta:provision, with -Dsparta.environment=NAME for an environment's stack), or check"
                            + " <region> and -Dsparta.environment");
        }
        if (response.logResult() != null) {
            new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8)
                    .lines()
                    .forEach(line -> console.info("  " + line));
        }
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new SpartaUserException("Function " + function.name() + " (" + deployedName + ") failed on Lambda"
                    + " (FunctionError " + response.functionError() + "): " + payload);
        }
        console.info("Response: " + payload);
        return payload;
    }
}
