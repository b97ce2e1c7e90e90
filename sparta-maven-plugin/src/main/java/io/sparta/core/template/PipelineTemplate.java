package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.core.common.TemplateJson;
import java.util.List;
import java.util.Optional;

/**
 * The service's delivery pipeline as a CloudFormation template: an artifact bucket that receives each published
 * package, a CodePipeline (type V2, executions queued) whose source is that package (or a repository built by
 * CodeBuild), and one stage per environment that replaces the environment stack's change set, waits for an
 * approval where declared, and executes it. Every role is allowed what its stage does and no more. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline.html">
 * Continuous delivery with CodePipeline</a>.
 */
public final class PipelineTemplate {

    /** Logical id of the bucket publishing writes the package to. */
    public static final String BUCKET = "ArtifactBucket";
    /** Name of the artifact the source stage outputs and every environment reads. */
    public static final String PACKAGE_ARTIFACT = "Package";

    private PipelineTemplate() {}

    /**
     * @param packageKey the S3 key of the published package, such as {@code orders/package.zip}
     * @param secretReferences every environment's secrets, {@code secretsmanager:ID...} or {@code ssm:NAME}, which
     *     CloudFormation reads when it resolves their dynamic references
     */
    public record Declaration(
            String serviceName,
            String pipelineName,
            String packageKey,
            List<Environment> environments,
            Optional<Repository> repository,
            String buildImage,
            List<String> secretReferences) {

        public Declaration {
            environments = List.copyOf(environments);
            secretReferences = List.copyOf(secretReferences);
        }

        /** A pipeline of a service without secrets. */
        public Declaration(
                String serviceName,
                String pipelineName,
                String packageKey,
                List<Environment> environments,
                Optional<Repository> repository,
                String buildImage) {
            this(serviceName, pipelineName, packageKey, environments, repository, buildImage, List.of());
        }

        public List<String> stackNames() {
            return environments.stream().map(Environment::stackName).toList();
        }
    }

    /** One stage of the pipeline. */
    public record Environment(String name, String stackName, boolean approval) {}

    /**
     * A repository reached through an AWS CodeConnections connection (GitHub, GitLab, Bitbucket): no token is
     * ever stored.
     *
     * @param fullRepositoryId {@code owner/name}
     */
    public record Repository(String connectionArn, String fullRepositoryId, String branch) {}

    /** How every pipeline template's Description starts, the service's name following. */
    private static final String DESCRIPTION = "Sparta for Java delivery pipeline of ";

    /** Whether a deployed template is a pipeline stack's, which {@code sparta:pipeline} creates and updates. */
    public static boolean isPipeline(JsonNode template) {
        return template.path("Description").asText().startsWith(DESCRIPTION);
    }

    /** @param serviceTemplate the service's template, whose resource types decide what CloudFormation may do */
    public static ObjectNode marshal(Declaration declaration, JsonNode serviceTemplate) {
        ObjectNode template = TemplateJson.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", DESCRIPTION + declaration.serviceName());
        ObjectNode resources = template.putObject("Resources");

        ObjectNode bucket = Cfn.resource(resources, BUCKET, "AWS::S3::Bucket");
        bucket.put("DeletionPolicy", "Retain");
        bucket.put("UpdateReplacePolicy", "Retain");
        ObjectNode bucketProperties = bucket.putObject("Properties");
        Cfn.privateEncryptedBucket(bucketProperties);
        bucketProperties.putObject("VersioningConfiguration").put("Status", "Enabled");
        // Object-created events reach EventBridge, which starts the pipeline: no polling.
        bucketProperties
                .putObject("NotificationConfiguration")
                .putObject("EventBridgeConfiguration")
                .put("EventBridgeEnabled", true);
        Cfn.abortIncompleteUploads(bucketProperties);
        Cfn.tlsOnlyPolicy(
                resources, BUCKET + "Policy", BUCKET, Cfn.getAtt(BUCKET, "Arn"), Cfn.sub("${" + BUCKET + ".Arn}/*"));

        PipelineRoles.cloudFormation(resources, declaration, serviceTemplate);
        PipelineRoles.pipeline(resources, declaration);
        declaration.repository().ifPresent(repository -> addBuild(resources, declaration));
        addPipeline(resources, declaration);
        if (declaration.repository().isEmpty()) {
            addSourceRule(resources, declaration);
        }

        ObjectNode outputs = template.putObject("Outputs");
        outputs.putObject("PipelineName").put("Description", "The pipeline").set("Value", Cfn.ref("Pipeline"));
        outputs.putObject("PipelineConsoleUrl")
                .put("Description", "The pipeline in the AWS console")
                .set(
                        "Value",
                        Cfn.sub("https://${AWS::Region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/"
                                + "${Pipeline}/view?region=${AWS::Region}"));
        outputs.putObject("SourceBucket")
                .put("Description", "Where publishing puts the package")
                .set("Value", Cfn.ref(BUCKET));
        outputs.putObject("SourceKey")
                .put("Description", "The package's key")
                .set("Value", Cfn.text(declaration.packageKey()));
        return template;
    }

