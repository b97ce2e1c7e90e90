package io.sparta.core.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sparta.api.OwnedResource;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import io.sparta.runtime.customresource.CustomResourceResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls a custom resource's function as CloudFormation does: a Create, Update or Delete event built from the
 * {@code @CustomResource} declaration, with a {@code ResponseURL} served on this machine in place of the
 * pre-signed S3 URL, and the answer checked against the protocol (see
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">Custom resource
 * response objects</a>). What CloudFormation remembers between calls, the physical id and the properties, is kept in
 * {@code <work directory>/custom-resources/<name>.json}, so an Update or Delete follows the Create before it.
 */
public final class CustomResourceCalls {

    /** The account and stack id a local event carries, where no stack is. */
    static final String LOCAL_ACCOUNT = "123456789012";

    private static final List<String> REQUEST_TYPES = List.of("Create", "Update", "Delete");

    private final Console console;

    public CustomResourceCalls(Console console) {
        this.console = console;
    }

    /** The answer the function sent, as received. */
    record Received(String contentType, String method, byte[] body) {}

    /**
     * What CloudFormation keeps of a resource between calls.
     *
     * @param failedCreate whether the Create failed, which only the rollback's Delete then follows
     */
    record State(String physicalResourceId, JsonNode properties, boolean failedCreate) {}

    /**
     * The custom resource a call is for: the one named, or the only one the function handles.
     *
     * @throws SpartaUserException when the function handles none, or several and none is named
     */
    public static OwnedResource.Custom resource(ServiceModel service, String function, Optional<String> name)
            throws SpartaUserException {
        List<OwnedResource.Custom> handled = handledBy(service, function);
        if (name.isPresent()) {
            return handled.stream()
                    .filter(custom -> custom.name().equals(name.get()))
                    .findFirst()
                    .orElseThrow(() -> new SpartaUserException("-Dsparta.customResource=" + name.get()
                            + ": function " + function + " handles no @CustomResource of that name"
                            + (handled.isEmpty() ? "" : "; it handles " + names(handled))));
        }
        if (handled.size() != 1) {
            throw new SpartaUserException(
                    handled.isEmpty()
                            ? "-Dsparta.requestType sends CloudFormation's custom resource events, and function "
                                    + function
                                    + " handles no @CustomResource; name a function that a @CustomResource(function = ...)"
                                    + " names"
                            : "Function " + function + " handles " + names(handled) + "; pick one with"
                                    + " -Dsparta.customResource=NAME");
        }
        return handled.get(0);
    }

    /** The custom resources a function handles, in the service's order. */
    static List<OwnedResource.Custom> handledBy(ServiceModel service, String function) {
        return service.resources().stream()
                .filter(OwnedResource.Custom.class::isInstance)
                .map(OwnedResource.Custom.class::cast)
                .filter(custom -> custom.function().equals(function))
                .toList();
    }

    private static List<String> names(List<OwnedResource.Custom> resources) {
        return resources.stream().map(OwnedResource.Custom::name).toList();
    }

    /** {@code Create}, {@code Update} or {@code Delete}, as CloudFormation spells them, from any case. */
    public static String requestType(String value) throws SpartaUserException {
        return REQUEST_TYPES.stream()
                .filter(type -> type.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new SpartaUserException(
                        "-Dsparta.requestType=" + value + " is not a request type; give one of " + REQUEST_TYPES));
    }

