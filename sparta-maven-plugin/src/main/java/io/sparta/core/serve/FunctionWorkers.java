package io.sparta.core.serve;

import io.sparta.api.LambdaFunction;
import io.sparta.core.common.Console;
import io.sparta.core.local.DeployedResources;
import io.sparta.core.local.LocalEnvironment;
import io.sparta.core.local.LocalJvm;
import io.sparta.core.local.LocalLimits;
import io.sparta.core.model.ServiceSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm JVMs of the functions being served, started on a function's first request. Like a Lambda execution
 * environment, each serves one request at a time; a worker that dies (after a timeout, say) is replaced on the next
 * request, and {@link #restart()} replaces them all when classes change.
 */
final class FunctionWorkers implements AutoCloseable {

    private static final String WORKER = "io.sparta.local.ServeWorker";

    private final ServeRequest request;
    private final Console console;
    private final Map<String, WorkerProcess> workers = new HashMap<>();
    private final Map<String, Object> locks = new HashMap<>();

    private final DeployedResources deployed;

    FunctionWorkers(ServeRequest request, Console console, DeployedResources deployed) {
        this.request = request;
        this.console = console;
        this.deployed = deployed;
    }

    WorkerProcess.Reply invoke(LambdaFunction function, ServiceSettings settings, byte[] event) throws IOException {
        synchronized (lock(function.name())) {
            WorkerProcess worker = worker(function, settings);
            try {
                return worker.invoke(event);
            } finally {
                if (!worker.isAlive()) {
                    forget(function.name(), worker);
                }
            }
        }
    }

    /** Stops every worker; the next request to a function starts a fresh one on the current classes. */
    synchronized void restart() {
        workers.values().forEach(WorkerProcess::close);
        workers.clear();
    }

    @Override
    public void close() {
        restart();
    }

    private synchronized Object lock(String function) {
        return locks.computeIfAbsent(function, name -> new Object());
    }

    private synchronized void forget(String function, WorkerProcess worker) {
        workers.remove(function, worker);
    }

    private synchronized WorkerProcess worker(LambdaFunction function, ServiceSettings settings) throws IOException {
        WorkerProcess worker = workers.get(function.name());
        if (worker != null && worker.isAlive()) {
            return worker;
        }
        List<Path> classpath;
        try {
            classpath = LocalJvm.functionClasspath(function, request.classpath(), request.layerModules());
        } catch (io.sparta.core.common.SpartaUserException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> command = LocalJvm.command(
                request.java(),
                function,
                classpath,
                request.runtimeJars(),
                WORKER,
                function.handler(),
                LocalEnvironment.deployedName(function, settings),
                String.valueOf(function.memory()),
                String.valueOf(LocalLimits.scaled(function.timeout() * 1000L, request.timeoutScale())),
                request.region(),
                String.valueOf(LocalLimits.scaled(LocalLimits.INIT_BUDGET.toMillis(), request.timeoutScale())));
        worker = new WorkerProcess(
                command,
                LocalEnvironment.of(
                        function,
                        settings,
                        request.region(),
                        withDeployed(LocalEnvironment.deployedName(function, settings)),
                        request.classesDirectory()),
                function.name(),
                console);
        workers.put(function.name(), worker);
        return worker;
    }

    /** The developer's variables over the deployed function's; read when the server started, so they are known. */
    private Map<String, String> withDeployed(String deployedName) throws IOException {
        try {
            return deployed.under(request.passThroughEnvironment(), deployedName);
        } catch (io.sparta.core.common.SpartaUserException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