    private static void addPipeline(ObjectNode resources, Declaration declaration) {
        ObjectNode pipeline = Cfn.properties(resources, "Pipeline", "AWS::CodePipeline::Pipeline");
        pipeline.put("Name", declaration.pipelineName());
        pipeline.put("PipelineType", "V2");
        pipeline.put("ExecutionMode", "QUEUED");
        pipeline.set("RoleArn", Cfn.getAtt(PipelineRoles.PIPELINE_ROLE, "Arn"));
        pipeline.putObject("ArtifactStore").put("Type", "S3").set("Location", Cfn.ref(BUCKET));
        ArrayNode stages = pipeline.putArray("Stages");
        if (declaration.repository().isPresent()) {
            Repository repository = declaration.repository().get();
            ObjectNode source = action(
                    stages.addObject().put("Name", "Source").putArray("Actions"),
                    "Repository",
                    "Source",
                    "AWS",
                    "CodeStarSourceConnection",
                    1);
            source.putObject("Configuration")
                    .put("ConnectionArn", repository.connectionArn())
                    .put("FullRepositoryId", repository.fullRepositoryId())
                    .put("BranchName", repository.branch())
                    .put("DetectChanges", "true");
            source.putArray("OutputArtifacts").addObject().put("Name", "Repository");
            ObjectNode build = action(
                    stages.addObject().put("Name", "Build").putArray("Actions"),
                    "Build",
                    "Build",
                    "AWS",
                    "CodeBuild",
                    1);
            build.putObject("Configuration").set("ProjectName", Cfn.ref("Build"));
            build.putArray("InputArtifacts").addObject().put("Name", "Repository");
            build.putArray("OutputArtifacts").addObject().put("Name", PACKAGE_ARTIFACT);
        } else {
            ObjectNode source = action(
                    stages.addObject().put("Name", "Source").putArray("Actions"),
                    PACKAGE_ARTIFACT,
                    "Source",
                    "AWS",
                    "S3",
                    1);
            ObjectNode configuration = source.putObject("Configuration");
            configuration.set("S3Bucket", Cfn.ref(BUCKET));
            configuration.put("S3ObjectKey", declaration.packageKey());
            configuration.put("PollForSourceChanges", "false");
            source.putArray("OutputArtifacts").addObject().put("Name", PACKAGE_ARTIFACT);
        }
        for (Environment environment : declaration.environments()) {
            ArrayNode actions =
                    stages.addObject().put("Name", environment.name()).putArray("Actions");
            String changeSet = changeSetName(environment);
            ObjectNode replace = action(actions, "CreateChangeSet", "Deploy", "AWS", "CloudFormation", 1);
            ObjectNode replaceConfiguration = replace.putObject("Configuration");
            replaceConfiguration.put("ActionMode", "CHANGE_SET_REPLACE");
            replaceConfiguration.put("StackName", environment.stackName());
            replaceConfiguration.put("ChangeSetName", changeSet);
            replaceConfiguration.put("TemplatePath", PACKAGE_ARTIFACT + "::template.json");
            replaceConfiguration.put(
                    "TemplateConfiguration", PACKAGE_ARTIFACT + "::environments/" + environment.name() + ".json");
            replaceConfiguration.set("RoleArn", Cfn.getAtt(PipelineRoles.CLOUDFORMATION_ROLE, "Arn"));
            replaceConfiguration.put("Capabilities", "CAPABILITY_IAM");
            replace.putArray("InputArtifacts").addObject().put("Name", PACKAGE_ARTIFACT);
            int next = 2;
            if (environment.approval()) {
                ObjectNode approve = action(actions, "Approve", "Approval", "AWS", "Manual", next++);
                approve.putObject("Configuration")
                        .put(
                                "CustomData",
                                "Review change set " + changeSet + " of stack " + environment.stackName()
                                        + " in the CloudFormation console, then approve to execute it");
            }
            ObjectNode execute = action(actions, "ExecuteChangeSet", "Deploy", "AWS", "CloudFormation", next);
            ObjectNode executeConfiguration = execute.putObject("Configuration");
            executeConfiguration.put("ActionMode", "CHANGE_SET_EXECUTE");
            executeConfiguration.put("StackName", environment.stackName());
            executeConfiguration.put("ChangeSetName", changeSet);
        }
    }

