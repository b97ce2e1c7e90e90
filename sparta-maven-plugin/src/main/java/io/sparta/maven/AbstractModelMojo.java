package io.sparta.maven;

import io.sparta.api.HttpApiSettings;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.EnvironmentSettings;
import io.sparta.core.model.FunctionDefaults;
import io.sparta.core.model.ServiceSettings;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read the service's model, made from its compiled classes and these settings: those that build it
 * (package, describe), deploy it (plan, provision, pipeline, publish; provision refuses a package made with other
 * settings) or run its functions here (invoke, serve).
 */
abstract class AbstractModelMojo extends AbstractServiceMojo {

    /**
     * The CloudFormation stack's name, 1 to 128 letters, digits or hyphens starting with a letter. Functions are
     * deployed as {@code <stackName>-<function name>}. Defaults to the serviceName.
     */
    @Parameter(property = "sparta.stackName")
    String stackName;

    /**
     * The environments the service is delivered to, in promotion order; each a stack of its own made from the same
     * template and archive. See the site page "Environments and pipelines".
     */
    @Parameter
    List<EnvironmentConfiguration> environments;

    /** Tags set on the stack, and through it on every resource that supports tags. */
    @Parameter
    Map<String, String> tags = Map.of();

    /**
     * Template parameters and the values provision passes for them. Declared as String parameters; a function's
     * environment value can use one as {@code ${Name}}.
     */
    @Parameter
    Map<String, String> parameters = Map.of();

    /** Environment variables every function gets; a function's own {@code @Env} of the same name wins. */
    @Parameter
    Map<String, String> environment = Map.of();

    /**
     * Function variables whose values CloudFormation reads at deploy time from AWS Secrets Manager or Systems
     * Manager Parameter Store, so no file Sparta writes holds them: variable name to
     * {@code secretsmanager:SECRET-ID[:SecretString:JSON-KEY]} or {@code ssm:PARAMETER-NAME}.
     */
    @Parameter
    Map<String, String> secrets = Map.of();

    /**
     * Template parameters that hold a secret's reference and make no function variable, for decorators and hooks:
     * name to {@code secretsmanager:SECRET-ID[:SecretString:JSON-KEY]} or {@code ssm:PARAMETER-NAME}. Each is
     * declared as a NoEcho parameter named {@code Secret} and the name's letters and digits ({@code AdminPassword}
     * becomes {@code SecretAdminPassword}); a decorator puts the secret in a resource property with
     * {@code {"Fn::Sub": "{{resolve:${SecretAdminPassword}}}"}}, so only CloudFormation reads the value.
     */
    @Parameter
    Map<String, String> secretParameters = Map.of();

    /**
     * Values every function takes for the {@code @SpartaLambda} attributes it does not write: {@code memory},
     * {@code timeout}, {@code runtime}, {@code architecture}, {@code snapStart}, {@code tracing},
     * {@code logRetentionDays} (0: never expire) and {@code javaToolOptions}. A value on the annotation wins.
     */
    @Parameter
    FunctionDefaultsConfiguration functionDefaults;

    /**
     * The stage of the service's APIs: {@code $default} serves the HTTP API at its root; a REST API, which needs a
     * name, then uses {@code api}.
     */
    @Parameter(property = "sparta.httpStage", defaultValue = HttpApiSettings.DEFAULT_STAGE)
    String httpStage = HttpApiSettings.DEFAULT_STAGE;

    /** Cross-origin rules for the HTTP API, the REST API's preflight and function URLs; none by default. */
    @Parameter
    CorsConfiguration cors;

    /**
     * Access logging of the HTTP and REST APIs' stages to a log group the stack owns, kept
     * {@code <logRetentionDays>} (30 by default; 0: until deleted), in Sparta's JSON line or a {@code <format>} with
     * API Gateway's {@code $context} variables. Off without this section. A REST API logs only in an account whose
     * API Gateway settings name a CloudWatch Logs role.
     */
    @Parameter
    AccessLogsConfiguration accessLogs;

    /** The stage-wide {@code <rateLimit>} (requests a second) and {@code <burstLimit>} of the service's APIs. */
    @Parameter
    ThrottlingConfiguration throttling;

    /**
     * A custom domain name for the HTTP and REST APIs: {@code <name>}, the {@code <certificateArn>} of an ACM
     * certificate in the stack's Region, each API's {@code <basePath>} and {@code <restBasePath>} (the root when left
     * out) and, to have the name point at the APIs, a Route 53 {@code <hostedZoneId>}. Values may name template
     * parameters as {@code ${Name}}, one domain per environment.
     */
    @Parameter
    DomainConfiguration domain;

    /**
     * The authorizer of every HTTP and REST route that names none in {@code @HttpRoute(authorizer)}: the name of an
     * {@code @Authorizer} of the service, {@code AWS_IAM} (callers sign with SigV4 and need {@code execute-api:Invoke}),
     * or {@code NONE}. Routes are open without it.
     */
    @Parameter(property = "sparta.defaultAuthorizer", defaultValue = "")
    String defaultAuthorizer = "";

    /**
     * Whether the template gives each function's ARN (and its SnapStart alias's) as a stack output, exported as
     * {@code <stack>-<Function>Arn} for other stacks to import. Off by default: CloudFormation allows 200 outputs a
     * stack, and {@code sparta:status} lists every function's physical name without them. Function URLs, API URLs
     * and declared resources are always outputs.
     */
    @Parameter(property = "sparta.functionOutputs", defaultValue = "false")
    boolean functionOutputs;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    ServiceSettings serviceSettings() {
        return new ServiceSettings(
                serviceName,
                serviceStackName(stackName),
                orEmpty(tags),
                orEmpty(parameters),
                orEmpty(environment),
                new HttpApiSettings(
                        httpStage,
                        cors == null ? HttpApiSettings.Cors.NONE : cors.toCors(),
                        accessLogs == null ? HttpApiSettings.AccessLogs.NONE : accessLogs.toAccessLogs(),
                        throttling == null ? HttpApiSettings.Throttling.NONE : throttling.toThrottling(),
                        domain == null ? HttpApiSettings.Domain.NONE : domain.toDomain(),
                        defaultAuthorizer == null ? "" : defaultAuthorizer.strip()),
                orEmpty(secrets),
                environmentSettings(environments),
                orEmpty(secretParameters),
                functionDefaults == null ? FunctionDefaults.NONE : functionDefaults.toDefaults(),
                functionOutputs);
    }

    /** The environment {@code -Dsparta.environment} names, for the goals that read it; checked against the pom. */
    Optional<EnvironmentSettings> targetEnvironment(String targetEnvironment) throws SpartaUserException {
        return environmentNamed(serviceSettings().environments(), targetEnvironment);
    }
}
