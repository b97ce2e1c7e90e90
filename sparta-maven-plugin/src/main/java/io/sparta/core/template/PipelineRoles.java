package io.sparta.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pipeline's roles, each allowed what its part of the delivery does: the pipeline's (its bucket, change sets
 * of the environment stacks, passing the CloudFormation role), CloudFormation's (what the service's template
 * creates, derived from its resource types and held to the environment stacks' names where AWS allows), CodeBuild's
 * and EventBridge's. No statement has a {@code *} action.
 */
final class PipelineRoles {

    static final String PIPELINE_ROLE = "PipelineRole";
    static final String CLOUDFORMATION_ROLE = "CloudFormationRole";
    static final String BUILD_ROLE = "BuildRole";
    static final String EVENTS_ROLE = "PackagePublishedRole";

    private PipelineRoles() {}

    static JsonNode pipelineArn() {
        return Cfn.sub("arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}");
    }

    static void pipeline(ObjectNode resources, PipelineTemplate.Declaration declaration) {
        ArrayNode statements = role(resources, PIPELINE_ROLE, "codepipeline.amazonaws.com");
        statement(
                statements,
                "ReadAndWriteArtifacts",
                List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"),
                List.of(Cfn.sub("${" + PipelineTemplate.BUCKET + ".Arn}/*")));
        statement(
                statements,
                "ReadArtifactBucket",
                List.of("s3:GetBucketVersioning", "s3:GetBucketLocation"),
                List.of(Cfn.getAtt(PipelineTemplate.BUCKET, "Arn")));
        statement(
                statements,
                "ChangeSetsOfTheEnvironmentStacks",
                List.of(
                        "cloudformation:CreateChangeSet",
                        "cloudformation:DeleteChangeSet",
                        "cloudformation:DescribeChangeSet",
                        "cloudformation:DescribeStacks",
                        "cloudformation:ExecuteChangeSet"),
                declaration.stackNames().stream()
                        .map(stack -> (JsonNode)
                                Cfn.sub("arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/"
                                        + stack + "/*"))
                        .toList());
        ObjectNode pass = statement(
                statements,
                "PassTheCloudFormationRole",
                List.of("iam:PassRole"),
                List.of(Cfn.getAtt(CLOUDFORMATION_ROLE, "Arn")));
        pass.putObject("Condition")
                .putObject("StringEquals")
                .put("iam:PassedToService", "cloudformation.amazonaws.com");
        declaration.repository().ifPresent(repository -> {
            statement(
                    statements,
                    "UseTheConnection",
                    List.of("codeconnections:UseConnection"),
                    List.of(Cfn.text(repository.connectionArn())));
            statement(
                    statements,
                    "RunTheBuild",
                    List.of("codebuild:BatchGetBuilds", "codebuild:StartBuild"),
                    List.of(Cfn.getAtt("Build", "Arn")));
        });
    }

