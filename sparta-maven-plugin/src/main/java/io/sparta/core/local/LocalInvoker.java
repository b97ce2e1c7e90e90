package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.Console;
import io.sparta.core.SpartaUserException;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.scan.FunctionScanner;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one function on this machine in a fresh JVM: the function's environment, its memory as the heap limit, a
 * Lambda-like Context, its timeout enforced. Needs nothing but the JDK.
 */
public final class LocalInvoker {

    private static final String RUNNER = "io.sparta.local.LocalRunner";
    private static final int HANDLER_FAILED = 1;
    private static final int TIMED_OUT = 2;
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final Console console;

    public LocalInvoker(Console console) {
        this.console = console;
    }

    /** @return the function's response, as Lambda would return it */
    public String invoke(InvokeRequest request) throws SpartaUserException, IOException {
        LambdaFunction function = find(request);
        Files.createDirectories(request.workDirectory());
        Path event = Files.write(request.workDirectory().resolve("event.json"), request.event());
        Path result = request.workDirectory().resolve("result.json");
        Files.deleteIfExists(result);
        String deployedName = request.settings().stackName() + "-" + function.name();

        List<String> command = new ArrayList<>(List.of(
                request.java().toString(),
                "-Xmx" + function.memory() + "m",
                "-cp",
                classpath(request),
                RUNNER,
                function.handler(),
                event.toString(),
                result.toString(),
                deployedName,
                String.valueOf(function.memory()),
                String.valueOf(function.timeout() * 1000L),
                request.region()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(request, function, deployedName));

        console.info("Invoking " + function.name() + " (" + function.handler() + ") locally");
        Process process = builder.start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> console.info("  " + line));
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while " + function.name() + " ran", e);
        }
        String response = Files.exists(result) ? Files.readString(result) : "";
        if (exit == HANDLER_FAILED || exit == TIMED_OUT) {
            throw new SpartaUserException(
                    "Function " + function.name() + (exit == TIMED_OUT ? " timed out: " : " failed: ") + response);
        }
        if (exit != 0) {
            throw new IOException("The local runtime for " + function.name() + " exited with " + exit);
        }
        console.info("Response: " + response);
        return response;
    }

    private LambdaFunction find(InvokeRequest request) throws SpartaUserException, IOException {
        ServiceModel service = new ServiceModelBuilder()
                .build(request.settings(), new FunctionScanner().scan(request.classesDirectory(), request.classpath()));
        return service.functions().stream()
                .filter(f -> f.name().equals(request.functionName()))
                .findFirst()
                .orElseThrow(() -> new SpartaUserException("No function named '" + request.functionName()
                        + "'; -Dsparta.function" + " takes one of "
                        + service.functions().stream().map(LambdaFunction::name).toList()));
    }

    private static String classpath(InvokeRequest request) {
        List<Path> entries = new ArrayList<>(request.classpath());
        entries.addAll(request.runtimeJars());
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** What Lambda sets, the function's own variables, and the developer's credentials; nothing else leaks in. */
    private static Map<String, String> environment(
            InvokeRequest request, LambdaFunction function, String deployedName) {
        Map<String, String> environment = new HashMap<>(request.passThroughEnvironment());
        environment.put("AWS_REGION", request.region());
        environment.put("AWS_DEFAULT_REGION", request.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", deployedName);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memory()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime().identifier());
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + deployedName);
        environment.put("_HANDLER", function.handler());
        function.environment().forEach((key, value) -> environment.put(key, substitute(value, request)));
        return environment;
    }

    /** Resolves {@code ${Parameter}} and pseudo parameters as CloudFormation's Fn::Sub would, locally. */
    static String substitute(String value, InvokeRequest request) {
        Map<String, String> known = new HashMap<>(request.settings().parameters());
        known.put("AWS::Region", request.region());
        known.put("AWS::StackName", request.settings().stackName());
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
