package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.TemplateJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The two CodeDeploy calls provision makes to follow a deployment, ListDeployments and BatchGetDeployments
 * (https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_ListDeployments.html). The AWS SDK's codedeploy
 * module is not served at the SDK version Sparta pins (2.59.1), so these are the requests the SDK would send: JSON
 * 1.1, signed with the SDK's own Signature Version 4 signer and the session's credentials.
 */
public final class CodeDeployCalls {

    /** A deployment as BatchGetDeployments describes it; empty strings where it says nothing. */
    public record DeploymentState(
            String deploymentId,
            String applicationName,
            String deploymentGroupName,
            String status,
            String errorCode,
            String errorMessage,
            String rollbackDeploymentId,
            String rollbackMessage) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int BATCH_MAX = 25;

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final CallLedger ledger;
    // Made on the first call: most provisions deploy no function gradually and call CodeDeploy never.
    private HttpClient http;

    /** @param endpoint the service's endpoint: a local API's, or CodeDeploy's own in the region */
    public CodeDeployCalls(AwsCredentialsProvider credentials, Region region, URI endpoint, CallLedger ledger) {
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.ledger = ledger;
    }

    /** The ids of the deployments created since a moment, every page. */
    public List<String> deploymentsSince(Instant since) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            ObjectNode request = TemplateJson.object();
            request.putObject("createTimeRange").put("start", since.getEpochSecond());
            if (next != null) {
                request.put("nextToken", next);
            }
            JsonNode answer = call("ListDeployments", request);
            answer.path("deployments").forEach(id -> ids.add(id.asText()));
            next = answer.path("nextToken").asText(null);
        } while (next != null && !next.isEmpty());
        return ids;
    }

    /** What each deployment is doing, 25 to a call. */
    public List<DeploymentState> describe(List<String> ids) throws IOException, InterruptedException {
        List<DeploymentState> states = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_MAX) {
            ObjectNode request = TemplateJson.object();
            ArrayNode batch = request.putArray("deploymentIds");
            ids.subList(from, Math.min(ids.size(), from + BATCH_MAX)).forEach(batch::add);
            for (JsonNode info : call("BatchGetDeployments", request).path("deploymentsInfo")) {
                states.add(new DeploymentState(
                        info.path("deploymentId").asText(),
                        info.path("applicationName").asText(),
                        info.path("deploymentGroupName").asText(),
                        info.path("status").asText(),
                        info.at("/errorInformation/code").asText(""),
                        info.at("/errorInformation/message").asText(""),
                        info.at("/rollbackInfo/rollbackDeploymentId").asText(""),
                        info.at("/rollbackInfo/rollbackMessage").asText("")));
            }
        }
        return states;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    /**
     * One CodeDeploy operation, such as {@code GetDeploymentGroup}, with its JSON request, as the SDK would send it.
     *
     * @return its JSON answer
     * @throws IOException when CodeDeploy answers with an error, naming its type and message
     */
    public JsonNode call(String operation, JsonNode request) throws IOException, InterruptedException {
        byte[] body = TemplateJson.compact(request).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .uri(endpoint)
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "CodeDeploy_20141006." + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(sign -> sign.identity(credentials.resolveCredentials())
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codedeploy")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpRequest.Builder send =
                HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            // The JDK client writes Host and Content-Length itself, as signed.
            if (!header.getKey().equalsIgnoreCase("Host") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                header.getValue().forEach(value -> send.header(header.getKey(), value));
            }
        }
        ledger.record("CodeDeploy", operation);
        HttpResponse<String> response =
                http().send(send.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            JsonNode error = response.body().isBlank() ? TemplateJson.object() : TemplateJson.read(response.body());
            throw new IOException("CodeDeploy " + operation + " answered " + response.statusCode() + ": "
                    + error.path("__type").asText("") + " "
                    + error.path("message").asText(response.body()));
        }
        return TemplateJson.read(response.body());
    }
}