    /** The build's log group is named after the pipeline, so the role needs no reference back to it. */
    static void build(ObjectNode resources, PipelineTemplate.Declaration declaration) {
        ArrayNode statements = role(resources, BUILD_ROLE, "codebuild.amazonaws.com");
        statement(
                statements,
                "WriteItsLogs",
                List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(
                        Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/codebuild/"
                                + declaration.pipelineName()),
                        Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/codebuild/"
                                + declaration.pipelineName() + ":*")));
        statement(
                statements,
                "ArtifactsArchivesAndCache",
                List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"),
                List.of(Cfn.sub("${" + PipelineTemplate.BUCKET + ".Arn}/*")));
        statement(
                statements,
                "ReadArtifactBucket",
                List.of("s3:GetBucketLocation", "s3:ListBucket"),
                List.of(Cfn.getAtt(PipelineTemplate.BUCKET, "Arn")));
    }

    static void events(ObjectNode resources) {
        ArrayNode statements = role(resources, EVENTS_ROLE, "events.amazonaws.com");
        statement(
                statements, "StartThePipeline", List.of("codepipeline:StartPipelineExecution"), List.of(pipelineArn()));
    }

    /**
     * What CloudFormation needs to create, update and delete the service template's resources in the environment
     * stacks, derived from the template's resource types; resources named after their stack are held to those
     * stacks' names.
     *
     * @throws IllegalArgumentException for a resource type it has no actions for, naming it
     */
    static void cloudFormation(ObjectNode resources, PipelineTemplate.Declaration declaration, JsonNode template) {
        ArrayNode statements = role(resources, CLOUDFORMATION_ROLE, "cloudformation.amazonaws.com");
        statement(
                statements,
                "ReadTheArchive",
                List.of("s3:GetObject", "s3:GetObjectVersion"),
                List.of(Cfn.sub("${" + PipelineTemplate.BUCKET + ".Arn}/" + declaration.serviceName() + "/*")));
        secrets(statements, declaration.secretReferences());
        Map<String, Access> byKind = new TreeMap<>();
        Set<String> types = new TreeSet<>();
        for (Iterator<JsonNode> it = template.path("Resources").elements(); it.hasNext(); ) {
            types.add(it.next().path("Type").asText());
        }
        for (String type : types) {
            for (Access access : ResourceActions.of(type)) {
                byKind.merge(access.sid(), access, Access::merge);
            }
        }
        for (Access access : byKind.values()) {
            List<JsonNode> arns = new ArrayList<>();
            for (String pattern : access.resources()) {
                if (pattern.contains("{stack}") || pattern.contains("{stack-lower}")) {
                    declaration
                            .stackNames()
                            .forEach(stack -> arns.add(Cfn.sub(pattern.replace("{stack}", stack)
                                    .replace("{stack-lower}", stack.toLowerCase(java.util.Locale.ROOT)))));
                } else {
                    arns.add(pattern.contains("${") ? Cfn.sub(pattern) : Cfn.text(pattern));
                }
            }
            ObjectNode statement =
                    statement(statements, access.sid(), List.copyOf(new TreeSet<>(access.actions())), arns);
            if (!access.passedTo().isEmpty()) {
                ObjectNode condition = statement.putObject("Condition").putObject("StringEquals");
                ArrayNode services = condition.putArray("iam:PassedToService");
                access.passedTo().forEach(services::add);
            }
        }
    }

    /**
     * CloudFormation resolves the functions' secret references with this role's credentials: it may read exactly
     * those secrets and parameters. A Secrets Manager name matches its ARN with the six characters AWS appends.
     */
    private static void secrets(ArrayNode statements, List<String> references) {
        List<JsonNode> secrets = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        for (String reference : new TreeSet<>(references)) {
            if (reference.startsWith("secretsmanager:")) {
                String id = reference.substring("secretsmanager:".length()).split(":SecretString", 2)[0];
                secrets.add(
                        id.startsWith("arn:")
                                ? Cfn.text(id)
                                : Cfn.sub(
                                        "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                                                + id + "-??????"));
            } else if (reference.startsWith("ssm:")) {
                String name = reference.substring("ssm:".length()).replaceFirst(":\\d+$", "");
                parameters.add(Cfn.sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/"
                        + (name.startsWith("/") ? name.substring(1) : name)));
            }
        }
        if (!secrets.isEmpty()) {
            statement(statements, "ResolveTheSecrets", List.of("secretsmanager:GetSecretValue"), secrets);
        }
        if (!parameters.isEmpty()) {
            statement(statements, "ResolveTheParameters", List.of("ssm:GetParameters"), parameters);
        }
    }

    /**
     * Actions on resources for one purpose.
     *
     * @param resources ARN patterns; {@code {stack}} stands for each environment stack's name, {@code {stack-lower}}
     *     for it in lower case
     * @param passedTo for {@code iam:PassRole}, the services the roles may be passed to
     */
    record Access(String sid, Set<String> actions, List<String> resources, Set<String> passedTo) {

        Access merge(Access other) {
            Set<String> actions = new TreeSet<>(this.actions);
            actions.addAll(other.actions);
            List<String> resources = new ArrayList<>(this.resources);
            other.resources.stream().filter(r -> !resources.contains(r)).forEach(resources::add);
            Set<String> passedTo = new TreeSet<>(this.passedTo);
            passedTo.addAll(other.passedTo);
            return new Access(sid, actions, resources, passedTo);
        }
    }

    private static ArrayNode role(ObjectNode resources, String id, String service) {
        ObjectNode role = Cfn.properties(resources, id, "AWS::IAM::Role");
        ObjectNode trust = role.putObject("AssumeRolePolicyDocument");
        trust.put("Version", "2012-10-17");
        ObjectNode assume = trust.putArray("Statement").addObject();
        assume.put("Effect", "Allow");
        assume.putObject("Principal").put("Service", service);
        assume.put("Action", "sts:AssumeRole");
        ObjectNode policy = role.putArray("Policies").addObject();
        policy.put("PolicyName", "least-privilege");
        ObjectNode document = policy.putObject("PolicyDocument");
        document.put("Version", "2012-10-17");
        return document.putArray("Statement");
    }

    private static ObjectNode statement(ArrayNode statements, String sid, List<String> actions, List<JsonNode> arns) {
        ObjectNode statement = Cfn.allow(sid, actions, arns);
        statements.add(statement);
        return statement;
    }
}
