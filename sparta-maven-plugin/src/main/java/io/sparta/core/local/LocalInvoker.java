package io.sparta.core.local;

import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one function on this machine in a fresh JVM: the function's environment, its memory as the heap limit, a
 * Lambda-like Context, its timeout enforced. Needs nothing but the JDK.
 */
public final class LocalInvoker {

    private static final String RUNNER = "io.sparta.local.LocalRunner";

    /** The event of an invoke given none. */
    public static final byte[] NO_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private static final int HANDLER_FAILED = 1;
    private static final int TIMED_OUT = 2;

    private final Console console;

    public LocalInvoker(Console console) {
        this.console = console;
    }

    /**
     * @param deployed where the deployed function finds the service's resources, for a local run against them
     * @return the function's response, as Lambda would return it
     */
    public String invoke(InvokeRequest request, DeployedResources deployed) throws SpartaUserException, IOException {
        long called = System.nanoTime();
        ServiceModel service = service(request);
        LambdaFunction function = find(request, service);
        if (java.util.Arrays.equals(request.event(), NO_EVENT)) {
            List<String> handled = CustomResourceCalls.handledBy(service, function.name()).stream()
                    .map(io.sparta.api.OwnedResource.Custom::name)
                    .toList();
            if (!handled.isEmpty()) {
                throw new SpartaUserException("Function " + function.name() + " handles @CustomResource " + handled
                        + ", which CloudFormation calls with its own events: send one with -Dsparta.requestType=Create"
                        + " (then Update, Delete)");
            }
        }
        return run(request, function, deployed, called);
    }

    /** Runs the function, found in the service the caller has read already, on the request's event. */
    private String run(InvokeRequest request, LambdaFunction function, DeployedResources deployed, long called)
            throws SpartaUserException, IOException {
        LocalLimits.checkEvent(request.event());
        Files.createDirectories(request.workDirectory());
        Path event = Files.write(request.workDirectory().resolve("event.json"), request.event());
        Path result = request.workDirectory().resolve("result.json");
        Files.deleteIfExists(result);
        String deployedName = LocalEnvironment.deployedName(function, request.settings());

        List<String> command = LocalJvm.command(
                request.java(),
                function,
                LocalJvm.functionClasspath(function, request.classpath(), request.layerModules()),
                request.runtimeJars(),
                RUNNER,
                function.handler(),
                event.toString(),
                result.toString(),
                deployedName,
                String.valueOf(function.memory()),
                String.valueOf(LocalLimits.scaled(function.timeout() * 1000L, request.timeoutScale())),
                request.region(),
                String.valueOf(LocalLimits.scaled(LocalLimits.INIT_BUDGET.toMillis(), request.timeoutScale())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment()
                .putAll(LocalEnvironment.of(
                        function,
                        request.settings(),
                        request.region(),
                        deployed.under(request.passThroughEnvironment(), deployedName),
                        request.classesDirectory()));

        console.info("Invoking " + function.name() + " (" + function.handler() + ") locally");
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> printed = new java.util.ArrayList<>();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> {
                printed.add(line);
                console.info("  " + line);
            });
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
            throw new SpartaUserException("Function " + function.name()
                    + (exit == TIMED_OUT ? " timed out" + scaled(function, request) + ": " : " failed: ") + response);
        }
        if (exit != 0) {
            throw new IOException("The local runtime for " + function.name() + " exited with " + exit);
        }
        console.info("Response: " + response);
        timing((started - called) / 1e6, printed, (System.nanoTime() - started) / 1e6)
                .ifPresent(console::info);
        return response;
    }

