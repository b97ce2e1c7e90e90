package io.sparta.core.local;

import io.sparta.api.OwnedResource;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.deploy.AwsSession;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Where a deployed function finds the service's resources: its {@code SPARTA_*} variables, as CloudFormation
 * resolved them, read with Lambda's GetFunctionConfiguration, so a local run can use the stack's real tables,
 * queues and buckets.
 */
@FunctionalInterface
public interface DeployedResources {

    /** None: the local run sees only what the developer's shell names. */
    DeployedResources NONE = deployedName -> Map.of();

    /**
     * @param deployedName the function's name on Lambda, {@code <stack>-<name>}
     * @return its {@code SPARTA_*} variables by name
     * @throws SpartaUserException when no such function is deployed
     */
    Map<String, String> variables(String deployedName) throws SpartaUserException;

    /**
     * The variables a local function gets: the deployed function's, and over them the developer's own, so a value
     * set in the shell wins.
     */
    default Map<String, String> under(Map<String, String> passThrough, String deployedName) throws SpartaUserException {
        Map<String, String> merged = new java.util.HashMap<>(variables(deployedName));
        merged.putAll(passThrough);
        return merged;
    }

    /** Reads each function's variables once, from the session's region, and says which it took. */
    static DeployedResources of(AwsSession aws, Console console) {
        Map<String, Map<String, String>> read = new ConcurrentHashMap<>();
        return deployedName -> {
            Map<String, String> known = read.get(deployedName);
            if (known != null) {
                return known;
            }
            LambdaClient lambda = aws.client(LambdaClient.class, aws.region(), LambdaClient::builder);
            Map<String, String> variables = new TreeMap<>();
            try {
                var environment = lambda.getFunctionConfiguration(r -> r.functionName(deployedName))
                        .environment();
                if (environment != null && environment.variables() != null) {
                    environment.variables().forEach((name, value) -> {
                        if (name.startsWith(OwnedResource.ENVIRONMENT_PREFIX)) {
                            variables.put(name, value);
                        }
                    });
                }
            } catch (ResourceNotFoundException e) {
                throw new SpartaUserException("-Dsparta.resourcesFromStack reads where the deployed function finds"
                        + " its resources, and no function " + deployedName + " is deployed in "
                        + aws.region().id() + ". Provision the stack first (mvn package sparta:provision, with"
                        + " -Dsparta.environment=NAME for an environment's), or leave the flag out and set the"
                        + " SPARTA_* variables in your shell");
            }
            console.info((variables.isEmpty() ? "No SPARTA_* variable" : String.join(", ", variables.keySet()))
                    + " from the deployed function " + deployedName);
            read.put(deployedName, Map.copyOf(variables));
            return read.get(deployedName);
        };
    }
}
