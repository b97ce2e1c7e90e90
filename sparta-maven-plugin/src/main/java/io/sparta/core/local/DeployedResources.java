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

    /**
     * Reads each function's variables once, from the session's region, and says, for each function, which it takes
     * from the deployed function and which the shell overrides.
     */
    static DeployedResources of(AwsSession aws, Console console) {
        Map<String, Map<String, String>> read = new ConcurrentHashMap<>();
        java.util.Set<String> told = ConcurrentHashMap.newKeySet();
        return new DeployedResources() {
            @Override
            public Map<String, String> variables(String deployedName) throws SpartaUserException {
                Map<String, String> known = read.get(deployedName);
                if (known == null) {
                    known = fetch(aws, deployedName);
                    read.put(deployedName, known);
                }
                return known;
            }

            @Override
            public Map<String, String> under(Map<String, String> passThrough, String deployedName)
                    throws SpartaUserException {
                Map<String, String> deployed = variables(deployedName);
                if (told.add(deployedName)) {
                    java.util.List<String> taken = deployed.keySet().stream()
                            .filter(name -> !passThrough.containsKey(name))
                            .toList();
                    java.util.List<String> kept = deployed.keySet().stream()
                            .filter(passThrough::containsKey)
                            .toList();
                    console.info((taken.isEmpty() ? "No SPARTA_* variable" : String.join(", ", taken))
                            + " from the deployed function " + deployedName
                            + (kept.isEmpty() ? "" : "; " + String.join(", ", kept) + " from your shell, which wins"));
                }
                return DeployedResources.super.under(passThrough, deployedName);
            }
        };
    }

    private static Map<String, String> fetch(AwsSession aws, String deployedName) throws SpartaUserException {
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
        return Map.copyOf(variables);
    }
}
