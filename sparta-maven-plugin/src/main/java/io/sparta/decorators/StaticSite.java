package io.sparta.decorators;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.ServiceDecorator;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateFragment;

/**
 * A static site: a private, encrypted S3 bucket served through CloudFront with origin access control, so the
 * bucket is never public. Outputs the site's URL and the bucket to upload content to. Written only against the
 * public API.
 *
 * <pre>{@code
 * <decorator implementation="io.sparta.decorators.StaticSite">
 *   <indexDocument>index.html</indexDocument>
 * </decorator>
 * }</pre>
 */
public class StaticSite implements ServiceDecorator {

    /** CloudFront's managed "CachingOptimized" cache policy. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    /** The stem of the logical ids: {@code SiteBucket}, {@code SiteDistribution}, ... */
    String logicalIdPrefix = "Site";

    /** The object CloudFront serves for the site's root. */
    String indexDocument = "index.html";

    @Override
    public void decorate(ServiceModel service, TemplateFragment fragment) {
        String bucket = logicalIdPrefix + "Bucket";
        String accessControl = logicalIdPrefix + "OriginAccessControl";
        String distribution = logicalIdPrefix + "Distribution";

        ObjectNode bucketProperties = fragment.resource(bucket, "AWS::S3::Bucket");
        bucketProperties
                .putObject("BucketEncryption")
                .putArray("ServerSideEncryptionConfiguration")
                .addObject()
                .putObject("ServerSideEncryptionByDefault")
                .put("SSEAlgorithm", "AES256");
        bucketProperties
                .putObject("PublicAccessBlockConfiguration")
                .put("BlockPublicAcls", true)
                .put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true)
                .put("RestrictPublicBuckets", true);

        fragment.resource(accessControl, "AWS::CloudFront::OriginAccessControl")
                .putObject("OriginAccessControlConfig")
                .put("OriginAccessControlOriginType", "s3")
                .put("SigningBehavior", "always")
                .put("SigningProtocol", "sigv4")
                .putObject("Name")
                .put("Fn::Sub", "${AWS::StackName}-" + logicalIdPrefix.toLowerCase(java.util.Locale.ROOT));

        ObjectNode config = fragment.resource(distribution, "AWS::CloudFront::Distribution")
                .putObject("DistributionConfig")
                .put("Enabled", true)
                .put("DefaultRootObject", indexDocument)
                .put("HttpVersion", "http2and3")
                .put("Comment", "Static site of " + service.serviceName());
        ObjectNode origin = config.putArray("Origins").addObject().put("Id", bucket);
        origin.set("DomainName", getAtt(bucket, "RegionalDomainName"));
        origin.putObject("S3OriginConfig").put("OriginAccessIdentity", "");
        origin.set("OriginAccessControlId", getAtt(accessControl, "Id"));
        config.putObject("DefaultCacheBehavior")
                .put("TargetOriginId", bucket)
                .put("ViewerProtocolPolicy", "redirect-to-https")
                .put("CachePolicyId", CACHING_OPTIMIZED)
                .put("Compress", true);

        ObjectNode policy = fragment.resource(logicalIdPrefix + "BucketPolicy", "AWS::S3::BucketPolicy");
        policy.putObject("Bucket").put("Ref", bucket);
        ObjectNode document = policy.putObject("PolicyDocument").put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        ObjectNode readThroughCloudFront = statements
                .addObject()
                .put("Sid", "CloudFrontReadsThroughOriginAccessControl")
                .put("Effect", "Allow")
                .put("Action", "s3:GetObject");
        readThroughCloudFront.putObject("Principal").put("Service", "cloudfront.amazonaws.com");
        readThroughCloudFront.putObject("Resource").put("Fn::Sub", "${" + bucket + ".Arn}/*");
        readThroughCloudFront
                .putObject("Condition")
                .putObject("StringEquals")
                .putObject("AWS:SourceArn")
                .put(
                        "Fn::Sub",
                        "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${" + distribution + "}");

        fragment.output(logicalIdPrefix + "Url")
                .put("Description", "URL of the static site")
                .putObject("Value")
                .put("Fn::Sub", "https://${" + distribution + ".DomainName}");
        fragment.output(logicalIdPrefix + "BucketName")
                .put("Description", "Bucket to upload the site's content to")
                .putObject("Value")
                .put("Ref", bucket);
    }

    private static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode node = io.sparta.core.common.TemplateJson.object();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }
}
