package dev.autogen.ext.code_executors.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import dev.autogen.ext.code_executors.jupyter.KernelChannels.Channel;
import dev.autogen.ext.code_executors.jupyter.KernelChannels.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running kernel process and the client ends of its channels. All socket work happens on one
 * platform thread owned by this object: ZeroMQ sockets are not thread-safe, and interrupting a
 * thread blocked in JeroMQ would close its channels. Callers block on futures instead, and a
 * cancelled or interrupted caller only raises a flag the I/O thread acts on.
 */
final class Kernel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SIGNAL_FALLBACK = Duration.ofSeconds(3);
    private static final Duration INTERRUPT_GIVE_UP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 100;

    /** How an execution ended. */
    enum Ending {
        /** The kernel went idle after running the code (with or without an error). */
        COMPLETED,
        /** The timeout passed; the kernel was interrupted and went idle. */
        TIMED_OUT,
        /** The token was cancelled or the caller interrupted; the kernel was interrupted. */
        CANCELLED,
        /** The kernel did not go idle even after an interrupt. */
        UNRESPONSIVE,
        /** The kernel process exited. */
        DIED
    }

    /** The iopub messages an execution produced, in order, and how it ended. */
    record Execution(List<JupyterMessage> outputs, Ending ending) {
    }

    private final Process process;
    private final Path runtimeDir;
    private final Path logFile;
    private final ExecutorService io;
    private final KernelChannels channels;

    private Kernel(Process process, Path runtimeDir, Path logFile, ExecutorService io, KernelChannels channels) {
        this.process = process;
        this.runtimeDir = runtimeDir;
        this.logFile = logFile;
        this.io = io;
        this.channels = channels;
    }

    /**
     * Starts the kernel of {@code spec} in {@code workingDir} and waits until it answers on shell
     * and publishes on iopub.
     *
     * @throws IllegalStateException if the kernel cannot be started, exits, or does not answer in
     *     time; the message includes the end of its output
     */
    static Kernel start(KernelSpec spec, @Nullable Path workingDir) {
        Path runtimeDir;
        try {
            runtimeDir = Files.createTempDirectory("autogen-kernel-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the kernel connection file: "
                    + e.getMessage(), e);
        }
        ConnectionInfo info = ConnectionInfo.allocate(spec.name());
        Path connectionFile = runtimeDir.resolve("kernel-" + UUID.randomUUID() + ".json");
        info.write(connectionFile);
        Path logFile = runtimeDir.resolve("kernel.log");
        List<String> command = spec.command(connectionFile);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().putAll(spec.env());
        // ipykernel exits on its own when this JVM dies (its parent poller watches this pid).
        builder.environment().put("JPY_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteTree(runtimeDir);
            throw new IllegalStateException("cannot start kernel '" + spec.name() + "' with " + command + ": "
                    + e.getMessage() + "; install the kernel's program or give the executor a kernel command", e);
        }
        LOG.debug("started kernel '{}' pid {}: {}", spec.name(), process.pid(), command);
        ExecutorService io = Executors.newSingleThreadExecutor(
                Concurrency.daemonThreadFactory("autogen-jupyter-kernel-" + process.pid()));
        try {
            KernelChannels channels = io.submit(() -> new KernelChannels(info, UUID.randomUUID().toString())).get();
            Kernel kernel = new Kernel(process, runtimeDir, logFile, io, channels);
            try {
                io.submit(() -> kernel.waitUntilReady(command)).get();
            } catch (ExecutionException e) {
                kernel.close();
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            return kernel;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            io.shutdownNow();
            deleteTree(runtimeDir);
            throw new java.util.concurrent.CancellationException("interrupted while starting kernel '" + spec.name() + "'");
        } catch (ExecutionException e) {
            killTree(process);
            io.shutdownNow();
            deleteTree(runtimeDir);
            throw new IllegalStateException("cannot connect to kernel '" + spec.name() + "': " + e.getCause(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs on the I/O thread: sends kernel_info_request until the kernel answers and iopub carries messages. */
    private Void waitUntilReady(List<String> command) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kernel " + command + " exited with code " + process.exitValue()
                        + " before it was ready. Its output:\n" + logTail()
                        + "\nCheck that the kernel's Python has ipykernel (python3 -m pip install ipykernel) or "
                        + "give the executor another kernel command.");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("kernel " + command + " did not answer within " + STARTUP_TIMEOUT
                        + ". Its output:\n" + logTail());
            }
            JupyterMessage request = channels.send(Channel.SHELL, "kernel_info_request", object());
            boolean replied = false;
            boolean published = false;
            long wait = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < wait && !(replied && published)) {
                for (Received r : channels.poll(POLL_MILLIS)) {
                    if (r.channel() == Channel.SHELL && r.message().parentMsgId().equals(request.msgId())) {
                        replied = true;
                    } else if (r.channel() == Channel.IOPUB) {
                        published = true;
                    }
                }
            }
            if (replied && published) {
                LOG.debug("kernel pid {} is ready", process.pid());
                return null;
            }
        }
    }

    /**
     * Runs {@code code} and waits until the kernel is idle again, the timeout passes (the kernel is
     * then interrupted), the token is cancelled (likewise), or the kernel dies.
     */
    Execution execute(String code, Duration timeout, CancellationToken token) {
        AtomicBoolean cancel = new AtomicBoolean();
        boolean interrupted = false;
        try (CancellationToken.Registration ignored = token.onCancel(() -> cancel.set(true))) {
            Future<Execution> future = io.submit(() -> run(code, timeout, cancel));
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel.set(true);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs on the I/O thread. */
    private Execution run(String code, Duration timeout, AtomicBoolean cancel) {
        ObjectNode content = object()
                .put("code", code)
                .put("silent", false)
                .put("store_history", true)
                .put("allow_stdin", false)
                .put("stop_on_error", true);
        content.putObject("user_expressions");
        String msgId = channels.send(Channel.SHELL, "execute_request", content).msgId();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JupyterMessage> outputs = new ArrayList<>();
        boolean idle = false;
        boolean replied = false;
        Ending ending = Ending.COMPLETED;
        long interruptedAt = 0;
        boolean interruptAcknowledged = false;
        boolean signalled = false;
        while (!(idle && replied)) {
            if (!process.isAlive()) {
                return new Execution(outputs, Ending.DIED);
            }
            long now = System.nanoTime();
            if (ending == Ending.COMPLETED && (cancel.get() || now >= deadline)) {
                ending = cancel.get() ? Ending.CANCELLED : Ending.TIMED_OUT;
                interruptedAt = now;
                LOG.debug("interrupting kernel pid {} ({})", process.pid(), ending);
                channels.send(Channel.CONTROL, "interrupt_request", object());
            }
            if (interruptedAt != 0 && !interruptAcknowledged && !signalled
                    && now - interruptedAt > SIGNAL_FALLBACK.toNanos()) {
                signalled = true;
                signalInterrupt();
            }
            if (interruptedAt != 0 && now - interruptedAt > INTERRUPT_GIVE_UP.toNanos()) {
                return new Execution(outputs, Ending.UNRESPONSIVE);
            }
            long wait = ending == Ending.COMPLETED
                    ? Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now)))
                    : POLL_MILLIS;
            for (Received r : channels.poll(wait)) {
                JupyterMessage m = r.message();
                if (r.channel() == Channel.CONTROL && m.msgType().equals("interrupt_reply")) {
                    interruptAcknowledged = true;
                }
                if (!m.parentMsgId().equals(msgId)) {
                    continue;
                }
                if (r.channel() == Channel.SHELL && m.msgType().equals("execute_reply")) {
                    replied = true;
                } else if (r.channel() == Channel.IOPUB) {
                    if (m.msgType().equals("status")) {
                        idle |= m.get("execution_state").asText().equals("idle");
                    } else {
                        outputs.add(m);
                    }
                }
            }
        }
        return new Execution(outputs, ending);
    }

    /** SIGINT to the kernel, for kernels that do not handle interrupt_request. */
    private void signalInterrupt() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("cannot send SIGINT to kernel pid {}: {}", process.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the kernel to shut down, kills it (and its children) if it has not exited shortly
     * after, and releases the sockets and files. Safe to call more than once.
     */
    @Override
    public void close() {
        if (io.isShutdown()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        Future<?> shutdown = io.submit(() -> {
            if (process.isAlive()) {
                channels.send(Channel.CONTROL, "shutdown_request", object().put("restart", false));
            }
        });
        try {
            shutdown.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!process.waitFor(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("kernel pid {} did not shut down; killing it", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("shutdown_request to kernel pid {} failed: {}", process.pid(), e.toString());
        }
        killTree(process);
        children.forEach(ProcessHandle::destroyForcibly);
        io.submit(channels::close);
        io.shutdown();
        try {
            if (!io.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the I/O thread of kernel pid {} did not end", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(runtimeDir);
    }

    private String logTail() {
        try {
            String log = Files.readString(logFile, StandardCharsets.UTF_8);
            return log.length() > 4000 ? "..." + log.substring(log.length() - 4000) : log;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static ObjectNode object() {
        return AutogenJson.mapper().createObjectNode();
    }

    private static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "NUL" : "/dev/null");
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", root, e.getMessage());
        }
    }
}
