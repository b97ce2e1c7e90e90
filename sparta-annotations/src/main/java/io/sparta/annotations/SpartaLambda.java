package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an AWS Lambda function.
 *
 * <p>On a class, the class must implement {@code com.amazonaws.services.lambda.runtime.RequestHandler} or
 * {@code RequestStreamHandler} and the handler is the class name. On a public method, the handler is
 * {@code package.Class::method}; the method takes {@code ()}, {@code (event)}, {@code (event, Context)},
 * {@code (InputStream, OutputStream)} or {@code (InputStream, OutputStream, Context)}.
 *
 * <p>The Sparta Maven plugin reads this annotation from class files at {@code package} time; it is not
 * needed at run time, so the dependency can be {@code provided}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpartaLambda {

    /** Allowed values of {@link #logRetentionDays()}: the retention periods CloudWatch Logs accepts. */
    int[] LOG_RETENTION_DAYS = {
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
    };

    /**
     * The function's name within the service, 1 to 64 letters, digits, hyphens or underscores. The deployed
     * function is named {@code <stackName>-<name>}. Defaults to the simple class name, or
     * {@code <SimpleClassName>-<method>} for a method.
     */
    String name() default "";

    /** Free text shown in the Lambda console, at most 256 characters. */
    String description() default "";

    /** Memory in MB, 128 to 10240. */
    int memory() default 512;

    /** Timeout in seconds, 1 to 900. */
    int timeout() default 30;

    /** The Java runtime Lambda runs the function on. */
    LambdaRuntime runtime() default LambdaRuntime.JAVA21;

    /** The instruction set the function runs on. */
    Architecture architecture() default Architecture.X86_64;

    /** Environment variables set on the function. */
    Env[] environment() default {};

    /** {@link #logRetentionDays()} for logs CloudWatch keeps until they are deleted. */
    int LOGS_NEVER_EXPIRE = 0;

    /**
     * How long CloudWatch keeps the function's logs; one of {@link #LOG_RETENTION_DAYS}, or
     * {@link #LOGS_NEVER_EXPIRE} to keep them until they are deleted.
     */
    int logRetentionDays() default 30;

    /**
     * Concurrency reserved for this function, which also caps it: 0 stops every invocation. -1, the default,
     * reserves none.
     */
    int reservedConcurrency() default -1;

    /**
     * Active X-Ray tracing. The function's role may then send traces; X-Ray's actions take no resource, so that
     * statement's resource is {@code *}.
     */
    boolean tracing() default false;

    /** Space in {@code /tmp}, in MB: 512 to 10240. */
    int ephemeralStorage() default 512;

    /**
     * Layers, at most 5, in the order Lambda extracts them: layer version ARNs, or the artifactId of a layer module,
     * a module of the build the function's module depends on with {@code <scope>provided</scope>}. {@code package}
     * puts that module's jar and its runtime dependencies in a layer of the service ({@code java/lib/}), published
     * as {@code <stack>-<artifactId>} whenever what it holds changes.
     */
    String[] layers() default {};

    /**
     * IAM managed policies attached to the role Sparta generates, by ARN: AWS managed
     * ({@code arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess}) or the account's own
     * ({@code arn:aws:iam::123456789012:policy/orders-read}), at most 20 (IAM's limit per role). Not with
     * {@code role}, whose policies are its own. {@code package} warns about AWS managed ones: they grant on every
     * resource what the statements Sparta writes grant on the function's own.
     */
    String[] managedPolicies() default {};

    /**
     * An existing IAM role, by ARN or name, instead of the role Sparta generates. The role must trust
     * lambda.amazonaws.com and allow what the function needs, its logs included; provision checks it exists.
     */
    String role() default "";

    /**
     * SnapStart on published versions. Sparta publishes a version whenever code or configuration changes and
     * points the alias {@code live} at it: call the alias. Lambda does not combine it with more than 512 MB of
     * ephemeral storage.
     */
    boolean snapStart() default false;

    /**
     * Execution environments Lambda keeps initialized for the alias {@code live}, so that many concurrent calls start
     * no JVM: 0, the default, for none. Sparta then publishes a version whenever code or configuration changes and
     * points {@code live} at it, as for {@link #snapStart()}, which Lambda does not combine with it; triggers, routes
     * and URLs call the alias. At most {@link #reservedConcurrency()} when that is set. Billed while provisioned
     * (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html).
     */
    int provisionedConcurrency() default 0;

    /**
     * Changes of {@link #provisionedConcurrency()} over time, such as more on weekday mornings, through Application
     * Auto Scaling; at most 200, Application Auto Scaling's quota for one alias. Needs
     * {@code provisionedConcurrency}, the number a deployment sets.
     */
    ScheduledConcurrency[] concurrencySchedule() default {};

    /**
     * How a new version takes over the alias {@code live}: {@link DeploymentType#NONE}, the default, at once;
     * otherwise through CodeDeploy, at once or gradually (canary or linear), rolled back automatically when one of
     * {@link #deploymentAlarms()} fires or a hook fails. Sparta then publishes versions behind {@code live}, as for
     * {@link #snapStart()}, and {@code sparta:provision} follows the deployment and fails when CodeDeploy rolls it
     * back (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-lambda.html).
     */
    DeploymentType deployment() default DeploymentType.NONE;

    /**
     * CloudWatch alarms, by name, that stop and roll back a deployment when they fire; at most 10, and
     * {@code ${Name}} names a template parameter. Empty, the default, takes Sparta's own alarm on the alias's
     * {@code Errors}: any error during the deployment rolls it back.
     */
    String[] deploymentAlarms() default {};

    /**
     * The name of a function of this service that CodeDeploy calls before it shifts traffic to the new version, to
     * test it; the hook reports its verdict with {@code codedeploy:PutLifecycleEventHookExecutionStatus}, which its
     * role is granted. Empty for none.
     */
    String preTrafficHook() default "";

    /** The name of a function of this service that CodeDeploy calls once all traffic has shifted; empty for none. */
    String postTrafficHook() default "";

    /** Subnets to run in, such as {@code subnet-0abc1234}; with {@link #securityGroupIds()}, at most 16. */
    String[] subnetIds() default {};

    /** Security groups of the function's network interfaces, such as {@code sg-0abc1234}; at most 5. */
    String[] securityGroupIds() default {};

    /** Tags of the function, beside the stack's; at most 50. */
    Tag[] tags() default {};

    /**
     * Where an asynchronous invocation goes when every retry failed: a declared {@link SqsQueue} or
     * {@link SnsTopic} by name, or an SQS queue's or SNS topic's ARN. The role may send there and nowhere else.
     */
    String onFailure() default "";
}
