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
 * The warm JVMs of the functions being served. Like Lambda's execution environments, each serves one request at a
 * time: a request to a function whose every environment is busy starts another (a cold start), up to its reserved
 * concurrency when it has one (then it waits for one to be free); a worker that timed out or died is discarded, and
 * {@link #restart()} discards them all when classes change.
 */
final class FunctionWorkers implements AutoCloseable {

    private static final String WORKER = "io.sparta.local.ServeWorker";

    private final ServeRequest request;
    private final Console console;
    /** The idle workers of each function, the most recently used first. */
    private final Map<String, java.util.Deque<WorkerProcess>> idle = new HashMap<>();
    /** How many workers of each function exist, idle or busy. */
    private final Map<String, Integer> started = new HashMap<>();
    /** Bumped by {@link #restart()}: a busy worker of an older generation is closed when it finishes. */
    private int generation;

    private final DeployedResources deployed;

    FunctionWorkers(ServeRequest request, Console console, DeployedResources deployed) {
        this.request = request;
        this.console = console;
        this.deployed = deployed;
    }

    WorkerProcess.Reply invoke(LambdaFunction function, ServiceSettings settings, byte[] event)
            throws IOException, InterruptedException {
        Taken taken = take(function, settings);
        WorkerProcess worker = taken.worker();
        boolean reusable = false;
        try {
            WorkerProcess.Reply reply = worker.invoke(event);
            // Lambda discards an environment whose invocation timed out; so does the worker, which exits.
            reusable = reply.outcome() != WorkerProcess.TIMED_OUT;
            return reply;
        } finally {
            give(function.name(), worker, taken.generation(), reusable);
        }
    }

    /** A worker and the generation it was started or taken in. */
    private record Taken(WorkerProcess worker, int generation) {}

    private Taken take(LambdaFunction function, ServiceSettings settings) throws IOException, InterruptedException {
        int reserved = function.options().reservedConcurrency();
        if (reserved == 0) {
            throw new IOException(function.name() + " has reservedConcurrency = 0, so Lambda throttles every"
                    + " invocation of it (TooManyRequestsException)");
        }
        synchronized (this) {
            while (true) {
                java.util.Deque<WorkerProcess> free =
                        idle.computeIfAbsent(function.name(), name -> new java.util.ArrayDeque<>());
                while (!free.isEmpty()) {
                    WorkerProcess worker = free.pollFirst();
                    if (worker.isAlive()) {
                        return new Taken(worker, generation);
                    }
                    started.merge(function.name(), -1, Integer::sum);
                }
                if (reserved < 0 || started.getOrDefault(function.name(), 0) < reserved) {
                    started.merge(function.name(), 1, Integer::sum);
                    break;
                }
                wait();
            }
        }
        try {
            return new Taken(worker(function, settings), generation());
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                started.merge(function.name(), -1, Integer::sum);
                notifyAll();
            }
            throw e;
        }
    }

    private synchronized int generation() {
        return generation;
    }

    private synchronized void give(String function, WorkerProcess worker, int takenIn, boolean reusable) {
        if (reusable && worker.isAlive() && takenIn == generation) {
            idle.computeIfAbsent(function, name -> new java.util.ArrayDeque<>()).addFirst(worker);
        } else {
            worker.close();
            if (takenIn == generation) {
                started.merge(function, -1, Integer::sum);
            }
        }
        notifyAll();
    }

    /** Stops every idle worker, and each busy one when it finishes; the next requests start fresh ones. */
    synchronized void restart() {
        idle.values().forEach(workers -> workers.forEach(WorkerProcess::close));
        idle.clear();
        started.clear();
        generation++;
        notifyAll();
    }

    @Override
    public void close() {
        restart();
    }

    /** Starts a worker: a cold start, its init done as it starts, as Lambda inits an environment. */
    private WorkerProcess worker(LambdaFunction function, ServiceSettings settings) throws IOException {
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
        return new WorkerProcess(
                command,
                LocalEnvironment.of(
                        function,
                        settings,
                        request.region(),
                        withDeployed(LocalEnvironment.deployedName(function, settings)),
                        request.classesDirectory()),
                function.name(),
                console);
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
