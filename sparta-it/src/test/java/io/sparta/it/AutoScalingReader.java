package io.sparta.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * Reads Application Auto Scaling through its JSON API (awsJson1.1, target prefix AnyScaleFrontendService,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalableTargets.html). The AWS SDK's
 * applicationautoscaling module is not served at the SDK version Sparta pins (2.59.1; the newest served is a 2.42
 * release), so the tests send the request the SDK would; the emulators route it by its target and credential scope
 * and do not check signatures.
 */
final class AutoScalingReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Region region;
    private final HttpClient http = HttpClient.newHttpClient();

    AutoScalingReader(URI endpoint, Region region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /** The scalable targets of a service namespace ({@code lambda}), each as "ResourceId MinCapacity MaxCapacity". */
    List<String> scalableTargets(String serviceNamespace) {
        JsonNode answer =
                call("DescribeScalableTargets", JSON.createObjectNode().put("ServiceNamespace", serviceNamespace));
        List<String> targets = new ArrayList<>();
        for (JsonNode target : answer.path("ScalableTargets")) {
            targets.add(target.path("ResourceId").asText() + " "
                    + target.path("MinCapacity").asInt() + " "
                    + target.path("MaxCapacity").asInt());
        }
        return targets;
    }

    private JsonNode call(String action, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(
                    Unsigned.awsJson(
                            endpoint,
                            region.id(),
                            "application-autoscaling",
                            "AnyScaleFrontendService." + action,
                            JSON.writeValueAsString(body)),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(action + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(action, e);
        }
    }
}