    private static final java.util.regex.Pattern JVM_START = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(io.sparta.local.LocalRunner.JVM_START) + "(\\d+) ms");
    private static final java.util.regex.Pattern REPORT = java.util.regex.Pattern.compile(
            "REPORT RequestId: \\S+ Duration: ([0-9.]+) ms Memory Size: \\d+ MB(?: Init Duration: ([0-9.]+) ms)?");

    /**
     * Where the local run's time went: Sparta's own work before the function's JVM (reading the classes, the
     * model), then, from what the runner printed, that JVM's start, Lambda's init and the handler, and what is left
     * of the process's wall time (loading the runtime's own classes, writing the result, exiting).
     */
    static java.util.Optional<String> timing(double beforeMillis, List<String> printed, double processMillis) {
        Long jvm = null;
        Double handler = null;
        Double init = null;
        for (String line : printed) {
            java.util.regex.Matcher start = JVM_START.matcher(line);
            if (start.matches()) {
                jvm = Long.parseLong(start.group(1));
            }
            java.util.regex.Matcher report = REPORT.matcher(line);
            if (report.matches()) {
                handler = Double.parseDouble(report.group(1));
                init = report.group(2) == null ? 0 : Double.parseDouble(report.group(2));
            }
        }
        if (jvm == null || handler == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(
                java.util.Locale.ROOT,
                "Timing: Sparta %.0f ms before the function's JVM; JVM start %d ms, init %.2f ms, handler %.2f ms;"
                        + " the JVM ran %.0f ms in all, %.0f ms of it loading the runtime, writing and exiting",
                beforeMillis,
                jvm,
                init,
                handler,
                processMillis,
                Math.max(0, processMillis - jvm - init - handler)));
    }

    /** How a scaled timeout came about, for the message of a function that ran out of it. */
    private static String scaled(LambdaFunction function, InvokeRequest request) {
        return request.timeoutScale() == 1
                ? ""
                : " (its " + function.timeout() + " s timeout × timeoutScale " + request.timeoutScale() + ")";
    }

    /**
     * The invoke goal: locally, locally against the deployed stack's resources, or the deployed function itself.
     *
     * @param stack the deployed stack's AWS target, when the run reaches it; empty for a run on this machine alone
     * @param remote whether to invoke the deployed function instead of running it here
     * @return the function's response
     */
    public String invoke(
            InvokeRequest request, java.util.Optional<io.sparta.core.deploy.AwsTarget> stack, boolean remote)
            throws SpartaUserException, IOException {
        if (stack.isEmpty()) {
            return invoke(request);
        }
        try (io.sparta.core.deploy.AwsSession aws = io.sparta.core.deploy.AwsSession.open(stack.get())) {
            return remote
                    ? new RemoteInvoker(console).invoke(request, aws)
                    : invoke(request, DeployedResources.of(aws, console));
        }
    }

    /** @return the function's response, as Lambda would return it */
    public String invoke(InvokeRequest request) throws SpartaUserException, IOException {
        return invoke(request, DeployedResources.NONE);
    }

    /**
     * Sends CloudFormation's custom resource event of one type to the function, built from the
     * {@code @CustomResource} it handles, and checks the answer ({@link CustomResourceCalls}).
     *
     * @param stack the deployed stack, whose resources' physical ids the properties' references then carry
     * @param resourceName the custom resource, when the function handles several
     */
    public void invokeCustomResource(
            InvokeRequest request,
            java.util.Optional<io.sparta.core.deploy.AwsTarget> stack,
            String requestType,
            java.util.Optional<String> resourceName)
            throws SpartaUserException, IOException {
        String type = CustomResourceCalls.requestType(requestType);
        ServiceModel service = service(request);
        LambdaFunction function = find(request, service);
        io.sparta.api.OwnedResource.Custom resource =
                CustomResourceCalls.resource(service, request.functionName(), resourceName);
        CustomResourceCalls calls = new CustomResourceCalls(console);
        if (stack.isEmpty()) {
            calls.call(
                    service,
                    resource,
                    type,
                    request.region(),
                    request.workDirectory(),
                    (name, attribute) -> java.util.Optional.empty(),
                    event -> run(withEvent(request, event), function, DeployedResources.NONE, System.nanoTime()));
            return;
        }
        try (io.sparta.core.deploy.AwsSession aws = io.sparta.core.deploy.AwsSession.open(stack.get())) {
            DeployedResources deployed = DeployedResources.of(aws, console);
            java.util.Map<String, String> physicalIds = new java.util.HashMap<>();
            aws.cloudFormation()
                    .describeStackResources(r -> r.stackName(service.stackName()))
                    .stackResources()
                    .forEach(each -> physicalIds.put(each.logicalResourceId(), each.physicalResourceId()));
            calls.call(
                    service,
                    resource,
                    type,
                    aws.region().id(),
                    request.workDirectory(),
                    (name, attribute) -> attribute.isEmpty()
                            ? service.resource(name).map(declared -> physicalIds.get(declared.logicalId()))
                            : java.util.Optional.empty(),
                    event -> run(withEvent(request, event), function, deployed, System.nanoTime()));
        }
    }

    private static InvokeRequest withEvent(InvokeRequest request, byte[] event) {
        return new InvokeRequest(
                request.classesDirectory(),
                request.classpath(),
                request.runtimeJars(),
                request.java(),
                request.settings(),
                request.functionName(),
                event,
                request.region(),
                request.passThroughEnvironment(),
                request.workDirectory(),
                request.layerModules(),
                request.timeoutScale());
    }

    private static ServiceModel service(InvokeRequest request) throws SpartaUserException, IOException {
        return LocalJvm.service(
                request.settings(),
                request.classesDirectory(),
                LocalJvm.scanClasspath(request.classpath(), request.layerModules()));
    }

    /** The function the request names, read from the compiled classes as {@code package} reads it. */
    static LambdaFunction find(InvokeRequest request) throws SpartaUserException, IOException {
        return find(request, service(request));
    }

    private static LambdaFunction find(InvokeRequest request, ServiceModel service) throws SpartaUserException {
        return service.function(request.functionName())
                .orElseThrow(() -> new SpartaUserException(
                        service.functions().isEmpty()
                                ? "No @SpartaLambda function in " + request.classesDirectory()
                                        + "; run the goal in the module"
                                        + " that declares the functions (mvn -f MODULE or -pl MODULE), after compiling it"
                                : "No function named '" + request.functionName() + "'; -Dsparta.function takes one of "
                                        + service.functions().stream()
                                                .map(LambdaFunction::name)
                                                .toList()));
    }
}
