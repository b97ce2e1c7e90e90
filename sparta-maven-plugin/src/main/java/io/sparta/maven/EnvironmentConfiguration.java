package io.sparta.maven;

import io.sparta.core.model.EnvironmentSettings;
import java.util.Map;

/**
 * One {@code <environment>} of the pom's {@code <environments>}: a stage of the pipeline and a stack of its own.
 *
 * <pre>{@code
 * <environments>
 *   <environment>
 *     <name>prod</name>
 *     <approval>true</approval>
 *     <parameters><Stage>prod</Stage></parameters>
 *     <environment><GREETING>Welcome</GREETING></environment>
 *     <secrets><DB_PASSWORD>secretsmanager:orders/prod/db:SecretString:password</DB_PASSWORD></secrets>
 *     <tags><env>prod</env></tags>
 *   </environment>
 * </environments>
 * }</pre>
 */
public class EnvironmentConfiguration {

    /** The environment's name: 1 to 32 lower-case letters, digits or '-'. */
    String name;

    /** The stack's name; {@code <stackName>-<name>} when not set. */
    String stackName;

    /** Whether promotion into this environment waits for a manual approval in the pipeline. */
    boolean approval;

    /** Values of the service's template {@code <parameters>}. */
    Map<String, String> parameters;

    /** Values of the service-wide function variables of {@code <environment>}. */
    Map<String, String> environment;

    /** References of the {@code <secrets>}, {@code secretsmanager:SECRET-ID} or {@code ssm:NAME}. */
    Map<String, String> secrets;

    /** References of the service's {@code <secretParameters>}, in the same forms. */
    Map<String, String> secretParameters;

    /** Stack tags beside the service's own. */
    Map<String, String> tags;

    /**
     * A CloudFormation stack policy, as JSON, applied to the environment's stack: for example one that denies
     * {@code Update:Replace} and {@code Update:Delete} on a table.
     */
    String stackPolicy;

    EnvironmentSettings toSettings() {
        return new EnvironmentSettings(
                name == null ? "" : name.trim(),
                stackName,
                approval,
                AbstractSpartaMojo.orEmpty(parameters),
                AbstractSpartaMojo.orEmpty(environment),
                AbstractSpartaMojo.orEmpty(secrets),
                AbstractSpartaMojo.orEmpty(tags),
                stackPolicy,
                AbstractSpartaMojo.orEmpty(secretParameters));
    }
}
