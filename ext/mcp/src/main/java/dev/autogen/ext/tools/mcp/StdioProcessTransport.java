package dev.autogen.ext.tools.mcp;

import dev.autogen.core.utils.Concurrency;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The stdio transport of an MCP session: runs the server program and exchanges newline-delimited
 * JSON-RPC messages over its stdin and stdout.
 *
 * <p>Written here rather than taken from the SDK's {@code StdioClientTransport} because a workbench
 * needs what that class does not offer: a working directory and charset (Python's {@code cwd},
 * {@code encoding}), Python's restricted default environment, a handle on the process, an immediate
 * error naming the exit code and stderr when the server dies (the SDK's only times the request out),
 * and a stop that ends the whole process tree ({@code npx} starts the server as a grandchild).
 */
final class StdioProcessTransport implements McpClientTransport {
    private static final Logger LOG = LoggerFactory.getLogger(StdioProcessTransport.class);
    /** Server stderr is logged here, one line per event. */
    private static final Logger STDERR = LoggerFactory.getLogger("dev.autogen.ext.tools.mcp.server.stderr");
    private static final int STDERR_TAIL_LINES = 20;
    private static final long EXIT_WAIT_MILLIS = 2000;
    private static final long PIPE_EXIT_WAIT_SECONDS = 30;
    private static final List<String> POSIX_ENV = List.of("HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER");
    private static final List<String> WINDOWS_ENV = List.of("APPDATA", "HOMEDRIVE", "HOMEPATH", "LOCALAPPDATA", "PATH",
            "PATHEXT", "PROCESSOR_ARCHITECTURE", "SYSTEMDRIVE", "SYSTEMROOT", "TEMP", "USERNAME", "USERPROFILE");

    private final StdioServerParams params;
    private final McpJsonMapper json;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock tailLock = new ReentrantLock();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile @Nullable Process process;
    private volatile @Nullable Writer stdin;
    private volatile boolean closing;
    private volatile @Nullable Thread stderrReader;
    private volatile @Nullable Thread exitHook;

    StdioProcessTransport(StdioServerParams params, McpJsonMapper json) {
        this.params = params;
        this.json = json;
    }

    /**
     * Starts the server program.
     *
     * @throws McpSessionException if it cannot be started; the message says why
     */
    void start() {
        List<String> command = new ArrayList<>();
        command.add(params.command());
        command.addAll(params.args());
        var builder = new ProcessBuilder(command);
        if (params.cwd() != null) {
            Path cwd = Path.of(params.cwd());
            if (!Files.isDirectory(cwd)) {
                throw new McpSessionException("cannot start " + params.describe() + ": its cwd '" + cwd
                        + "' is not a directory");
            }
            builder.directory(cwd.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(defaultEnvironment());
        if (params.env() != null) {
            builder.environment().putAll(params.env());
        }
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new McpSessionException("cannot start " + params.describe() + ": " + e.getMessage()
                    + "; check that '" + params.command() + "' is installed and on the PATH", e);
        }
        process = started;
        exitHook = Concurrency.addShutdownHook("mcp-exit-" + started.pid(), () -> killTree(started.toHandle()));
        Charset charset = Charset.forName(params.encoding());
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(errorAction()).onUnmappableCharacter(errorAction());
        stdin = new OutputStreamWriter(started.getOutputStream(), encoder);
        stderrReader = daemon("mcp-stderr-" + started.pid(), () -> readStderr(started.getErrorStream(), charset));
        started.onExit().whenComplete((p, error) -> {
            awaitStderr();
            ended.completeExceptionally(new McpSessionException(exitMessage(started)));
        });
        LOG.debug("started {} as process {}", params.describe(), started.pid());
    }

    /** The environment Python's MCP client gives servers: a few safe variables of this process. */
    private static Map<String, String> defaultEnvironment() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String name : windows ? WINDOWS_ENV : POSIX_ENV) {
            String value = System.getenv(name);
            if (value != null && !value.startsWith("()")) {
                env.put(name, value);
            }
        }
        return env;
    }

    private CodingErrorAction errorAction() {
        return switch (params.encodingErrorHandler()) {
            case "ignore" -> CodingErrorAction.IGNORE;
            case "replace" -> CodingErrorAction.REPLACE;
            default -> CodingErrorAction.REPORT;
        };
    }

    /** Completes exceptionally, with the reason, when the server process ends. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** The server process, once started. */
    Optional<ProcessHandle> processHandle() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.toHandle());
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> {
            Process p = process;
            if (p == null) {
                throw new McpSessionException(params.describe() + " is not started");
            }
            daemon("mcp-stdout-" + p.pid(), () -> readStdout(p.getInputStream(), handler));
        });
    }

    private void readStdout(InputStream out, Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        CharsetDecoder decoder = Charset.forName(params.encoding()).newDecoder()
                .onMalformedInput(errorAction()).onUnmappableCharacter(errorAction());
        try (var reader = new BufferedReader(new InputStreamReader(out, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JSONRPCMessage message;
                try {
                    message = McpSchema.deserializeJsonRpcMessage(json, line);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{} wrote a line that is not a JSON-RPC message; ignored: {}", params.describe(), abbreviate(line));
                    continue;
                }
                handler.apply(Mono.just(message)).subscribe(ignored -> {
                }, error -> LOG.warn("error handling a message from {}", params.describe(), error));
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.warn("cannot read the output of {}: {}", params.describe(), e.toString());
                ended.completeExceptionally(new McpSessionException("cannot read the output of " + params.describe()
                        + " (encoding " + params.encoding() + "): " + e));
            }
        }
    }

    private void readStderr(InputStream err, Charset charset) {
        try (var reader = new BufferedReader(new InputStreamReader(err, charset))) {
            String line;
            while ((line = reader.readLine()) != null) {
                STDERR.debug("[{}] {}", params.command(), line);
                tailLock.lock();
                try {
                    if (stderrTail.size() == STDERR_TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                } finally {
                    tailLock.unlock();
                }
            }
        } catch (IOException e) {
            LOG.debug("stderr of {} closed: {}", params.describe(), e.toString());
        }
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return Mono.fromRunnable(() -> write(message));
    }

    private void write(JSONRPCMessage message) {
        Writer in = stdin;
        if (in == null) {
            throw new McpSessionException(params.describe() + " is not started");
        }
        if (ended.isDone()) {
            throw endReason();
        }
        String line;
        try {
            line = json.writeValueAsString(message).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        } catch (IOException e) {
            throw new McpSessionException("cannot write a message to " + params.describe() + " as JSON: " + e.getMessage(), e);
        }
        writeLock.lock();
        try {
            in.write(line);
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            McpSessionException reason = waitForEndReason();
            throw reason != null ? reason
                    : new McpSessionException("cannot send a message to " + params.describe() + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The reason the session ended, after a broken pipe: a server whose stdin is gone is almost always
     * exiting, so this waits for its exit to be seen (however busy the machine) and then for the session
     * to end, which follows at once with the exit code and the last stderr lines. A server that keeps
     * running with its stdin closed gives null after {@value #PIPE_EXIT_WAIT_SECONDS} s.
     */
    private @Nullable McpSessionException waitForEndReason() {
        Process p = process;
        try {
            if (p != null && p.waitFor(PIPE_EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                ended.handle((ignored, error) -> null).get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            // ended exceptionally, as it always does: decided below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended.isDone() ? endReason() : null;
    }

    private McpSessionException endReason() {
        try {
            ended.getNow(null);
            return new McpSessionException(params.describe() + " has ended");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof McpSessionException m ? m : new McpSessionException(String.valueOf(e.getCause()), e);
        }
    }

    private String exitMessage(Process p) {
        if (closing) {
            return "the session with " + params.describe() + " was closed";
        }
        int code = p.exitValue();
        String how = code > 128 && code < 160 ? " (killed by signal " + (code - 128) + ")" : "";
        StringBuilder message = new StringBuilder(params.describe()).append(" (pid ").append(p.pid())
                .append(") exited with code ").append(code).append(how);
        List<String> tail = stderrTail();
        if (!tail.isEmpty()) {
            message.append("; its last stderr lines:\n  ").append(String.join("\n  ", tail));
        }
        return message.toString();
    }

    private List<String> stderrTail() {
        tailLock.lock();
        try {
            return List.copyOf(stderrTail);
        } finally {
            tailLock.unlock();
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::shutdown);
    }

    @Override
    public void close() {
        shutdown();
    }

    /**
     * Ends the server as Python's client does: close its stdin and wait, then terminate, then kill;
     * the same for every process it started, which {@code npx} and shell wrappers leave behind.
     */
    private void shutdown() {
        Process p = process;
        if (p == null || closing) {
            return;
        }
        closing = true;
        removeExitHook();
        List<ProcessHandle> descendants = p.descendants().toList();
        try {
            Writer in = stdin;
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            LOG.debug("closing stdin of {}: {}", params.describe(), e.toString());
        }
        awaitExit(p.toHandle());
        terminate(p.toHandle());
        descendants.forEach(StdioProcessTransport::terminate);
        ended.completeExceptionally(new McpSessionException("the session with " + params.describe() + " was closed"));
        LOG.debug("stopped {} (process {})", params.describe(), p.pid());
    }

    private void removeExitHook() {
        Thread hook = exitHook;
        exitHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmExiting) {
                // the hook is running or about to
            }
        }
    }

    /** On JVM exit, a server whose workbench was never closed is killed rather than left running. */
    private static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static void terminate(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        if (!awaitExit(handle)) {
            handle.destroyForcibly();
            awaitExit(handle);
        }
    }

    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    private static Thread daemon(String name, Runnable body) {
        return Concurrency.startDaemon(name, body);
    }

    /** Lets the stderr reader take in the last lines of a process that has exited. */
    private void awaitStderr() {
        Thread reader = stderrReader;
        if (reader != null) {
            try {
                reader.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
