package io.sparta.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetSummary;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Runs a delivery pipeline on moto as AWS CodePipeline would, since moto has no pipeline engine.
 *
 * <p>{@link #declare} takes the pipeline stack's template and the name of that stack on moto, resolves the one
 * {@code AWS::CodePipeline::Pipeline} resource's properties against the stack (moto's CloudFormation skips that
 * resource type), translates them to the CodePipeline API's shape and sends them to moto's CodePipeline API
 * (CreatePipeline, or UpdatePipeline when the pipeline exists), returning what moto stored. {@link #run} then
 * executes the stored pipeline stage by stage, actions by run order, for four action kinds: an S3 source, a
 * CloudFormation CHANGE_SET_REPLACE, a manual approval and a CloudFormation CHANGE_SET_EXECUTE; any other kind
 * fails the run before it starts.
 *
 * <p>What moto 5.2.5's CodePipeline API checks of a declaration: the name is new (CreatePipeline), the role exists and
 * one statement of its trust policy names {@code codepipeline.amazonaws.com} as a <em>string</em> Service principal (a
 * list, which AWS accepts, is rejected; by its source, a statement whose Principal has no Service is a server error),
 * and there are at least two stages. Everything else is stored as sent, unknown fields, made-up action categories and
 * undeclared input artifacts included; {@code pipelineType} and {@code executionMode} are stored and returned verbatim,
 * neither checked nor defaulted. So this runner checks what AWS documents and moto does not: unique stage, action and
 * output artifact names, input artifacts produced before they are consumed, source actions alone in the first stage,
 * categories, owners and run orders in range, QUEUED/PARALLEL only on V2 pipelines, an artifact store bucket that
 * exists. Running, it checks what CodePipeline and CloudFormation would: a versioned source bucket, a deployment role
 * CloudFormation may assume, template parameters that exist and are given, the capabilities a template's IAM resources
 * and transforms need.
 *
 * <p>moto's own gaps it works around: its CloudFormation ignores a bucket's {@code VersioningConfiguration}, so a
 * bucket of the pipeline stack counts as versioned when its template declares versioning; its change sets are
 * found by name across all stacks and ListChangeSets ignores StackName, so change sets are addressed by ARN and
 * listed summaries filtered by stack id; a CREATE change set on a REVIEW_IN_PROGRESS stack makes a second stack of
 * that name (AWS reuses the stack), so the runner first deletes that empty stack.
 */
final class PipelineRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CHANGE_SET_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STACK_TIMEOUT = Duration.ofSeconds(120);
    private static final String PIPELINE_TYPE = "AWS::CodePipeline::Pipeline";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /** What the approver of a manual approval action sees. */
    record Approval(String stage, String action, String customData) {}

    /** Decides a manual approval: true approves, false rejects. */
    @FunctionalInterface
    interface Approver {
        boolean approve(Approval approval);
    }

    /** Approves every manual approval. */
    static final Approver APPROVE_ALL = approval -> true;

    /**
     * The pipeline as moto stored it, in the CodePipeline API's shape ({@code pipeline} of GetPipeline), its
     * {@code metadata}, and whether this declaration updated an existing pipeline rather than created it.
     */
    record Declared(String name, int version, boolean updated, JsonNode pipeline, JsonNode metadata) {

        /** A stage of the stored pipeline. */
        JsonNode stage(String stageName) {
            for (JsonNode stage : pipeline.path("stages")) {
                if (stage.path("name").asText().equals(stageName)) {
                    return stage;
                }
            }
            throw new AssertionError("no stage " + stageName + " in " + pipeline);
        }
    }

    /** What an action did. */
    enum Outcome {
        /** Source: the object was downloaded as the output artifact. */
        DOWNLOADED,
        /** CHANGE_SET_REPLACE: a change set ready to execute (it may list no resource changes: parameters only). */
        CHANGE_SET_CREATED,
        /** CHANGE_SET_REPLACE: the change set did not contain changes, which CodePipeline counts as success. */
        NO_CHANGES,
        APPROVED,
        REJECTED,
        /** CHANGE_SET_EXECUTE: the change set was executed and the stack settled. */
        EXECUTED,
        /** CHANGE_SET_EXECUTE: the replace step found no changes. */
        NOTHING_TO_EXECUTE
    }

    /**
     * One action's run: {@code type} is Category/Owner/Provider; {@code stackName} is set for CloudFormation
     * actions; {@code changes} lists a created change set's changes as {@code Action LogicalId (Type)};
     * {@code detail} says what was touched (object, change set ARN, stack status, approval's custom data).
     */
    record ActionRun(
            String name,
            String type,
            int runOrder,
            Outcome outcome,
            String stackName,
            List<String> changes,
            String detail) {}

    record StageRun(String name, List<ActionRun> actions) {}

    enum Status {
        SUCCEEDED,
        /** A manual approval was rejected: its stage failed and nothing after it ran. */
        REJECTED
    }

    /** What a run did, stage by stage; stages after a rejection are absent. */
    record Run(String pipeline, int pipelineVersion, Status status, List<StageRun> stages, List<Approval> approvals) {

        /** The run of an action; fails if it did not run. */
        ActionRun action(String stageName, String actionName) {
            for (StageRun stage : stages) {
                if (stage.name().equals(stageName)) {
                    for (ActionRun action : stage.actions()) {
                        if (action.name().equals(actionName)) {
                            return action;
                        }
                    }
                }
            }
            throw new AssertionError(stageName + "/" + actionName + " did not run: " + this);
        }

        /** Whether any action executed a change set, that is changed a stack. */
        boolean changedAnyStack() {
            return stages.stream()
                    .flatMap(stage -> stage.actions().stream())
                    .anyMatch(action -> action.outcome() == Outcome.EXECUTED);
        }
    }

    private final URI endpoint;
    private final Region region;
    private final CloudFormationClient cloudFormation;
    private final S3Client s3;
    private final IamClient iam;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Buckets of declared pipeline stacks whose templates enable versioning, which moto's CloudFormation drops. */
    private final Set<String> bucketsDeclaredVersioned = new HashSet<>();

    PipelineRunner(URI endpoint, Region region, CloudFormationClient cloudFormation, S3Client s3, IamClient iam) {
        this.endpoint = endpoint;
        this.region = region;
        this.cloudFormation = cloudFormation;
        this.s3 = s3;
        this.iam = iam;
    }

    /** A runner on moto at {@code endpoint} (the {@code localhost} form) using the clients of {@code aws}. */
    static PipelineRunner on(URI endpoint, LocalAws aws) {
        return new PipelineRunner(endpoint, LocalAws.REGION, aws.cloudFormation, aws.s3, aws.iam);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Declaring

    /**
     * Resolves the template's pipeline resource against the deployed stack {@code stackName}, checks it, and
     * creates it through moto's CodePipeline API (or updates it when a pipeline of that name exists).
     */
    Declared declare(JsonNode template, String stackName) {
        String logicalId = pipelineLogicalId(template);
        Resolver resolver = new Resolver(template, stackName);
        JsonNode properties = resolver.resolve(
                template.path("Resources").path(logicalId).path("Properties"), logicalId + ".Properties");
        rememberBucketsDeclaredVersioned(template, resolver);

        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("pipeline", apiPipeline(properties, logicalId));
        ArrayNode tags = apiTags(properties.path("Tags"), logicalId);
        checkStructure(request.get("pipeline"), logicalId);

        String name = request.get("pipeline").get("name").asText();
        boolean exists = codePipeline("GetPipeline", JSON.createObjectNode().put("name", name), true) != null;
        if (exists) {
            codePipeline("UpdatePipeline", request, false);
        } else {
            if (!tags.isEmpty()) {
                request.set("tags", tags);
            }
            codePipeline("CreatePipeline", request, false);
        }
        JsonNode stored = codePipeline("GetPipeline", JSON.createObjectNode().put("name", name), false);
        return new Declared(
                name,
                stored.path("pipeline").path("version").asInt(),
                exists,
                stored.get("pipeline"),
                stored.path("metadata"));
    }

    private static String pipelineLogicalId(JsonNode template) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(PIPELINE_TYPE)) {
                ids.add(entry.getKey());
            }
        });
        if (ids.size() != 1) {
            throw new IllegalArgumentException(
                    "the template must declare exactly one " + PIPELINE_TYPE + ", found " + ids);
        }
        return ids.get(0);
    }

    private void rememberBucketsDeclaredVersioned(JsonNode template, Resolver resolver) {
        template.path("Resources").fields().forEachRemaining(entry -> {
            JsonNode resource = entry.getValue();
            if (resource.path("Type").asText().equals("AWS::S3::Bucket")
                    && resource.path("Properties")
                            .path("VersioningConfiguration")
                            .path("Status")
                            .asText()
                            .equals("Enabled")) {
                String bucket = resolver.physicalIds.get(entry.getKey());
                if (bucket != null) {
                    bucketsDeclaredVersioned.add(bucket);
                }
            }
        });
    }

    private static ObjectNode apiPipeline(JsonNode properties, String where) {
        ObjectNode pipeline = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = where + "." + field.getKey();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "Name" -> pipeline.set("name", text(value, at));
                case "RoleArn" -> pipeline.set("roleArn", text(value, at));
                case "PipelineType" -> pipeline.set("pipelineType", text(value, at));
                case "ExecutionMode" -> pipeline.set("executionMode", text(value, at));
                case "ArtifactStore" -> pipeline.set("artifactStore", apiArtifactStore(value, at));
                case "Stages" -> {
                    ArrayNode stages = pipeline.putArray("stages");
                    for (int i = 0; i < array(value, at).size(); i++) {
                        stages.add(apiStage(value.get(i), at + "[" + i + "]"));
                    }
                }
                case "Variables" -> {
                    ArrayNode variables = pipeline.putArray("variables");
                    for (int i = 0; i < array(value, at).size(); i++) {
                        variables.add(camelCase(
                                value.get(i), at + "[" + i + "]", Set.of("Name", "DefaultValue", "Description")));
                    }
                }
                case "Tags" -> {
                    // sent as CreatePipeline's tags
                }
                case "RestartExecutionOnUpdate" -> {
                    // CloudFormation's own: whether a stack update starts an execution; not part of the API
                }
                default ->
                    throw new IllegalArgumentException(
                            at + ": the runner does not translate this property to the CodePipeline API");
            }
        }
        for (String required : List.of("name", "roleArn", "artifactStore", "stages")) {
            if (!pipeline.has(required)) {
                throw new IllegalArgumentException(where + ": no " + required
                        + (required.equals("name")
                                ? " (the runner cannot know the name CloudFormation would generate)"
                                : ""));
            }
        }
        return pipeline;
    }

    private static ObjectNode apiArtifactStore(JsonNode store, String at) {
        ObjectNode api = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(store, at).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "Type" -> api.set("type", text(field.getValue(), at + ".Type"));
                case "Location" -> api.set("location", text(field.getValue(), at + ".Location"));
                case "EncryptionKey" ->
                    api.set("encryptionKey", camelCase(field.getValue(), at + ".EncryptionKey", Set.of("Id", "Type")));
                default -> throw new IllegalArgumentException(at + "." + field.getKey() + ": not translated");
            }
        }
        return api;
    }

    private static ObjectNode apiStage(JsonNode stage, String at) {
        ObjectNode api = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(stage, at).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldAt = at + "." + field.getKey();
            switch (field.getKey()) {
                case "Name" -> api.set("name", text(field.getValue(), fieldAt));
                case "Actions" -> {
                    ArrayNode actions = api.putArray("actions");
                    JsonNode value = array(field.getValue(), fieldAt);
                    for (int i = 0; i < value.size(); i++) {
                        actions.add(apiAction(value.get(i), fieldAt + "[" + i + "]"));
                    }
                }
                default -> throw new IllegalArgumentException(fieldAt + ": the runner does not translate this");
            }
        }
        return api;
    }

    private static ObjectNode apiAction(JsonNode action, String at) {
        ObjectNode api = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(action, at).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldAt = at + "." + field.getKey();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "Name" -> api.set("name", text(value, fieldAt));
                case "ActionTypeId" ->
                    api.set(
                            "actionTypeId",
                            camelCase(value, fieldAt, Set.of("Category", "Owner", "Provider", "Version")));
                case "Configuration" -> {
                    ObjectNode configuration = api.putObject("configuration");
                    object(value, fieldAt).fields().forEachRemaining(entry -> {
                        if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                            throw new IllegalArgumentException(
                                    fieldAt + "." + entry.getKey() + ": configuration values are strings");
                        }
                        configuration.put(entry.getKey(), entry.getValue().asText());
                    });
                }
                case "InputArtifacts", "OutputArtifacts" -> {
                    ArrayNode artifacts = api.putArray(
                            field.getKey().equals("InputArtifacts") ? "inputArtifacts" : "outputArtifacts");
                    for (int i = 0; i < array(value, fieldAt).size(); i++) {
                        artifacts.add(camelCase(value.get(i), fieldAt + "[" + i + "]", Set.of("Name")));
                    }
                }
                case "RunOrder", "TimeoutInMinutes" -> {
                    if (!value.canConvertToInt()
                            && !(value.isTextual() && value.asText().matches("\\d+"))) {
                        throw new IllegalArgumentException(fieldAt + ": an integer, not " + value);
                    }
                    api.put(field.getKey().equals("RunOrder") ? "runOrder" : "timeoutInMinutes", value.asInt());
                }
                case "RoleArn" -> api.set("roleArn", text(value, fieldAt));
                case "Region" -> api.set("region", text(value, fieldAt));
                case "Namespace" -> api.set("namespace", text(value, fieldAt));
                default -> throw new IllegalArgumentException(fieldAt + ": the runner does not translate this");
            }
        }
        if (!api.has("name") || !api.has("actionTypeId")) {
            throw new IllegalArgumentException(at + ": an action needs Name and ActionTypeId");
        }
        return api;
    }

    /** An object whose PascalCase fields (all strings, all in {@code allowed}) become camelCase. */
    private static ObjectNode camelCase(JsonNode value, String at, Set<String> allowed) {
        ObjectNode api = JsonNodeFactory.instance.objectNode();
        object(value, at).fields().forEachRemaining(entry -> {
            if (!allowed.contains(entry.getKey())) {
                throw new IllegalArgumentException(at + "." + entry.getKey() + ": not one of " + allowed);
            }
            String key = entry.getKey();
            api.set(Character.toLowerCase(key.charAt(0)) + key.substring(1), text(entry.getValue(), at + "." + key));
        });
        return api;
    }

    private static ArrayNode apiTags(JsonNode tags, String where) {
        ArrayNode api = JsonNodeFactory.instance.arrayNode();
        if (tags.isMissingNode()) {
            return api;
        }
        for (JsonNode tag : array(tags, where + ".Tags")) {
            api.addObject()
                    .put("key", text(tag.path("Key"), where + ".Tags.Key").asText())
                    .put("value", text(tag.path("Value"), where + ".Tags.Value").asText());
        }
        return api;
    }

    /** The structural rules AWS enforces on a pipeline and moto's CodePipeline API does not. */
    private void checkStructure(JsonNode pipeline, String where) {
        List<String> faults = new ArrayList<>();
        String type = pipeline.path("pipelineType").asText("V1");
        String mode = pipeline.path("executionMode").asText("SUPERSEDED");
        if (!Set.of("V1", "V2").contains(type)) {
            faults.add("PipelineType " + type + " is not V1 or V2");
        }
        if (!Set.of("QUEUED", "SUPERSEDED", "PARALLEL").contains(mode)) {
            faults.add("ExecutionMode " + mode + " is not QUEUED, SUPERSEDED or PARALLEL");
        } else if (!mode.equals("SUPERSEDED") && !type.equals("V2")) {
            faults.add("ExecutionMode " + mode + " needs PipelineType V2");
        }
        JsonNode store = pipeline.path("artifactStore");
        if (!store.path("type").asText().equals("S3")) {
            faults.add("ArtifactStore.Type must be S3");
        } else {
            try {
                s3.headBucket(r -> r.bucket(store.path("location").asText()));
            } catch (NoSuchBucketException e) {
                faults.add("ArtifactStore.Location " + store.path("location").asText() + " is no bucket");
            } catch (S3Exception e) {
                faults.add("ArtifactStore.Location " + store.path("location").asText() + ": " + e.getMessage());
            }
        }
        JsonNode stages = pipeline.path("stages");
        if (stages.size() < 2) {
            faults.add("a pipeline needs at least two stages");
        }
        Set<String> stageNames = new HashSet<>();
        Set<String> produced = new HashSet<>();
        for (int s = 0; s < stages.size(); s++) {
            JsonNode stage = stages.get(s);
            String stageName = stage.path("name").asText();
            if (!stageNames.add(stageName)) {
                faults.add("stage name " + stageName + " is used twice");
            }
            JsonNode actions = stage.path("actions");
            if (actions.isEmpty()) {
                faults.add("stage " + stageName + " has no actions");
            }
            Set<String> actionNames = new HashSet<>();
            Map<Integer, Set<String>> outputsByRunOrder = new TreeMap<>();
            for (JsonNode action : actions) {
                String actionName = stageName + "/" + action.path("name").asText();
                if (!actionNames.add(action.path("name").asText())) {
                    faults.add("action name " + actionName + " is used twice in its stage");
                }
                JsonNode typeId = action.path("actionTypeId");
                String category = typeId.path("category").asText();
                if (!Set.of("Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute")
                        .contains(category)) {
                    faults.add(actionName + ": category " + category + " is unknown");
                }
                if (!Set.of("AWS", "ThirdParty", "Custom")
                        .contains(typeId.path("owner").asText())) {
                    faults.add(actionName + ": owner " + typeId.path("owner").asText() + " is unknown");
                }
                if (typeId.path("provider").asText().isEmpty()
                        || typeId.path("version").asText().isEmpty()) {
                    faults.add(actionName + ": ActionTypeId needs Provider and Version");
                }
                if (s == 0 && !category.equals("Source")) {
                    faults.add(actionName + ": the first stage may hold source actions only");
                }
                if (s > 0 && category.equals("Source")) {
                    faults.add(actionName + ": source actions belong to the first stage");
                }
                if (category.equals("Source") && !action.path("inputArtifacts").isEmpty()) {
                    faults.add(actionName + ": a source action takes no input artifacts");
                }
                int runOrder = action.path("runOrder").asInt(1);
                if (runOrder < 1 || runOrder > 999) {
                    faults.add(actionName + ": RunOrder " + runOrder + " is not within 1..999");
                }
                for (JsonNode input : action.path("inputArtifacts")) {
                    String artifact = input.path("name").asText();
                    boolean earlierInStage = outputsByRunOrder.entrySet().stream()
                            .anyMatch(e -> e.getKey() < runOrder && e.getValue().contains(artifact));
                    if (!produced.contains(artifact) && !earlierInStage) {
                        faults.add(actionName + ": input artifact " + artifact
                                + " is not an output of an action that runs before it");
                    }
                }
                for (JsonNode output : action.path("outputArtifacts")) {
                    String artifact = output.path("name").asText();
                    boolean seen = produced.contains(artifact)
                            || outputsByRunOrder.values().stream().anyMatch(names -> names.contains(artifact));
                    if (seen) {
                        faults.add(actionName + ": output artifact " + artifact + " is declared twice");
                    }
                    outputsByRunOrder
                            .computeIfAbsent(runOrder, k -> new HashSet<>())
                            .add(artifact);
                }
            }
            outputsByRunOrder.values().forEach(produced::addAll);
        }
        if (!faults.isEmpty()) {
            throw new IllegalArgumentException(
                    where + " is a pipeline AWS would reject:\n  " + String.join("\n  ", faults));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running

    /** Runs the pipeline moto stores under that name, approving every manual approval. */
    Run run(String pipelineName) {
        return run(pipelineName, APPROVE_ALL);
    }

    /** Runs the pipeline moto stores under that name; {@code approver} decides each manual approval. */
    Run run(String pipelineName, Approver approver) {
        JsonNode stored = codePipeline("GetPipeline", JSON.createObjectNode().put("name", pipelineName), false);
        JsonNode pipeline = stored.get("pipeline");
        for (JsonNode stage : pipeline.path("stages")) {
            for (JsonNode action : stage.path("actions")) {
                kindOf(action, stage.path("name").asText());
            }
        }
        Execution execution = new Execution(pipeline, approver);
        List<StageRun> stages = new ArrayList<>();
        Status status = Status.SUCCEEDED;
        for (JsonNode stage : pipeline.path("stages")) {
            List<JsonNode> actions = new ArrayList<>();
            stage.path("actions").forEach(actions::add);
            // A stable sort: actions of the same run order run in declaration order (CodePipeline runs them at once).
            actions.sort((a, b) -> Integer.compare(
                    a.path("runOrder").asInt(1), b.path("runOrder").asInt(1)));
            List<ActionRun> ran = new ArrayList<>();
            String stageName = stage.path("name").asText();
            for (JsonNode action : actions) {
                ActionRun result = execution.run(stageName, action);
                ran.add(result);
                if (result.outcome() == Outcome.REJECTED) {
                    status = Status.REJECTED;
                    break;
                }
            }
            stages.add(new StageRun(stageName, List.copyOf(ran)));
            if (status == Status.REJECTED) {
                break;
            }
        }
        return new Run(
                pipelineName,
                pipeline.path("version").asInt(),
                status,
                List.copyOf(stages),
                List.copyOf(execution.approvals));
    }

    private enum Kind {
        S3_SOURCE,
        CHANGE_SET_REPLACE,
        MANUAL_APPROVAL,
        CHANGE_SET_EXECUTE
    }

    private static Kind kindOf(JsonNode action, String stage) {
        JsonNode id = action.path("actionTypeId");
        String type = id.path("category").asText() + "/" + id.path("owner").asText() + "/"
                + id.path("provider").asText() + "/" + id.path("version").asText();
        String mode = action.path("configuration").path("ActionMode").asText();
        Kind kind = switch (type) {
            case "Source/AWS/S3/1" -> Kind.S3_SOURCE;
            case "Approval/AWS/Manual/1" -> Kind.MANUAL_APPROVAL;
            case "Deploy/AWS/CloudFormation/1" ->
                switch (mode) {
                    case "CHANGE_SET_REPLACE" -> Kind.CHANGE_SET_REPLACE;
                    case "CHANGE_SET_EXECUTE" -> Kind.CHANGE_SET_EXECUTE;
                    default -> null;
                };
            default -> null;
        };
        if (kind == null) {
            throw new IllegalArgumentException(stage + "/" + action.path("name").asText() + ": the runner does not run "
                    + type + (mode.isEmpty() ? "" : " " + mode)
                    + " (only S3 source, CloudFormation CHANGE_SET_REPLACE and CHANGE_SET_EXECUTE, manual approval)");
        }
        return kind;
    }

    /** One execution: the artifacts produced so far and the approvals reached. */
    private final class Execution {

        private final JsonNode pipeline;
        private final Approver approver;
        private final Map<String, byte[]> artifacts = new HashMap<>();
        private final List<Approval> approvals = new ArrayList<>();
        /** Change sets that CreateChangeSet itself refused as unchanged (moto, TemplateBody only), by stack/name. */
        private final Set<String> refusedAsUnchanged = new HashSet<>();
        /** The StackPolicy of each stack's template configuration, set once its change set is executed. */
        private final Map<String, String> stackPolicies = new HashMap<>();

        Execution(JsonNode pipeline, Approver approver) {
            this.pipeline = pipeline;
            this.approver = approver;
        }

        ActionRun run(String stage, JsonNode action) {
            String where = stage + "/" + action.path("name").asText();
            JsonNode configuration = action.path("configuration");
            return switch (kindOf(action, stage)) {
                case S3_SOURCE -> source(where, action, configuration);
                case CHANGE_SET_REPLACE -> replace(where, action, configuration);
                case MANUAL_APPROVAL -> approval(stage, action, configuration);
                case CHANGE_SET_EXECUTE -> execute(where, action, configuration);
            };
        }

        private ActionRun source(String where, JsonNode action, JsonNode configuration) {
            allowOnly(
                    where,
                    configuration,
                    "S3Bucket",
                    "S3ObjectKey",
                    "PollForSourceChanges",
                    "AllowOverrideForS3ObjectKey");
            String bucket = required(where, configuration, "S3Bucket");
            String key = required(where, configuration, "S3ObjectKey");
            boolean versioned =
                    s3.getBucketVersioning(r -> r.bucket(bucket)).status() == BucketVersioningStatus.ENABLED;
            if (!versioned && !bucketsDeclaredVersioned.contains(bucket)) {
                throw new IllegalStateException(where + ": CodePipeline needs a versioned source bucket; " + bucket
                        + " is not, nor is it a bucket of the pipeline stack declared with versioning");
            }
            if (action.path("outputArtifacts").size() != 1) {
                throw new IllegalArgumentException(where + ": an S3 source has exactly one output artifact");
            }
            byte[] object;
            GetObjectResponse response;
            try {
                var bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
                object = bytes.asByteArray();
                response = bytes.response();
            } catch (S3Exception e) {
                throw new IllegalStateException(where + ": s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
            }
            String artifact = action.path("outputArtifacts").get(0).path("name").asText();
            artifacts.put(artifact, object);
            return new ActionRun(
                    action.path("name").asText(),
                    "Source/AWS/S3",
                    action.path("runOrder").asInt(1),
                    Outcome.DOWNLOADED,
                    null,
                    List.of(),
                    "s3://" + bucket + "/" + key + " as " + artifact + " (version " + response.versionId() + ", "
                            + object.length + " bytes)");
        }

        private ActionRun replace(String where, JsonNode action, JsonNode configuration) {
            allowOnly(
                    where,
                    configuration,
                    "ActionMode",
                    "StackName",
                    "ChangeSetName",
                    "TemplatePath",
                    "TemplateConfiguration",
                    "ParameterOverrides",
                    "RoleArn",
                    "Capabilities");
            String stackName = required(where, configuration, "StackName");
            String changeSetName = required(where, configuration, "ChangeSetName");
            String roleArn = required(where, configuration, "RoleArn");
            checkDeploymentRole(where, roleArn);

            String templatePath = required(where, configuration, "TemplatePath");
            byte[] templateBytes = file(where, action, templatePath);
            JsonNode template = parse(where + " " + templatePath, templateBytes);
            Map<String, String> parameters = new LinkedHashMap<>();
            Map<String, String> tags = new LinkedHashMap<>();
            if (configuration.hasNonNull("TemplateConfiguration")) {
                String path = configuration.get("TemplateConfiguration").asText();
                JsonNode config = parse(where + " " + path, file(where, action, path));
                allowOnly(where + " " + path, config, "Parameters", "Tags", "StackPolicy");
                if (config.path("StackPolicy").isObject()) {
                    stackPolicies.put(stackName, config.path("StackPolicy").toString());
                } else {
                    stackPolicies.remove(stackName);
                }
                parameters.putAll(strings(where + " " + path + " Parameters", config.path("Parameters")));
                tags.putAll(strings(where + " " + path + " Tags", config.path("Tags")));
            }
            if (configuration.hasNonNull("ParameterOverrides")) {
                JsonNode overrides = parse(
                        where + " ParameterOverrides",
                        configuration.get("ParameterOverrides").asText().getBytes(StandardCharsets.UTF_8));
                parameters.putAll(strings(where + " ParameterOverrides", overrides));
            }
            checkParameters(where, template, parameters);
            List<Capability> capabilities =
                    capabilities(where, configuration.path("Capabilities").asText(""));
            checkCapabilities(where, template, capabilities);

            Stack stack = describeStack(stackName);
            if (stack != null && stack.stackStatusAsString().equals("REVIEW_IN_PROGRESS")) {
                // moto would make a second stack of this name; AWS reuses the empty one. It holds no resources.
                cloudFormation.deleteStack(r -> r.stackName(stack.stackId()));
            }
            ChangeSetType type = stack == null || stack.stackStatusAsString().equals("REVIEW_IN_PROGRESS")
                    ? ChangeSetType.CREATE
                    : ChangeSetType.UPDATE;
            if (stack != null && type == ChangeSetType.UPDATE) {
                for (ChangeSetSummary existing : changeSets(stack.stackId(), changeSetName)) {
                    cloudFormation.deleteChangeSet(r -> r.changeSetName(existing.changeSetId()));
                }
            }

            String templateUrl = upload(action, templatePath, templateBytes);
            CreateChangeSetResponse created;
            try {
                created = cloudFormation.createChangeSet(r -> r.stackName(stackName)
                        .changeSetName(changeSetName)
                        .changeSetType(type)
                        .templateURL(templateUrl)
                        .roleARN(roleArn)
                        .capabilities(capabilities)
                        .parameters(parameters.entrySet().stream()
                                .map(e -> Parameter.builder()
                                        .parameterKey(e.getKey())
                                        .parameterValue(e.getValue())
                                        .build())
                                .toList())
                        .tags(tags.entrySet().stream()
                                .map(e -> Tag.builder()
                                        .key(e.getKey())
                                        .value(e.getValue())
                                        .build())
                                .toList()));
            } catch (CloudFormationException e) {
                if (String.valueOf(e.awsErrorDetails().errorMessage()).contains("No updates are to be performed")) {
                    refusedAsUnchanged.add(stackName + "/" + changeSetName);
                    return cloudFormationRun(
                            action,
                            Outcome.NO_CHANGES,
                            stackName,
                            List.of(),
                            "CreateChangeSet: " + e.awsErrorDetails().errorMessage());
                }
                throw new IllegalStateException(where + ": CreateChangeSet " + stackName + ": " + e.getMessage(), e);
            }
            refusedAsUnchanged.remove(stackName + "/" + changeSetName);
            DescribeChangeSetResponse changeSet = awaitChangeSet(where, created.id());
            if (changeSet.statusAsString().equals("FAILED")) {
                if (noChanges(changeSet.statusReason())) {
                    return cloudFormationRun(
                            action, Outcome.NO_CHANGES, stackName, List.of(), changeSet.statusReason());
                }
                throw new IllegalStateException(
                        where + ": change set " + created.id() + " failed: " + changeSet.statusReason());
            }
            return cloudFormationRun(
                    action,
                    Outcome.CHANGE_SET_CREATED,
                    stackName,
                    changes(created.id()),
                    type + " change set " + created.id());
        }

        private ActionRun approval(String stage, JsonNode action, JsonNode configuration) {
            String where = stage + "/" + action.path("name").asText();
            allowOnly(where, configuration, "CustomData", "NotificationArn", "ExternalEntityLink");
            Approval approval = new Approval(
                    stage,
                    action.path("name").asText(),
                    configuration.path("CustomData").asText(null));
            approvals.add(approval);
            boolean approved = approver.approve(approval);
            return new ActionRun(
                    action.path("name").asText(),
                    "Approval/AWS/Manual",
                    action.path("runOrder").asInt(1),
                    approved ? Outcome.APPROVED : Outcome.REJECTED,
                    null,
                    List.of(),
                    approval.customData());
        }

        private ActionRun execute(String where, JsonNode action, JsonNode configuration) {
            allowOnly(where, configuration, "ActionMode", "StackName", "ChangeSetName", "RoleArn");
            String stackName = required(where, configuration, "StackName");
            String changeSetName = required(where, configuration, "ChangeSetName");
            if (refusedAsUnchanged.contains(stackName + "/" + changeSetName)) {
                applyStackPolicy(stackName);
                return cloudFormationRun(
                        action, Outcome.NOTHING_TO_EXECUTE, stackName, List.of(), "the replace step found no changes");
            }
            Stack stack = describeStack(stackName);
            if (stack == null) {
                throw new IllegalStateException(
                        where + ": no stack " + stackName + " to execute " + changeSetName + " on");
            }
            List<ChangeSetSummary> found = changeSets(stack.stackId(), changeSetName);
            if (found.isEmpty()) {
                throw new IllegalStateException(where + ": stack " + stackName + " has no change set " + changeSetName);
            }
            ChangeSetSummary changeSet = found.get(found.size() - 1);
            if (changeSet.statusAsString().equals("FAILED") && noChanges(changeSet.statusReason())) {
                applyStackPolicy(stackName);
                return cloudFormationRun(
                        action, Outcome.NOTHING_TO_EXECUTE, stackName, List.of(), changeSet.statusReason());
            }
            if (!changeSet.executionStatusAsString().equals("AVAILABLE")) {
                throw new IllegalStateException(where + ": change set " + changeSet.changeSetId() + " is "
                        + changeSet.statusAsString() + "/" + changeSet.executionStatusAsString() + ": "
                        + changeSet.statusReason());
            }
            try {
                cloudFormation.executeChangeSet(r -> r.changeSetName(changeSet.changeSetId()));
            } catch (CloudFormationException e) {
                throw new IllegalStateException(
                        where + ": ExecuteChangeSet " + changeSet.changeSetId() + ": " + e.getMessage(), e);
            }
            Stack settled = awaitStack(where, stack.stackId());
            applyStackPolicy(stackName);
            return cloudFormationRun(
                    action,
                    Outcome.EXECUTED,
                    stackName,
                    List.of(),
                    changeSet.changeSetId() + " -> " + settled.stackStatusAsString());
        }

        /** Sets the stack policy the environment's configuration gives, as CloudFormation does for the action. */
        private void applyStackPolicy(String stackName) {
            String policy = stackPolicies.get(stackName);
            if (policy != null) {
                cloudFormation.setStackPolicy(r -> r.stackName(stackName).stackPolicyBody(policy));
            }
        }

        /** A file of an input artifact, named {@code Artifact::path/in/zip}. */
        private byte[] file(String where, JsonNode action, String artifactPath) {
            int separator = artifactPath.indexOf("::");
            if (separator < 0) {
                throw new IllegalArgumentException(where + ": " + artifactPath + " is not ArtifactName::path");
            }
            String artifact = artifactPath.substring(0, separator);
            String path = artifactPath.substring(separator + 2);
            boolean isInput = false;
            for (JsonNode input : action.path("inputArtifacts")) {
                isInput |= input.path("name").asText().equals(artifact);
            }
            if (!isInput) {
                throw new IllegalArgumentException(where + ": " + artifact + " is not an input artifact of the action");
            }
            byte[] zip = artifacts.get(artifact);
            if (zip == null) {
                throw new IllegalStateException(where + ": artifact " + artifact + " was not produced");
            }
            List<String> entries = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().equals(path)) {
                        return in.readAllBytes();
                    }
                    entries.add(entry.getName());
                }
            } catch (IOException e) {
                throw new IllegalStateException(where + ": artifact " + artifact + " is not a zip", e);
            }
            throw new IllegalStateException(
                    where + ": artifact " + artifact + " has no " + path + "; it holds " + entries);
        }

        /** Puts the template in the artifact store, where moto's CloudFormation can read it. */
        private String upload(JsonNode action, String templatePath, byte[] template) {
            String bucket = pipeline.path("artifactStore").path("location").asText();
            String key =
                    pipeline.path("name").asText() + "/" + action.path("name").asText() + "/"
                            + sha256(template).substring(0, 16) + "/"
                            + templatePath.substring(templatePath.indexOf("::") + 2);
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(template));
            return endpoint.resolve("/" + bucket + "/" + key).toString();
        }

        private ActionRun cloudFormationRun(
                JsonNode action, Outcome outcome, String stackName, List<String> changes, String detail) {
            return new ActionRun(
                    action.path("name").asText(),
                    "Deploy/AWS/CloudFormation",
                    action.path("runOrder").asInt(1),
                    outcome,
                    stackName,
                    List.copyOf(changes),
                    detail);
        }
    }

    private void checkDeploymentRole(String where, String roleArn) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String document;
        try {
            document = iam.getRole(r -> r.roleName(roleName)).role().assumeRolePolicyDocument();
        } catch (NoSuchEntityException e) {
            throw new IllegalStateException(where + ": the RoleArn " + roleArn + " names no role", e);
        }
        JsonNode trust = parse(
                where + " trust policy of " + roleName,
                URLDecoder.decode(document, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        for (JsonNode statement : trust.path("Statement")) {
            JsonNode service = statement.path("Principal").path("Service");
            boolean cloudFormationMay = service.isArray()
                    ? containsText(service, "cloudformation.amazonaws.com")
                    : service.asText().equals("cloudformation.amazonaws.com");
            if (statement.path("Effect").asText().equals("Allow") && cloudFormationMay) {
                return;
            }
        }
        throw new IllegalStateException(where + ": CloudFormation may not assume " + roleArn + ": " + trust);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The checks CreateChangeSet makes on AWS and moto does not: parameters exist, and those without defaults are given. */
    private static void checkParameters(String where, JsonNode template, Map<String, String> given) {
        Set<String> declared = new LinkedHashSet<>();
        template.path("Parameters").fieldNames().forEachRemaining(declared::add);
        List<String> unknown =
                given.keySet().stream().filter(k -> !declared.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": Parameters: " + unknown + " do not exist in the template");
        }
        List<String> missing = declared.stream()
                .filter(k -> !given.containsKey(k)
                        && !template.path("Parameters").path(k).has("Default"))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ": Parameters: " + missing + " must have values");
        }
    }

    private static List<Capability> capabilities(String where, String list) {
        List<Capability> capabilities = new ArrayList<>();
        for (String item : list.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            Capability capability = Capability.fromValue(item.trim());
            if (capability == Capability.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException(where + ": unknown capability " + item.trim());
            }
            capabilities.add(capability);
        }
        return capabilities;
    }

    /** InsufficientCapabilities as CloudFormation reports it, for the template's top-level resources. */
    private static void checkCapabilities(String where, JsonNode template, List<Capability> given) {
        Set<String> names = Set.of("RoleName", "UserName", "GroupName", "ManagedPolicyName", "InstanceProfileName");
        boolean iamResources = false;
        boolean namedIam = false;
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().startsWith("AWS::IAM::")) {
                iamResources = true;
                namedIam |= names.stream().anyMatch(resource.path("Properties")::has);
            }
        }
        if (namedIam && !given.contains(Capability.CAPABILITY_NAMED_IAM)) {
            throw new IllegalArgumentException(
                    where + ": InsufficientCapabilities: Requires capabilities : [CAPABILITY_NAMED_IAM]");
        }
        if (iamResources
                && !given.contains(Capability.CAPABILITY_IAM)
                && !given.contains(Capability.CAPABILITY_NAMED_IAM)) {
            throw new IllegalArgumentException(
                    where + ": InsufficientCapabilities: Requires capabilities : [CAPABILITY_IAM]");
        }
        if (template.has("Transform") && !given.contains(Capability.CAPABILITY_AUTO_EXPAND)) {
            throw new IllegalArgumentException(
                    where + ": InsufficientCapabilities: Requires capabilities : [CAPABILITY_AUTO_EXPAND]");
        }
    }

    private Stack describeStack(String stackName) {
        try {
            return cloudFormation
                    .describeStacks(r -> r.stackName(stackName))
                    .stacks()
                    .get(0);
        } catch (CloudFormationException e) {
            if (String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The stack's change sets of that name, oldest first. moto lists every stack's change sets whatever StackName
     * says, so the summaries are filtered by stack id as well.
     */
    private List<ChangeSetSummary> changeSets(String stackId, String changeSetName) {
        List<ChangeSetSummary> found = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = cloudFormation.listChangeSets(r -> r.stackName(stackId).nextToken(next));
            for (ChangeSetSummary summary : page.summaries()) {
                if (stackId.equals(summary.stackId()) && changeSetName.equals(summary.changeSetName())) {
                    found.add(summary);
                }
            }
            token = page.nextToken();
        } while (token != null);
        return found;
    }

    private DescribeChangeSetResponse awaitChangeSet(String where, String changeSetId) {
        Instant deadline = Instant.now().plus(CHANGE_SET_TIMEOUT);
        while (true) {
            DescribeChangeSetResponse changeSet = cloudFormation.describeChangeSet(r -> r.changeSetName(changeSetId));
            String status = changeSet.statusAsString();
            if (status.equals("CREATE_COMPLETE") || status.equals("FAILED")) {
                return changeSet;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(where + ": change set " + changeSetId + " still " + status);
            }
            pause();
        }
    }

    private List<String> changes(String changeSetId) {
        List<String> changes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeChangeSetResponse page = cloudFormation.describeChangeSet(
                    r -> r.changeSetName(changeSetId).nextToken(next));
            page.changes()
                    .forEach(change -> changes.add(change.resourceChange().actionAsString() + " "
                            + change.resourceChange().logicalResourceId() + " ("
                            + change.resourceChange().resourceType() + ")"));
            token = page.nextToken();
        } while (token != null);
        return changes;
    }

    private Stack awaitStack(String where, String stackId) {
        Instant deadline = Instant.now().plus(STACK_TIMEOUT);
        while (true) {
            Stack stack = cloudFormation
                    .describeStacks(r -> r.stackName(stackId))
                    .stacks()
                    .get(0);
            String status = stack.stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS")) {
                if (status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE")) {
                    return stack;
                }
                throw new IllegalStateException(
                        where + ": stack " + stack.stackName() + " ended " + status + ": " + stack.stackStatusReason());
            }
            if (status.equals("REVIEW_IN_PROGRESS") || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(where + ": stack " + stack.stackName() + " still " + status
                        + " after its change set was executed");
            }
            pause();
        }
    }

    private static boolean noChanges(String reason) {
        return reason != null
                && (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed"));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Resolving the pipeline stack's intrinsic functions

    /** Ref, Fn::GetAtt, Fn::Sub, Fn::Join and pseudo parameters, against the deployed stack; anything else fails. */
    private final class Resolver {

        private final JsonNode template;
        private final String stackName;
        private final String stackId;
        private final String partition;
        private final String accountId;
        private final Map<String, String> parameters = new HashMap<>();
        private final Map<String, String> physicalIds = new HashMap<>();

        Resolver(JsonNode template, String stackName) {
            this.template = template;
            Stack stack = describeStack(stackName);
            if (stack == null) {
                throw new IllegalArgumentException("no stack " + stackName + " on moto");
            }
            this.stackName = stack.stackName();
            this.stackId = stack.stackId();
            // arn:PARTITION:cloudformation:REGION:ACCOUNT:stack/NAME/ID
            String[] arn = stackId.split(":");
            this.partition = arn[1];
            this.accountId = arn[4];
            template.path("Parameters").fields().forEachRemaining(p -> {
                if (p.getValue().has("Default")) {
                    parameters.put(p.getKey(), p.getValue().get("Default").asText());
                }
            });
            stack.parameters().forEach(p -> parameters.put(p.parameterKey(), p.parameterValue()));
            for (StackResource resource : cloudFormation
                    .describeStackResources(r -> r.stackName(stackId))
                    .stackResources()) {
                // moto lists a resource type it skipped as a row with neither logical id nor type
                if (resource.logicalResourceId() != null && resource.physicalResourceId() != null) {
                    physicalIds.put(resource.logicalResourceId(), resource.physicalResourceId());
                }
            }
        }

        JsonNode resolve(JsonNode node, String at) {
            if (node.isObject()) {
                if (node.size() == 1) {
                    String function = node.fieldNames().next();
                    if (function.equals("Ref") || function.startsWith("Fn::")) {
                        return function(function, node.get(function), at);
                    }
                }
                ObjectNode resolved = JsonNodeFactory.instance.objectNode();
                node.fields().forEachRemaining(field -> {
                    JsonNode value = resolve(field.getValue(), at + "." + field.getKey());
                    if (value != null) {
                        resolved.set(field.getKey(), value);
                    }
                });
                return resolved;
            }
            if (node.isArray()) {
                ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    JsonNode value = resolve(node.get(i), at + "[" + i + "]");
                    if (value != null) {
                        resolved.add(value);
                    }
                }
                return resolved;
            }
            return node;
        }

        /** The value, or null for {@code AWS::NoValue}. */
        private JsonNode function(String function, JsonNode argument, String at) {
            switch (function) {
                case "Ref" -> {
                    if (argument.asText().equals("AWS::NoValue")) {
                        return null;
                    }
                    return TextNode.valueOf(ref(text(argument, at).asText(), at));
                }
                case "Fn::GetAtt" -> {
                    List<String> parts;
                    if (argument.isTextual()) {
                        parts = Arrays.asList(argument.asText().split("\\.", 2));
                    } else {
                        parts = new ArrayList<>();
                        for (JsonNode part : array(argument, at)) {
                            parts.add(string(resolve(part, at), at));
                        }
                    }
                    if (parts.size() != 2) {
                        throw new IllegalArgumentException(
                                at + ": Fn::GetAtt needs [LogicalId, Attribute]: " + argument);
                    }
                    return TextNode.valueOf(getAtt(parts.get(0), parts.get(1), at));
                }
                case "Fn::Sub" -> {
                    String text;
                    Map<String, String> variables = new HashMap<>();
                    if (argument.isTextual()) {
                        text = argument.asText();
                    } else {
                        if (array(argument, at).size() != 2) {
                            throw new IllegalArgumentException(
                                    at + ": Fn::Sub needs a string or [string, {variables}]");
                        }
                        text = text(argument.get(0), at).asText();
                        object(argument.get(1), at)
                                .fields()
                                .forEachRemaining(v -> variables.put(
                                        v.getKey(),
                                        string(resolve(v.getValue(), at + "." + v.getKey()), at + "." + v.getKey())));
                    }
                    return TextNode.valueOf(sub(text, variables, at));
                }
                case "Fn::Join" -> {
                    if (array(argument, at).size() != 2) {
                        throw new IllegalArgumentException(at + ": Fn::Join needs [delimiter, [values]]");
                    }
                    String delimiter = text(argument.get(0), at).asText();
                    JsonNode values = resolve(argument.get(1), at);
                    List<String> parts = new ArrayList<>();
                    for (JsonNode value : array(values, at)) {
                        parts.add(string(value, at));
                    }
                    return TextNode.valueOf(String.join(delimiter, parts));
                }
                default ->
                    throw new IllegalArgumentException(at + ": " + function
                            + " is not resolved by the runner (Ref, Fn::GetAtt, Fn::Sub, Fn::Join only)");
            }
        }

        private String sub(String text, Map<String, String> variables, String at) {
            Matcher matcher = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1).trim();
                String value;
                if (name.startsWith("!")) {
                    value = "${" + name.substring(1) + "}";
                } else if (variables.containsKey(name)) {
                    value = variables.get(name);
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    String[] parts = name.split("\\.", 2);
                    value = getAtt(parts[0], parts[1], at);
                } else {
                    value = ref(name, at);
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private String ref(String name, String at) {
            switch (name) {
                case "AWS::Region":
                    return region.id();
                case "AWS::AccountId":
                    return accountId;
                case "AWS::Partition":
                    return partition;
                case "AWS::StackName":
                    return stackName;
                case "AWS::StackId":
                    return stackId;
                case "AWS::URLSuffix":
                    return "amazonaws.com";
                default:
                    break;
            }
            if (template.path("Parameters").has(name)) {
                String value = parameters.get(name);
                if (value == null) {
                    throw new IllegalArgumentException(at + ": parameter " + name + " has no value on the stack");
                }
                return value;
            }
            return physicalId(name, at);
        }

        private String physicalId(String logicalId, String at) {
            JsonNode resource = template.path("Resources").path(logicalId);
            if (resource.isMissingNode()) {
                throw new IllegalArgumentException(
                        at + ": " + logicalId + " is no parameter, pseudo parameter or resource");
            }
            String physicalId = physicalIds.get(logicalId);
            if (physicalId == null) {
                throw new IllegalArgumentException(
                        at + ": " + logicalId + " (" + resource.path("Type").asText()
                                + ") has no physical id on stack " + stackName
                                + "; moto's CloudFormation skips some resource types");
            }
            return physicalId;
        }

        private String getAtt(String logicalId, String attribute, String at) {
            String id = physicalId(logicalId, at);
            JsonNode resource = template.path("Resources").path(logicalId);
            String type = resource.path("Type").asText();
            String regional = partition + ":%s:" + region.id() + ":" + accountId + ":";
            String value = switch (type + "." + attribute) {
                case "AWS::IAM::Role.Arn" ->
                    "arn:" + partition + ":iam::" + accountId + ":role" + rolePath(resource, at) + id;
                case "AWS::S3::Bucket.Arn" -> "arn:" + partition + ":s3:::" + id;
                case "AWS::S3::Bucket.DomainName" -> id + ".s3.amazonaws.com";
                case "AWS::S3::Bucket.RegionalDomainName" -> id + ".s3." + region.id() + ".amazonaws.com";
                case "AWS::SNS::Topic.TopicArn" -> id;
                case "AWS::SNS::Topic.TopicName" -> id.substring(id.lastIndexOf(':') + 1);
                case "AWS::SQS::Queue.Arn" ->
                    "arn:" + regional.formatted("sqs") + id.substring(id.lastIndexOf('/') + 1);
                case "AWS::SQS::Queue.QueueName" -> id.substring(id.lastIndexOf('/') + 1);
                case "AWS::SQS::Queue.QueueUrl" -> id;
                case "AWS::KMS::Key.Arn" -> "arn:" + regional.formatted("kms") + "key/" + id;
                case "AWS::KMS::Key.KeyId" -> id;
                case "AWS::Lambda::Function.Arn" -> "arn:" + regional.formatted("lambda") + "function:" + id;
                case "AWS::CodeBuild::Project.Arn" -> "arn:" + regional.formatted("codebuild") + "project/" + id;
                default ->
                    throw new IllegalArgumentException(at + ": Fn::GetAtt " + logicalId + "." + attribute + " of "
                            + type + ": the runner does not know how AWS forms it");
            };
            return value;
        }

        private String rolePath(JsonNode role, String at) {
            JsonNode path = role.path("Properties").path("Path");
            if (path.isMissingNode()) {
                return "/";
            }
            return string(resolve(path, at + " (role Path)"), at);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // moto's CodePipeline API, awsJson1.1 over plain HTTP (the SDK's codepipeline module is not served at 2.59.1)

    /** The answer of an action; null when {@code notFoundIsNull} and the pipeline does not exist. */
    private JsonNode codePipeline(String action, JsonNode body, boolean notFoundIsNull) {
        HttpRequest request;
        try {
            request = Unsigned.awsJson(
                    endpoint,
                    region.id(),
                    "codepipeline",
                    "CodePipeline_20150709." + action,
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() == 200) {
                return answer;
            }
            String type = answer.path("__type").asText();
            if (notFoundIsNull && type.endsWith("PipelineNotFoundException")) {
                return null;
            }
            throw new IllegalStateException("moto's CodePipeline " + action + ": " + response.statusCode() + " " + type
                    + ": " + answer.path("message").asText(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("moto's CodePipeline " + action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Small JSON helpers

    private static JsonNode parse(String what, byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode text(JsonNode value, String at) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(at + ": a string, not " + value);
        }
        return value;
    }

    /** A resolved scalar as a string. */
    private static String string(JsonNode value, String at) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException(at + ": a string, not " + value);
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode value, String at) {
        if (!value.isArray()) {
            throw new IllegalArgumentException(at + ": a list, not " + value);
        }
        return value;
    }

    private static JsonNode object(JsonNode value, String at) {
        if (!value.isObject()) {
            throw new IllegalArgumentException(at + ": an object, not " + value);
        }
        return value;
    }

    private static Map<String, String> strings(String where, JsonNode object) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (object.isMissingNode()) {
            return strings;
        }
        object(object, where)
                .fields()
                .forEachRemaining(e -> strings.put(e.getKey(), string(e.getValue(), where + "." + e.getKey())));
        return strings;
    }

    private static String required(String where, JsonNode configuration, String key) {
        String value = configuration.path(key).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where + ": Configuration." + key + " is required");
        }
        return value;
    }

    private static void allowOnly(String where, JsonNode object, String... keys) {
        Set<String> allowed = Set.of(keys);
        object.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(
                        where + ": " + key + " is not one of " + new TreeSet<>(allowed) + " the runner knows");
            }
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
