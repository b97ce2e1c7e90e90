package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.core.model.ServiceSettings;
import io.sparta.local.TraceHeader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment a function sees when it runs on this machine, as close to Lambda's as a local JVM can be. */
public final class LocalEnvironment {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private LocalEnvironment() {}

    /**
     * What Lambda sets, the function's own variables, and the developer's credentials; nothing else leaks in.
     *
     * <p>Lambda's variables follow <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
     * #configuration-envvars-runtime">Defined runtime environment variables</a>, with local values where Lambda's
     * name a place that is not here: the task root is the module's classes, X-Ray's daemon the loopback address
     * (nothing listens; the trace is not sampled, so nothing is sent).
     *
     * @param passThrough variables of the developer's shell the function may need (AWS credentials, HOME, where
     *     declared resources are)
     * @param taskRoot what {@code LAMBDA_TASK_ROOT} names: the function's code, the module's classes here
     */
    public static Map<String, String> of(
            LambdaFunction function,
            ServiceSettings settings,
            String region,
            Map<String, String> passThrough,
            Path taskRoot) {
        String deployedName = deployedName(function, settings);
        Map<String, String> environment = new HashMap<>(passThrough);
        environment.put("TZ", ":UTC");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
        environment.put("LAMBDA_RUNTIME_DIR", System.getProperty("java.home"));
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put(
                "AWS_LAMBDA_LOG_STREAM_NAME",
                DateTimeFormatter.ofPattern("yyyy/MM/dd")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + "/[$LATEST]"
                        + java.util.UUID.randomUUID().toString().replace("-", ""));
        environment.put("_X_AMZN_TRACE_ID", TraceHeader.next());
        // Lambda's own setting, so the X-Ray SDK logs a missing segment instead of throwing.
        environment.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        environment.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000");
        environment.put("_AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1");
        environment.put("_AWS_XRAY_DAEMON_PORT", "2000");
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", deployedName);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memory()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime().identifier());
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + deployedName);
        environment.put("_HANDLER", function.handler());
        // Sparta's own: Discover then tells a local run how to reach the resources it looks for.
        environment.put(io.sparta.runtime.Discover.LOCAL_VARIABLE, "true");
        // Locally no stack resolves where declared resources are: the developer's own value wins, and without one
        // the variable is left out, so Discover says which one to set.
        function.environment().forEach((key, value) -> {
            String resolved = substitute(value, settings, region);
            boolean leftToDeveloper = (key.startsWith(OwnedResource.ENVIRONMENT_PREFIX)
                            && (passThrough.containsKey(key) || resolved.contains("${")))
                    // A secret CloudFormation would read at deploy time: never fetched to this machine.
                    || resolved.startsWith("{{resolve:");
            if (!leftToDeveloper) {
                environment.put(key, resolved);
            }
        });
        return environment;
    }

    /** The name Lambda knows the function by: {@code <stackName>-<name>}. */
    public static String deployedName(LambdaFunction function, ServiceSettings settings) {
        return settings.stackName() + "-" + function.name();
    }

    /** Resolves {@code ${Parameter}} and pseudo parameters as CloudFormation's Fn::Sub would, locally. */
    public static String substitute(String value, ServiceSettings settings, String region) {
        Map<String, String> known = new HashMap<>(settings.parameters());
        known.put("AWS::Region", region);
        known.put("AWS::StackName", settings.stackName());
        known.put("AWS::AccountId", "000000000000");
        known.put("AWS::Partition", "aws");
        known.put("AWS::URLSuffix", "amazonaws.com");
        known.put("AWS::StackId", "local");
        Matcher reference = SUBSTITUTION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String replacement = reference.group(1).isEmpty()
                    ? known.getOrDefault(reference.group(2), reference.group())
                    : "${" + reference.group(2) + "}";
            reference.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return reference.appendTail(resolved).toString();
    }
}
