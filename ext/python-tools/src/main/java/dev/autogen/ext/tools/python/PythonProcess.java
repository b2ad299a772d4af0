package dev.autogen.ext.tools.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.Concurrency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running python3 process serving one tool's calls as JSON lines: {@code {"id": n, "args": {...}}}
 * out, {@code {"id": n, "ok": true, "result": "..."}} or {@code {"id": n, "ok": false, "error_type": ...}}
 * back. Calls are multiplexed by id, so several may run at once; a call that times out or is cancelled
 * stops the process, and the calls still running in it fail. Its stderr (where the tool's own
 * {@code print} output goes) is logged at debug and its end kept for error messages.
 */
final class PythonProcess {
    private static final Logger LOG = LoggerFactory.getLogger(PythonProcess.class);
    private static final ObjectMapper JSON = AutogenJson.mapper();
    private static final int STDERR_TAIL = 2000;

    private final String tool;
    private final Process process;
    private final OutputStream stdin;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private volatile String stopReason = "";

    private PythonProcess(String tool, Process process) {
        this.tool = tool;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /**
     * Starts the runner, sends the tool's config and waits until the function is defined.
     *
     * @throws PythonToolException if the interpreter cannot start, an import fails or the source cannot be defined
     */
    static PythonProcess start(String tool, PythonLaunch launch, String configLine, Path workDir, Duration startTimeout,
            CancellationToken token) {
        Process process;
        try {
            process = launch.processBuilder("serve", workDir).start();
        } catch (IOException e) {
            throw new PythonToolException(launch.cannotStart(e));
        }
        var running = new PythonProcess(tool, process);
        LOG.debug("tool '{}': started {} (pid {}) in {}", tool, launch.python(), process.pid(), workDir);
        Concurrency.startDaemon("python-tool-" + tool + "-out", running::readReplies);
        Concurrency.startDaemon("python-tool-" + tool + "-err", running::readStderr);
        try {
            running.send(configLine);
            JsonNode reply = Concurrency.await(running.ready, token, startTimeout, "the python3 process of tool '" + tool + "'");
            if (!reply.path("ready").asBoolean()) {
                running.stop("it could not be set up");
                throw new PythonToolException(setupProblem(tool, launch, reply));
            }
            return running;
        } catch (TimeoutException e) {
            running.stop("it did not start in time");
            throw new PythonToolException("the python3 process of tool '" + tool + "' did not import its modules and"
                    + " define the function within " + startTimeout.toSeconds() + " s; it was stopped");
        } catch (ExecutionException e) {
            running.stop("it failed to start");
            throw Concurrency.unwrap(e);
        } catch (CancellationException | PythonToolException e) {
            running.stop("its start was cancelled");
            throw e;
        }
    }

    /** Whether the process still runs and has not been told to stop. */
    boolean isAlive() {
        return stopReason.isEmpty() && process.isAlive();
    }

    /**
     * Calls the function with {@code args} and returns its result as text.
     *
     * @throws PythonToolException if the function raised, the call timed out, or the process ended
     * @throws CancellationException if {@code token} was cancelled; the process is then stopped
     */
    String call(ObjectNode args, Duration timeout, CancellationToken token) {
        long id = ids.incrementAndGet();
        var reply = new CompletableFuture<JsonNode>();
        pending.put(id, reply);
        try {
            ObjectNode request = JSON.createObjectNode().put("id", id);
            request.set("args", args);
            send(JSON.writeValueAsString(request));
            return result(Concurrency.await(reply, token, timeout, "tool '" + tool + "'"));
        } catch (TimeoutException e) {
            stop("a call to it timed out");
            throw new PythonToolException("tool '" + tool + "' did not finish within " + seconds(timeout)
                    + "; its python3 process was stopped (the next call starts a new one)");
        } catch (CancellationException e) {
            stop("a call to it was cancelled");
            throw e;
        } catch (ExecutionException e) {
            throw Concurrency.unwrap(e);
        } catch (JsonProcessingException e) {
            throw new PythonToolException("cannot write the arguments of tool '" + tool + "': " + e.getOriginalMessage());
        } finally {
            pending.remove(id);
        }
    }

    /** Stops the process and every process it started; calls still running fail naming {@code reason}. */
    void stop(String reason) {
        if (stopReason.isEmpty()) {
            stopReason = reason;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        failAll();
    }

    private String result(JsonNode reply) {
        if (reply.path("ok").asBoolean()) {
            return reply.path("result").asText();
        }
        String type = reply.path("error_type").asText("Exception");
        String message = reply.path("error").asText("");
        String traceback = reply.path("traceback").asText(null);
        LOG.debug("tool '{}' raised {}: {}\n{}", tool, type, message, traceback);
        return throwRaised(type, message, traceback);
    }

    private static String throwRaised(String type, String message, String traceback) {
        throw new PythonToolException(message.isBlank() ? type : type + ": " + message, type, traceback);
    }

    private void send(String line) {
        writeLock.lock();
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw ended();
        } finally {
            writeLock.unlock();
        }
    }

    private void readReplies() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode reply;
                try {
                    reply = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    LOG.warn("tool '{}': ignoring a line its python3 process wrote that is not JSON: {}", tool, line);
                    continue;
                }
                if (!reply.has("id")) {
                    ready.complete(reply);
                    continue;
                }
                CompletableFuture<JsonNode> call = pending.get(reply.path("id").asLong());
                if (call != null) {
                    call.complete(reply);
                }
            }
        } catch (IOException e) {
            LOG.debug("tool '{}': reading its python3 process failed", tool, e);
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll();
    }

    private void readStderr() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LOG.debug("tool '{}' (python3 stderr): {}", tool, line);
                synchronized (stderrTail) {
                    stderrTail.append(line).append('\n');
                    if (stderrTail.length() > STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("tool '{}': reading the stderr of its python3 process failed", tool, e);
        }
    }

    private void failAll() {
        PythonToolException ended = ended();
        ready.completeExceptionally(ended);
        pending.values().forEach(call -> call.completeExceptionally(ended));
    }

    private PythonToolException ended() {
        if (!stopReason.isEmpty()) {
            return new PythonToolException("the python3 process of tool '" + tool + "' was stopped because " + stopReason);
        }
        String exit = process.isAlive() ? "" : " with exit code " + process.exitValue();
        String tail;
        synchronized (stderrTail) {
            tail = stderrTail.toString().strip();
        }
        return new PythonToolException("the python3 process of tool '" + tool + "' ended" + exit
                + (tail.isEmpty() ? "" : "; its last output: " + tail));
    }

    private static String setupProblem(String tool, PythonLaunch launch, JsonNode reply) {
        return switch (reply.path("kind").asText()) {
            case "missing_module" -> PythonModules.missing(tool, reply.path("module").asText(), launch.python());
            case "import_failed" -> "Python FunctionTool '" + tool + "': '" + reply.path("statement").asText()
                    + "' failed: " + reply.path("error").asText();
            case "source_failed" -> "Python FunctionTool '" + tool + "': its source code cannot be defined: "
                    + reply.path("error").asText();
            default -> "Python FunctionTool '" + tool + "': the runner could not start: " + reply;
        };
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
