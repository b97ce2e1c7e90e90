package io.sparta.core.model;

import java.util.Map;

/**
 * One environment the service is delivered to: a stack of its own, made from the same template and archive as
 * every other environment, with its own template parameter values, function variables, secrets and tags.
 *
 * @param name a stage of the pipeline and the suffix of the default stack name, such as {@code prod}
 * @param stackName the stack's name, or empty for {@code <stackName>-<name>}
 * @param approval whether promotion into this environment waits for a manual approval
 * @param parameters values of the template's {@code <parameters>}
 * @param variables values of the service-wide function variables ({@code <environment>})
 * @param secrets references of the {@code <secrets>}, {@code secretsmanager:ID...} or {@code ssm:NAME}
 * @param tags stack tags, beside the service's own
 * @param stackPolicy a CloudFormation stack policy as JSON, such as one denying the replacement of a table; empty for
 *     none (see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/protect-stack-resources.html">
 *     Prevent updates to stack resources</a>)
 * @param secretParameters references of the service's {@code <secretParameters>}
 */
public record EnvironmentSettings(
        String name,
        String stackName,
        boolean approval,
        Map<String, String> parameters,
        Map<String, String> variables,
        Map<String, String> secrets,
        Map<String, String> tags,
        String stackPolicy,
        Map<String, String> secretParameters) {

    /** An environment without secret template parameters. */
    public EnvironmentSettings(
            String name,
            String stackName,
            boolean approval,
            Map<String, String> parameters,
            Map<String, String> variables,
            Map<String, String> secrets,
            Map<String, String> tags,
            String stackPolicy) {
        this(name, stackName, approval, parameters, variables, secrets, tags, stackPolicy, Map.of());
    }

    /** An environment without a stack policy. */
    public EnvironmentSettings(
            String name,
            String stackName,
            boolean approval,
            Map<String, String> parameters,
            Map<String, String> variables,
            Map<String, String> secrets,
            Map<String, String> tags) {
        this(name, stackName, approval, parameters, variables, secrets, tags, "");
    }

    public EnvironmentSettings {
        stackPolicy = stackPolicy == null ? "" : stackPolicy.trim();
        stackName = stackName == null ? "" : stackName;
        parameters = Map.copyOf(parameters);
        variables = Map.copyOf(variables);
        secrets = Map.copyOf(secrets);
        tags = Map.copyOf(tags);
        secretParameters = Map.copyOf(secretParameters);
    }
}