    /**
     * Runs one lifecycle call and checks the answer.
     *
     * @param references a declared resource's value for {@code Ref} or {@code Fn::GetAtt}, by name and attribute
     *     (empty for {@code Ref}); what it cannot give is written as {@code <Ref name>}
     * @param invoke runs the function with the event's bytes and returns once it has
     * @return the answer CloudFormation would record
     * @throws SpartaUserException when the function answers FAILED, answers against the protocol, or not at all
     */
    public CustomResourceResponse call(
            ServiceModel service,
            OwnedResource.Custom resource,
            String requestType,
            String region,
            Path workDirectory,
            java.util.function.BiFunction<String, String, Optional<String>> references,
            InvokeFunction invoke)
            throws SpartaUserException, IOException {
        Path stateFile = workDirectory.resolve("custom-resources").resolve(resource.name() + ".json");
        Optional<State> state = read(stateFile);
        if (!requestType.equals("Create") && state.isEmpty()) {
            throw new SpartaUserException((requestType.equals("Update") ? "An " : "A ") + requestType + " follows a"
                    + " Create: no Create of custom resource " + resource.name() + " is recorded in "
                    + stateFile.getParent() + "; run -Dsparta.requestType=Create first");
        }
        if (requestType.equals("Create") && state.isPresent()) {
            throw new SpartaUserException("Custom resource " + resource.name() + " was created already (physical id "
                    + state.get().physicalResourceId() + ", recorded in " + stateFile + "): CloudFormation sends"
                    + " Create once; send Update or Delete, or delete that file to start over");
        }
        if (requestType.equals("Update") && state.get().failedCreate()) {
            throw new SpartaUserException("The Create of custom resource " + resource.name() + " failed, and"
                    + " CloudFormation follows a failed Create with its rollback's Delete only; send"
                    + " -Dsparta.requestType=Delete");
        }
        String requestId = UUID.randomUUID().toString();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<Received> received = new ArrayList<>();
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestMethod(), body));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String stackId = "arn:aws:cloudformation:" + region + ":" + LOCAL_ACCOUNT + ":stack/" + service.stackName()
                    + "/" + UUID.nameUUIDFromBytes(service.stackName().getBytes(StandardCharsets.UTF_8));
            ObjectNode properties = properties(service, resource, region, references);
            ObjectNode event = TemplateJson.object();
            event.put("RequestType", requestType);
            event.put("ServiceToken", properties.path("ServiceToken").asText());
            event.put(
                    "ResponseURL",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-custom-resource-response/"
                            + requestId + "?X-Amz-Expires=7200&X-Amz-Signature=local");
            event.put("StackId", stackId);
            event.put("RequestId", requestId);
            event.put("LogicalResourceId", resource.logicalId());
            event.put("ResourceType", resource.type());
            if (!requestType.equals("Create")) {
                event.put("PhysicalResourceId", state.get().physicalResourceId());
            }
            event.set(
                    "ResourceProperties",
                    requestType.equals("Delete") ? state.get().properties() : properties);
            if (requestType.equals("Update")) {
                event.set("OldResourceProperties", state.get().properties());
            }
            console.info("Sending CloudFormation's " + requestType + " of " + resource.logicalId() + " ("
                    + resource.type() + ")"
                    + state.map(known -> ", physical id " + known.physicalResourceId())
                            .orElse(""));
            invoke.run(TemplateJson.bytes(event));
            CustomResourceResponse response = check(event, received);
            record(stateFile, requestType, response, properties, state);
            missingOutputs(resource, requestType, response);
            return response;
        } finally {
            server.stop(0);
        }
    }

    /** Runs the function with an event. */
    @FunctionalInterface
    public interface InvokeFunction {
        void run(byte[] event) throws SpartaUserException, IOException;
    }

    /** The resource's properties as CloudFormation passes them: strings, references resolved, ServiceToken first. */
    static ObjectNode properties(
            ServiceModel service,
            OwnedResource.Custom resource,
            String region,
            java.util.function.BiFunction<String, String, Optional<String>> references) {
        ObjectNode properties = TemplateJson.object();
        properties.put(
                "ServiceToken",
                "arn:aws:lambda:" + region + ":" + LOCAL_ACCOUNT + ":function:" + service.stackName() + "-"
                        + resource.function());
        for (OwnedResource.Custom.Property property : resource.properties()) {
            if (property.ref().isEmpty()) {
                properties.put(property.name(), property.value());
            } else {
                String written = property.attribute().isEmpty()
                        ? "<Ref " + property.ref() + ">"
                        : "<GetAtt " + property.ref() + "." + property.attribute() + ">";
                properties.put(
                        property.name(),
                        references.apply(property.ref(), property.attribute()).orElse(written));
            }
        }
        return properties;
    }

    /** The one answer the function sent, checked as CloudFormation reads it. */
    static CustomResourceResponse check(JsonNode event, List<Received> received) throws SpartaUserException {
        String requestType = event.path("RequestType").asText();
        if (received.isEmpty()) {
            throw new SpartaUserException("The function returned without answering CloudFormation's " + requestType
                    + ": CloudFormation would wait an hour for the answer, then fail the stack. Answer with"
                    + " CustomResourceFunction from sparta-runtime, or PUT the response to ResponseURL yourself");
        }
        List<String> problems = new ArrayList<>();
        if (received.size() > 1) {
            problems.add("answered " + received.size() + " times; CloudFormation takes the first answer only");
        }
        Received answer = received.get(0);
        if (!answer.method().equals("PUT")) {
            problems.add("sent " + answer.method() + "; the pre-signed URL takes PUT");
        }
        if (answer.contentType() != null && !answer.contentType().isEmpty()) {
            problems.add("sent Content-Type: " + answer.contentType() + ", which the pre-signed URL's signature does"
                    + " not cover, so S3 would refuse the answer (403); send none");
        }
        if (answer.body().length > CustomResourceResponse.MAX_BYTES) {
            problems.add("sent " + answer.body().length + " bytes; CloudFormation accepts at most "
                    + CustomResourceResponse.MAX_BYTES);
        }
        JsonNode body;
        try {
            body = TemplateJson.read(answer.body());
        } catch (IOException e) {
            throw new SpartaUserException("The function's answer to " + requestType + " is not JSON: "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        String status = body.path("Status").asText();
        if (!status.equals(CustomResourceResponse.SUCCESS) && !status.equals(CustomResourceResponse.FAILED)) {
            problems.add("Status is \"" + status + "\"; SUCCESS or FAILED");
        }
        if (status.equals(CustomResourceResponse.FAILED)
                && body.path("Reason").asText().isEmpty()) {
            problems.add("a FAILED answer has no Reason, which the stack events would show");
        }
        String physicalId = body.path("PhysicalResourceId").asText();
        if (physicalId.isEmpty() || physicalId.length() > 1024) {
            problems.add(
                    "PhysicalResourceId is " + (physicalId.isEmpty() ? "missing" : physicalId.length() + " characters")
                            + "; 1 to 1024 characters");
        }
        for (String echoed : List.of("StackId", "RequestId", "LogicalResourceId")) {
            if (!body.path(echoed).asText().equals(event.path(echoed).asText())) {
                problems.add(echoed + " is \"" + body.path(echoed).asText() + "\", not the request's \""
                        + event.path(echoed).asText() + "\"");
            }
        }
        if (requestType.equals("Delete")
                && status.equals(CustomResourceResponse.SUCCESS)
                && !physicalId.equals(event.path("PhysicalResourceId").asText())) {
            problems.add("a Delete answered with physical id \"" + physicalId + "\", not the request's \""
                    + event.path("PhysicalResourceId").asText() + "\"");
        }
        if (body.has("Data") && !body.path("Data").isObject()) {
            problems.add("Data is not an object");
        }
        if (!problems.isEmpty()) {
            throw new SpartaUserException("The function's answer to " + requestType + " breaks CloudFormation's"
                    + " protocol: " + String.join("; ", problems));
        }
        Map<String, String> data = new java.util.LinkedHashMap<>();
        body.path("Data")
                .fields()
                .forEachRemaining(
                        entry -> data.put(entry.getKey(), entry.getValue().asText()));
        return new CustomResourceResponse(
                status,
                body.path("Reason").asText(null),
                physicalId,
                body.path("StackId").asText(),
                body.path("RequestId").asText(),
                body.path("LogicalResourceId").asText(),
                body.path("NoEcho").asBoolean(false),
                data);
    }

    /** Keeps what CloudFormation would, and says what it would do next. */
    private void record(
            Path stateFile,
            String requestType,
            CustomResourceResponse response,
            JsonNode properties,
            Optional<State> before)
            throws SpartaUserException, IOException {
        String data = response.data().isEmpty()
                ? ""
                : ", data "
                        + (response.noEcho()
                                ? "(NoEcho: hidden)"
                                : response.data().toString());
        if (response.status().equals(CustomResourceResponse.FAILED)) {
            if (requestType.equals("Create")) {
                write(stateFile, response.physicalResourceId(), properties, true);
            }
            String next = switch (requestType) {
                case "Create" ->
                    "CloudFormation would roll back by sending Delete for physical id " + response.physicalResourceId()
                            + " (send it with -Dsparta.requestType=Delete)";
                case "Update" ->
                    "CloudFormation would roll back by sending Update with the old and new properties" + " swapped";
                default -> "CloudFormation would fail the deletion and keep the resource";
            };
            throw new SpartaUserException(requestType + " of " + response.logicalResourceId() + " FAILED: "
                    + response.reason() + ". " + next);
        }
        console.info(requestType + " of " + response.logicalResourceId() + " SUCCESS: physical id "
                + response.physicalResourceId() + data);
        if (requestType.equals("Delete")) {
            Files.deleteIfExists(stateFile);
            return;
        }
        if (requestType.equals("Update")
                && before.isPresent()
                && !before.get().physicalResourceId().equals(response.physicalResourceId())) {
            console.info("The physical id changed: CloudFormation would replace the resource, sending Delete for "
                    + before.get().physicalResourceId() + " once the update completes");
        }
        write(stateFile, response.physicalResourceId(), properties, false);
    }

    private static void write(Path stateFile, String physicalId, JsonNode properties, boolean failedCreate)
            throws IOException {
        ObjectNode state = TemplateJson.object();
        state.put("PhysicalResourceId", physicalId);
        state.set("ResourceProperties", properties);
        if (failedCreate) {
            state.put("FailedCreate", true);
        }
        Files.createDirectories(stateFile.getParent());
        TemplateJson.write(TemplateJson.bytes(state), stateFile);
    }

    /**
     * A SUCCESS whose data lacks a key {@code outputs} names: CloudFormation would fail the stack when it reads that
     * output's {@code Fn::GetAtt}.
     */
    private static void missingOutputs(
            OwnedResource.Custom resource, String requestType, CustomResourceResponse response)
            throws SpartaUserException {
        if (requestType.equals("Delete")) {
            return;
        }
        List<String> missing = resource.outputs().stream()
                .filter(key -> !response.data().containsKey(key))
                .toList();
        if (!missing.isEmpty()) {
            throw new SpartaUserException(requestType + " of " + response.logicalResourceId() + " answered SUCCESS"
                    + " without the data " + missing + " that its @CustomResource(outputs) names: CloudFormation"
                    + " would fail the stack reading those outputs (Fn::GetAtt); return them with"
                    + " CustomResourceResult.withData, or leave them out of outputs");
        }
    }

    private static Optional<State> read(Path stateFile) throws IOException {
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        JsonNode state = TemplateJson.read(stateFile);
        return Optional.of(new State(
                state.path("PhysicalResourceId").asText(),
                state.path("ResourceProperties"),
                state.path("FailedCreate").asBoolean(false)));
    }
}
