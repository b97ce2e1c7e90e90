package io.sparta.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Reads API Gateway (v1) through its REST API. The AWS SDK's apigateway module was not served at the SDK version
 * Sparta pinned when these tests were written (2.39.6; at 2.59.1 it is), so the tests send the same GETs the SDK
 * would; moto routes them by the credential scope and does not check signatures.
 */
final class ApiGatewayReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Region region;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiGatewayReader(URI endpoint, Region region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /** The REST API of that name. */
    JsonNode restApi(String name) {
        for (JsonNode api : get("/restapis").path("item")) {
            if (api.path("name").asText().equals(name)) {
                return api;
            }
        }
        throw new AssertionError("no REST API named " + name + ": " + get("/restapis"));
    }

    /** The API's resources, each with {@code path} and {@code id}. */
    JsonNode resources(String apiId) {
        return get("/restapis/" + apiId + "/resources").path("item");
    }

    /**
     * The integration of one method of a resource, through GetIntegration: GetMethod's {@code methodIntegration} holds
     * the same on AWS and moto, but fakecloud 0.51.0 leaves it out.
     */
    JsonNode integration(String apiId, String resourceId, String httpMethod) {
        return get("/restapis/" + apiId + "/resources/" + resourceId + "/methods/" + httpMethod + "/integration");
    }

    /** The HTTP API (API Gateway v2) of that name. */
    JsonNode httpApi(String name) {
        for (JsonNode api : get("/v2/apis").path("items")) {
            if (api.path("name").asText().equals(name)) {
                return api;
            }
        }
        throw new AssertionError("no HTTP API named " + name + ": " + get("/v2/apis"));
    }

    /** A custom domain name, through API Gateway v2's GetDomainName. */
    JsonNode domainName(String name) {
        return get("/v2/domainnames/" + name);
    }

    /** The API mappings of a custom domain name (API Gateway v2), its items. */
    JsonNode apiMappings(String domainName) {
        return get("/v2/domainnames/" + domainName + "/apimappings").path("items");
    }

    /** The base path mappings of a custom domain name (API Gateway v1), its items. */
    JsonNode basePathMappings(String domainName) {
        return get("/domainnames/" + domainName + "/basepathmappings").path("item");
    }

    /** A collection of an HTTP API: {@code routes}, {@code stages} or {@code integrations}, its items. */
    JsonNode httpApiItems(String apiId, String collection) {
        return get("/v2/apis/" + apiId + "/" + collection).path("items");
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Authorization", Unsigned.authorization(region.id(), "apigateway"))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
