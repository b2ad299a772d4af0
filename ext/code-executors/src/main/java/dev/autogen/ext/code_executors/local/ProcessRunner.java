package dev.autogen.ext.code_executors.local;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.Concurrency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command to completion, a timeout or cancellation. On a timeout or cancellation the whole
 * process tree (the process and every descendant) is killed, so a script's own children, such as a
 * {@code sleep} under {@code bash}, do not outlive it. Waiting uses futures, never polling.
 */
final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    private static final ThreadFactory IO_THREADS = Concurrency.threadFactory("autogen-code-executor-io-");
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /** How a run ended. */
    record Outcome(boolean timedOut, int exitCode, String stdout, String stderr) {
    }

    private ProcessRunner() {
    }

    /**
     * Runs {@code command} in {@code directory} with {@code environment} (the JVM's own plus
     * these entries) and stdin closed.
     *
     * @throws CancellationException if the token is cancelled or the thread interrupted
     * @throws UncheckedIOException if the program cannot be started or its output read
     */
    static Outcome run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
            CancellationToken token) {
        token.throwIfCancelled();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + command.get(0) + "': " + e.getMessage()
                    + "; install it or put it on the PATH", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing stdin of pid {} failed", process.pid(), e);
        }
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        CompletableFuture<Void> finished = CompletableFuture.allOf(process.onExit(), stdout, stderr);
        try {
            Concurrency.await(finished, token, timeout, "the process");
            return new Outcome(false, process.exitValue(), stdout.join(), stderr.join());
        } catch (TimeoutException e) {
            LOG.debug("pid {} timed out after {}", process.pid(), timeout);
            killTree(process);
            return new Outcome(true, 124, "", "");
        } catch (CancellationException e) {
            killTree(process);
            throw new CancellationException((Thread.currentThread().isInterrupted() ? "code execution interrupted: "
                    : "code execution cancelled: ") + String.join(" ", command));
        } catch (ExecutionException e) {
            killTree(process);
            throw new UncheckedIOException("reading the output of '" + command.get(0) + "' failed",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    /**
     * Kills the process and all its descendants. Descendants are collected before the process dies,
     * because once it is gone they are re-parented and no longer found through it.
     */
    static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        process.destroyForcibly();
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
        }
        boolean interrupted = Thread.interrupted();
        try {
            process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("pid {} did not exit after being killed", process.pid());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        IO_THREADS.newThread(() -> {
            try (stream) {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }).start();
        return result;
    }
}
