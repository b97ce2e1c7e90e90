package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.core.model.ServiceSettings;
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
     * @param passThrough variables of the developer's shell the function may need (AWS credentials, HOME, where
     *     declared resources are)
     */
    public static Map<String, String> of(
            LambdaFunction function, ServiceSettings settings, String region, Map<String, String> passThrough) {
        String deployedName = deployedName(function, settings);
        Map<String, String> environment = new HashMap<>(passThrough);
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", deployedName);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memory()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime().identifier());
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + deployedName);
        environment.put("_HANDLER", function.handler());
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
    static String substitute(String value, ServiceSettings settings, String region) {
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
