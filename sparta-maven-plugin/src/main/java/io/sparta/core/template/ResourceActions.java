package io.sparta.core.template;

import io.sparta.core.template.PipelineRoles.Access;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CloudFormation calls to create, update and delete each resource type Sparta and its built-in decorators
 * write, with the resources those calls act on, from the IAM Service Authorization Reference. Names CloudFormation
 * generates start with the stack's name, so most are held to {@code <stack>-*} (buckets, which Sparta names, to
 * the lower-case stack name); where an action takes no resource
 * ({@code Create...} of event source mappings, API Gateway's paths, dashboards named by decorators), the widest
 * needed is written and the site page "Environments and pipelines" says so.
 */
final class ResourceActions {

    private static final String ARN = "arn:${AWS::Partition}:";
    private static final String REGION_ACCOUNT = ":${AWS::Region}:${AWS::AccountId}:";
    private static final String FUNCTIONS = ARN + "lambda" + REGION_ACCOUNT + "function:{stack}-*";
    private static final String QUALIFIED_FUNCTIONS = FUNCTIONS + ":*";
    private static final String ROLES = ARN + "iam::${AWS::AccountId}:role/{stack}-*";

    private static final Access LAMBDA = new Access(
            "Functions",
            Set.of(
                    "lambda:AddPermission",
                    "lambda:CreateAlias",
                    "lambda:CreateFunction",
                    "lambda:CreateFunctionUrlConfig",
                    "lambda:DeleteAlias",
                    "lambda:DeleteFunction",
                    "lambda:DeleteFunctionConcurrency",
                    "lambda:DeleteFunctionEventInvokeConfig",
                    "lambda:DeleteFunctionUrlConfig",
                    "lambda:GetAlias",
                    "lambda:GetFunction",
                    "lambda:GetFunctionConfiguration",
                    "lambda:GetFunctionEventInvokeConfig",
                    "lambda:GetFunctionUrlConfig",
                    "lambda:GetPolicy",
                    "lambda:GetProvisionedConcurrencyConfig",
                    "lambda:PutProvisionedConcurrencyConfig",
                    "lambda:DeleteProvisionedConcurrencyConfig",
                    "lambda:ListTags",
                    "lambda:ListVersionsByFunction",
                    "lambda:PublishVersion",
                    "lambda:PutFunctionConcurrency",
                    "lambda:PutFunctionEventInvokeConfig",
                    "lambda:RemovePermission",
                    "lambda:TagResource",
                    "lambda:UntagResource",
                    "lambda:UpdateAlias",
                    "lambda:UpdateFunctionCode",
                    "lambda:UpdateFunctionConfiguration",
                    "lambda:UpdateFunctionEventInvokeConfig",
                    "lambda:UpdateFunctionUrlConfig"),
            List.of(FUNCTIONS, QUALIFIED_FUNCTIONS),
            Set.of());

    private static final Access ROLE = new Access(
            "Roles",
            Set.of(
                    "iam:CreateRole",
                    "iam:DeleteRole",
                    "iam:DeleteRolePolicy",
                    "iam:GetRole",
                    "iam:GetRolePolicy",
                    "iam:ListAttachedRolePolicies",
                    "iam:ListRolePolicies",
                    "iam:PutRolePolicy",
                    "iam:TagRole",
                    "iam:UntagRole",
                    "iam:UpdateAssumeRolePolicy",
                    "iam:UpdateRole"),
            List.of(ROLES),
            Set.of());

    private static final Map<String, List<Access>> BY_TYPE = Map.ofEntries(
            Map.entry("AWS::Lambda::Function", List.of(LAMBDA, passRoles("lambda.amazonaws.com"))),
            Map.entry("AWS::Lambda::Version", List.of(LAMBDA)),
            Map.entry("AWS::Lambda::Alias", List.of(LAMBDA)),
            Map.entry("AWS::Lambda::Permission", List.of(LAMBDA)),
            Map.entry("AWS::Lambda::Url", List.of(LAMBDA)),
            Map.entry("AWS::Lambda::EventInvokeConfig", List.of(LAMBDA)),
            Map.entry(
                    "AWS::Lambda::LayerVersion",
                    List.of(new Access(
                            "Layers",
                            Set.of("lambda:DeleteLayerVersion", "lambda:GetLayerVersion", "lambda:PublishLayerVersion"),
                            List.of(
                                    ARN + "lambda" + REGION_ACCOUNT + "layer:{stack}-*",
                                    ARN + "lambda" + REGION_ACCOUNT + "layer:{stack}-*:*"),
                            Set.of()))),
            Map.entry(
                    "AWS::Lambda::EventSourceMapping",
                    List.of(
                            new Access(
                                    "EventSourceMappings",
                                    Set.of(
                                            "lambda:DeleteEventSourceMapping",
                                            "lambda:GetEventSourceMapping",
                                            "lambda:UpdateEventSourceMapping"),
                                    List.of(ARN + "lambda" + REGION_ACCOUNT + "event-source-mapping:*"),
                                    Set.of()),
                            // CreateEventSourceMapping and ListEventSourceMappings take no resource.
                            new Access(
                                    "CreateEventSourceMappings",
                                    Set.of("lambda:CreateEventSourceMapping", "lambda:ListEventSourceMappings"),
                                    List.of("*"),
                                    Set.of()))),
            Map.entry("AWS::IAM::Role", List.of(ROLE)),
            Map.entry(
                    "AWS::Logs::LogGroup",
                    List.of(
                            // DescribeLogGroups takes no resource: IAM evaluates it against *.
                            new Access("DescribeLogGroups", Set.of("logs:DescribeLogGroups"), List.of("*"), Set.of()),
                            new Access(
                                    "LogGroups",
                                    Set.of(
                                            "logs:CreateLogGroup",
                                            "logs:DeleteLogGroup",
                                            "logs:DeleteRetentionPolicy",
                                            "logs:ListTagsForResource",
                                            "logs:PutRetentionPolicy",
                                            "logs:TagResource",
                                            "logs:UntagResource"),
                                    List.of(
                                            ARN + "logs" + REGION_ACCOUNT + "log-group:/aws/lambda/{stack}-*",
                                            ARN + "logs" + REGION_ACCOUNT + "log-group:/aws/lambda/{stack}-*:*"),
                                    Set.of()))),
            Map.entry(
                    "AWS::Logs::SubscriptionFilter",
                    List.of(new Access(
                            "SubscriptionFilters",
                            Set.of(
                                    "logs:DeleteSubscriptionFilter",
                                    "logs:DescribeSubscriptionFilters",
                                    "logs:PutSubscriptionFilter"),
                            List.of(ARN + "logs" + REGION_ACCOUNT + "log-group:*"),
                            Set.of()))),
            Map.entry(
                    "AWS::Events::Rule",
                    List.of(new Access(
                            "Rules",
                            Set.of(
                                    "events:DeleteRule",
                                    "events:DescribeRule",
                                    "events:DisableRule",
                                    "events:EnableRule",
                                    "events:ListTagsForResource",
                                    "events:PutRule",
                                    "events:PutTargets",
                                    "events:RemoveTargets",
                                    "events:TagResource",
                                    "events:UntagResource"),
                            List.of(ARN + "events" + REGION_ACCOUNT + "rule/{stack}-*"),
                            Set.of()))),
            Map.entry(
                    "AWS::Scheduler::Schedule",
                    List.of(
                            new Access(
                                    "Schedules",
                                    Set.of(
                                            "scheduler:CreateSchedule",
                                            "scheduler:DeleteSchedule",
                                            "scheduler:GetSchedule",
                                            "scheduler:UpdateSchedule"),
                                    List.of(ARN + "scheduler" + REGION_ACCOUNT + "schedule/default/{stack}-*"),
                                    Set.of()),
                            passRoles("scheduler.amazonaws.com"))),
            Map.entry(
                    "AWS::SQS::Queue",
                    List.of(new Access(
                            "Queues",
                            Set.of(
                                    "sqs:CreateQueue",
                                    "sqs:DeleteQueue",
                                    "sqs:GetQueueAttributes",
                                    "sqs:GetQueueUrl",
                                    "sqs:ListQueueTags",
                                    "sqs:SetQueueAttributes",
                                    "sqs:TagQueue",
                                    "sqs:UntagQueue"),
                            List.of(ARN + "sqs" + REGION_ACCOUNT + "{stack}-*"),
                            Set.of()))),
            Map.entry(
                    "AWS::SNS::Topic",
                    List.of(new Access(
                            "Topics",
                            Set.of(
                                    "sns:CreateTopic",
                                    "sns:DeleteTopic",
                                    "sns:GetTopicAttributes",
                                    "sns:ListTagsForResource",
                                    "sns:SetTopicAttributes",
                                    "sns:TagResource",
                                    "sns:UntagResource"),
                            List.of(ARN + "sns" + REGION_ACCOUNT + "{stack}-*"),
                            Set.of()))),
            Map.entry(
                    "AWS::SNS::Subscription",
                    List.of(new Access(
                            "Subscriptions",
                            Set.of(
                                    "sns:GetSubscriptionAttributes",
                                    "sns:SetSubscriptionAttributes",
                                    "sns:Subscribe",
                                    "sns:Unsubscribe"),
                            List.of(ARN + "sns" + REGION_ACCOUNT + "*"),
                            Set.of()))),
            Map.entry(
                    "AWS::DynamoDB::Table",
                    List.of(new Access(
                            "Tables",
                            Set.of(
                                    "dynamodb:CreateTable",
                                    "dynamodb:DeleteTable",
                                    "dynamodb:DescribeContinuousBackups",
                                    "dynamodb:DescribeTable",
                                    "dynamodb:DescribeTimeToLive",
                                    "dynamodb:ListTagsOfResource",
                                    "dynamodb:TagResource",
                                    "dynamodb:UntagResource",
                                    "dynamodb:UpdateContinuousBackups",
                                    "dynamodb:UpdateTable"),
                            List.of(ARN + "dynamodb" + REGION_ACCOUNT + "table/{stack}-*"),
                            Set.of()))),
            Map.entry(
                    "AWS::Kinesis::Stream",
                    List.of(new Access(
                            "Streams",
                            Set.of(
                                    "kinesis:AddTagsToStream",
                                    "kinesis:CreateStream",
                                    "kinesis:DeleteStream",
                                    "kinesis:DescribeStream",
                                    "kinesis:DescribeStreamSummary",
                                    "kinesis:ListTagsForStream",
                                    "kinesis:RemoveTagsFromStream",
                                    "kinesis:StartStreamEncryption",
                                    "kinesis:UpdateShardCount"),
                            List.of(ARN + "kinesis" + REGION_ACCOUNT + "stream/{stack}-*"),
                            Set.of()))),
            Map.entry("AWS::S3::Bucket", List.of(buckets())),
            Map.entry("AWS::S3::BucketPolicy", List.of(buckets())),
            Map.entry("AWS::ApiGatewayV2::Api", List.of(apiGateway())),
            Map.entry("AWS::ApiGatewayV2::Stage", List.of(apiGateway())),
            Map.entry("AWS::ApiGatewayV2::Integration", List.of(apiGateway())),
            Map.entry("AWS::ApiGatewayV2::Route", List.of(apiGateway())),
            Map.entry("AWS::ApiGateway::RestApi", List.of(apiGateway())),
            Map.entry("AWS::ApiGateway::Resource", List.of(apiGateway())),
            Map.entry("AWS::ApiGateway::Method", List.of(apiGateway())),
            Map.entry("AWS::ApiGateway::Deployment", List.of(apiGateway())),
            Map.entry("AWS::ApiGateway::Stage", List.of(apiGateway())),
            Map.entry("AWS::ApiGatewayV2::Authorizer", List.of(apiGateway())),
            Map.entry("AWS::ApiGateway::Authorizer", List.of(apiGateway())),
            Map.entry("AWS::ApiGatewayV2::DomainName", List.of(apiDomains())),
            Map.entry("AWS::ApiGatewayV2::ApiMapping", List.of(apiDomains())),
            Map.entry("AWS::ApiGateway::BasePathMapping", List.of(apiDomains())),
            Map.entry(
                    "AWS::Route53::RecordSet",
                    List.of(
                            new Access(
                                    "DomainRecords",
                                    Set.of("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"),
                                    List.of(ARN + "route53:::hostedzone/*"),
                                    Set.of()),
                            new Access(
                                    "DomainRecordChanges",
                                    Set.of("route53:GetChange"),
                                    List.of(ARN + "route53:::change/*"),
                                    Set.of()))),
            Map.entry(
                    "AWS::ApplicationAutoScaling::ScalableTarget",
                    // Application Auto Scaling's actions take no resource; its Lambda role is service-linked.
                    List.of(
                            new Access(
                                    "ScalableTargets",
                                    Set.of(
                                            "application-autoscaling:DeleteScheduledAction",
                                            "application-autoscaling:DeregisterScalableTarget",
                                            "application-autoscaling:DescribeScalableTargets",
                                            "application-autoscaling:DescribeScheduledActions",
                                            "application-autoscaling:PutScheduledAction",
                                            "application-autoscaling:RegisterScalableTarget"),
                                    List.of("*"),
                                    Set.of()),
                            new Access(
                                    "ScalingServiceLinkedRole",
                                    Set.of("iam:CreateServiceLinkedRole"),
                                    List.of(ARN + "iam::${AWS::AccountId}:role/aws-service-role/"
                                            + "lambda.application-autoscaling.amazonaws.com/"
                                            + "AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency"),
                                    Set.of()))),
            Map.entry("AWS::CodeDeploy::Application", List.of(codeDeploy())),
            Map.entry("AWS::CodeDeploy::DeploymentGroup", List.of(codeDeploy(), passRoles("codedeploy.amazonaws.com"))),
            Map.entry(
                    "AWS::CloudFormation::Stack",
                    // A split service's nested stacks, which CloudFormation names <parent>-<logical id>-<suffix>.
                    List.of(new Access(
                            "NestedStacks",
                            Set.of(
                                    "cloudformation:CreateStack",
                                    "cloudformation:DeleteStack",
                                    "cloudformation:DescribeStacks",
                                    "cloudformation:TagResource",
                                    "cloudformation:UpdateStack"),
                            List.of(ARN + "cloudformation" + REGION_ACCOUNT + "stack/{stack}-*/*"),
                            Set.of()))),
            Map.entry(
                    "AWS::CloudWatch::Dashboard",
                    List.of(new Access(
                            "Dashboards",
                            Set.of("cloudwatch:DeleteDashboards", "cloudwatch:GetDashboard", "cloudwatch:PutDashboard"),
                            List.of(ARN + "cloudwatch::${AWS::AccountId}:dashboard/*"),
                            Set.of()))),
            Map.entry(
                    "AWS::CloudWatch::Alarm",
                    List.of(new Access(
                            "Alarms",
                            Set.of(
                                    "cloudwatch:DeleteAlarms",
                                    "cloudwatch:DescribeAlarms",
                                    "cloudwatch:PutMetricAlarm",
                                    "cloudwatch:TagResource",
                                    "cloudwatch:UntagResource"),
                            List.of(ARN + "cloudwatch" + REGION_ACCOUNT + "alarm:*"),
                            Set.of()))));

    private ResourceActions() {}

    /**
     * @throws IllegalArgumentException for a type the pipeline cannot yet deploy, naming it and what to do
     */
    static List<Access> of(String type) {
        List<Access> access = BY_TYPE.get(type);
        if (access == null) {
            throw new IllegalArgumentException("The pipeline's CloudFormation role has no actions for resource type "
                    + type + " (added by a decorator or hook?); provision that service with sparta:provision, or"
                    + " ask for the type to be supported");
        }
        return access;
    }

    /** API Gateway's custom domain names and their mappings to the service's APIs. */
    private static Access apiDomains() {
        return new Access(
                "ApiDomains",
                Set.of("apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"),
                List.of(
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/domainnames",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/domainnames/*"),
                Set.of());
    }

    /**
     * The service's CodeDeploy application (named after the stack) and groups, and the deployments CloudFormation
     * starts through an alias's update policy.
     */
    private static Access codeDeploy() {
        return new Access(
                "CodeDeploy",
                Set.of(
                        "codedeploy:CreateApplication",
                        "codedeploy:CreateDeployment",
                        "codedeploy:CreateDeploymentGroup",
                        "codedeploy:DeleteApplication",
                        "codedeploy:DeleteDeploymentGroup",
                        "codedeploy:GetApplication",
                        "codedeploy:GetApplicationRevision",
                        "codedeploy:GetDeployment",
                        "codedeploy:GetDeploymentConfig",
                        "codedeploy:GetDeploymentGroup",
                        "codedeploy:ListTagsForResource",
                        "codedeploy:RegisterApplicationRevision",
                        "codedeploy:TagResource",
                        "codedeploy:UntagResource",
                        "codedeploy:UpdateApplication",
                        "codedeploy:UpdateDeploymentGroup"),
                List.of(
                        ARN + "codedeploy" + REGION_ACCOUNT + "application:{stack}",
                        ARN + "codedeploy" + REGION_ACCOUNT + "deploymentgroup:{stack}/*",
                        ARN + "codedeploy" + REGION_ACCOUNT + "deploymentconfig:*"),
                Set.of());
    }

    private static Access passRoles(String service) {
        return new Access("PassTheServiceRoles", Set.of("iam:PassRole"), List.of(ROLES), Set.of(service));
    }

    private static Access buckets() {
        return new Access(
                "Buckets",
                Set.of(
                        "s3:CreateBucket",
                        "s3:DeleteBucket",
                        "s3:DeleteBucketPolicy",
                        "s3:GetBucketNotification",
                        "s3:GetBucketPolicy",
                        "s3:GetBucketTagging",
                        "s3:GetEncryptionConfiguration",
                        "s3:PutBucketNotification",
                        "s3:PutBucketOwnershipControls",
                        "s3:PutBucketPolicy",
                        "s3:PutBucketPublicAccessBlock",
                        "s3:PutBucketTagging",
                        "s3:PutBucketVersioning",
                        "s3:PutEncryptionConfiguration",
                        "s3:PutLifecycleConfiguration"),
                List.of("arn:${AWS::Partition}:s3:::{stack-lower}-*"),
                Set.of());
    }

    private static Access apiGateway() {
        return new Access(
                "Apis",
                Set.of("apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"),
                List.of(
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/apis",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/apis/*",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/*",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}::/tags/*"),
                Set.of());
    }
}