    /** The change set each environment's stage replaces and executes. */
    public static String changeSetName(Environment environment) {
        return environment.stackName() + "-pipeline";
    }

    private static ObjectNode action(
            ArrayNode actions, String name, String category, String owner, String provider, int runOrder) {
        ObjectNode action = actions.addObject();
        action.put("Name", name);
        action.putObject("ActionTypeId")
                .put("Category", category)
                .put("Owner", owner)
                .put("Provider", provider)
                .put("Version", "1");
        action.put("RunOrder", runOrder);
        return action;
    }

    /** Starts the pipeline when publishing writes the package: an EventBridge rule on that object's creation. */
    private static void addSourceRule(ObjectNode resources, Declaration declaration) {
        ObjectNode rule = Cfn.properties(resources, "PackagePublished", "AWS::Events::Rule");
        rule.put("Description", "Starts the pipeline when a package is published");
        ObjectNode pattern = rule.putObject("EventPattern");
        pattern.putArray("source").add("aws.s3");
        pattern.putArray("detail-type").add("Object Created");
        ObjectNode detail = pattern.putObject("detail");
        detail.putObject("bucket").putArray("name").add(Cfn.ref(BUCKET));
        detail.putObject("object").putArray("key").add(declaration.packageKey());
        rule.put("State", "ENABLED");
        ObjectNode target = rule.putArray("Targets").addObject();
        target.put("Id", "Pipeline");
        target.set("Arn", PipelineRoles.pipelineArn());
        target.set("RoleArn", Cfn.getAtt(PipelineRoles.EVENTS_ROLE, "Arn"));
        PipelineRoles.events(resources);
    }

    /** A CodeBuild project that builds and tests the repository and hands the package to the environments. */
    private static void addBuild(ObjectNode resources, Declaration declaration) {
        PipelineRoles.build(resources, declaration);
        ObjectNode project = Cfn.properties(resources, "Build", "AWS::CodeBuild::Project");
        project.put("Description", "Builds, tests and packages " + declaration.serviceName());
        project.set("ServiceRole", Cfn.getAtt(PipelineRoles.BUILD_ROLE, "Arn"));
        project.putObject("Artifacts").put("Type", "CODEPIPELINE");
        ObjectNode environment = project.putObject("Environment")
                .put("Type", "LINUX_CONTAINER")
                .put("ComputeType", "BUILD_GENERAL1_MEDIUM")
                .put("Image", declaration.buildImage());
        environment
                .putArray("EnvironmentVariables")
                .addObject()
                .put("Name", "SPARTA_PIPELINE_BUCKET")
                .set("Value", Cfn.ref(BUCKET));
        project.putObject("Source").put("Type", "CODEPIPELINE").put("BuildSpec", buildSpec());
        project.putObject("Cache")
                .put("Type", "S3")
                .set("Location", Cfn.sub("${" + BUCKET + "}/build-cache/" + declaration.serviceName()));
        project.putObject("LogsConfig")
                .putObject("CloudWatchLogs")
                .put("Status", "ENABLED")
                .put("GroupName", "/aws/codebuild/" + declaration.pipelineName());
        project.put("TimeoutInMinutes", 60);
    }

    /**
     * Builds and tests with the project's wrapper, uploads the archive to the pipeline's bucket and lays out the
     * package (template, and each environment's configuration naming the archive) as the environments read it.
     */
    static String buildSpec() {
        return String.join(
                "\n",
                "version: 0.2",
                "phases:",
                "  build:",
                "    commands:",
                "      - ./mvnw -B -ntp verify sparta:publish -Dsparta.uploadPackage=false"
                        + " -Dmaven.repo.local=$CODEBUILD_SRC_DIR/.m2",
                "artifacts:",
                "  base-directory: target/sparta/publish",
                "  files:",
                "    - '**/*'",
                "cache:",
                "  paths:",
                "    - '.m2/**/*'",
                "");
    }
}
