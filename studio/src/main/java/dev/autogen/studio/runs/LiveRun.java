package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.conditions.ExternalTermination;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.agentchat.messages.ToolCallRequestEvent;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.agentchat.teams.BaseGroupChat;
import dev.autogen.core.CancellationToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run driven over one WebSocket: starts the team on a {@code start} frame, streams and records
 * every message, answers input requests with the browser's {@code input_response}s, and ends with
 * exactly one terminal frame ({@code result}, or {@code completion} cancelled or error), whatever
 * races between the team, a stop and a closing socket. The team writes its state after every
 * completed turn to the checkpoint store, so a {@code resume} frame continues an interrupted run.
 */
public final class LiveRun {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);

    private final RunServices services;
    private final long runId;
    private final String userId;
    private final FrameSink sink;
    private final RunRecorder recorder;
    private final WebInput input;
    /** Orders the terminal frame against message frames: after it, nothing is sent or stored. */
    private final ReentrantLock lock = new ReentrantLock();

    private @Nullable Thread worker;
    private @Nullable CancellationToken token;
    private volatile @Nullable ExternalTermination stopAfterTurn;
    private boolean ended;
    private volatile boolean shuttingDown;

    /** A run of row {@code run} whose frames go to {@code sink}. */
    public LiveRun(RunServices services, ObjectNode run, FrameSink sink) {
        this.services = services;
        this.runId = run.get("id").asLong();
        this.userId = run.path("user_id").asText("");
        this.sink = sink;
        this.recorder = new RunRecorder(services.store(), runId, run.get("session_id").asLong());
        this.input = new WebInput(sink, services.settings().inputTimeout(userId, services.inputTimeout()));
    }

    /** The run's id. */
    public long runId() {
        return runId;
    }

    /** Handles a {@code start} frame: {@code {"task", "files"?, "team_config"?}}. */
    public void start(ObjectNode frame) {
        JsonNode task = frame.get("task");
        JsonNode teamConfig = frame.get("team_config");
        if (teamConfig == null || teamConfig.isNull()) {
            teamConfig = sessionTeam();
        }
        if (task == null || !task.isTextual() || teamConfig == null || !teamConfig.isObject()) {
            sink.send(Frames.error("Invalid start message format"));
            return;
        }
        List<BaseChatMessage> messages;
        try {
            messages = TaskMessages.of(task.asText(), frame.path("files"));
        } catch (IllegalArgumentException e) {
            sink.send(Frames.error(Errors.describe(e)));
            return;
        }
        JsonNode config = teamConfig;
        launch(() -> {
            recorder.started(TaskMessages.json(messages), config);
            return config;
        }, team -> team.runStream(new RunOptions(messages, token, true)));
    }

    /**
     * Handles a {@code resume} frame ({@code {"type": "resume", "task"?: "answer"}}): continues the run
     * from its last completed turn, with the team config it was started with.
     */
    public void resume(ObjectNode frame) {
        ObjectNode run = services.store().runs.get(runId).orElse(null);
        String checkpointRun = run == null ? null : run.path("checkpoint_run_id").asText(null);
        JsonNode config = run == null ? null : run.get("team_config");
        if (checkpointRun == null || config == null || config.isNull()) {
            sink.send(Frames.error("This run has no completed turn to resume from; start it instead"));
            return;
        }
        JsonNode task = frame.get("task");
        RunOptions options = task != null && task.isTextual() ? RunOptions.task(task.asText()) : RunOptions.none();
        launch(() -> {
            recorder.started(null, config);
            return config;
        }, team -> {
            if (!(team instanceof BaseGroupChat chat)) {
                throw new IllegalStateException("only group chat teams can be resumed");
            }
            return chat.resumeStream(checkpointRun, options.withCancellationToken(token));
        });
    }

    /** How a run's stream is opened once its team is loaded. */
    @FunctionalInterface
    private interface Opener {
        MessageStream<TaskResult> open(Team team);
    }

    /** What records the start and gives the team config to load. */
    @FunctionalInterface
    private interface Starter {
        JsonNode start();
    }

    private void launch(Starter starter, Opener opener) {
        lock.lock();
        try {
            if (worker != null) {
                sink.send(Frames.error("This run has already started"));
                return;
            }
            token = new CancellationToken();
            worker = Thread.ofVirtual().name("studio-run-" + runId).start(() -> work(starter, opener));
        } finally {
            lock.unlock();
        }
    }

    private @Nullable JsonNode sessionTeam() {
        ObjectNode run = services.store().runs.get(runId).orElse(null);
        if (run == null) {
            return null;
        }
        var session = services.store().sessions.get(run.path("session_id").asLong()).orElse(null);
        if (session == null || !session.path("team_id").canConvertToLong()) {
            return null;
        }
        return services.store().teams.get(session.get("team_id").asLong()).map(team -> team.get("component")).orElse(null);
    }

    private void work(Starter starter, Opener opener) {
        Instant began = Instant.now();
        Team team = null;
        try {
            JsonNode config = starter.start();
            var loaded = TeamFactory.load(config, services.settings().codeExecutionAllowed(userId), input,
                    services.settings().environment(userId));
            team = loaded.team();
            stopAfterTurn = loaded.stop();
            if (team instanceof BaseGroupChat chat) {
                chat.checkpointStore(services.checkpoints());
            }
            try (MessageStream<TaskResult> stream = opener.open(team)) {
                if (team instanceof BaseGroupChat chat && chat.lastRunId() != null) {
                    recorder.checkpointRun(chat.lastRunId());
                }
                for (BaseMessage message : stream) {
                    forward(message);
                }
                complete(stream.result(), Duration.between(began, Instant.now()));
            }
        } catch (CancellationException e) {
            cancelled();
        } catch (Exception e) {
            if (token != null && token.isCancelled()) {
                cancelled();
            } else {
                LOG.debug("run {} failed", runId, e);
                fail(Errors.describe(e));
            }
        } finally {
            if (team != null) {
                try {
                    team.close();
                } catch (Exception e) {
                    LOG.debug("closing the team of run {}", runId, e);
                }
            }
        }
    }

    /** Sends and records a message the browser shows; streamed chunks are sent only. */
    private void forward(BaseMessage message) {
        if (message instanceof UserInputRequestedEvent request) {
            input.requested(request.requestId());
            return;
        }
        if (message instanceof ModelClientStreamingChunkEvent) {
            sink.send(Frames.chunk(Frames.dump(message)));
            return;
        }
        if (!(message instanceof BaseChatMessage || message instanceof ToolCallRequestEvent
                || message instanceof ToolCallExecutionEvent)) {
            return;
        }
        JsonNode dump = Frames.dump(message);
        lock.lock();
        try {
            if (ended) {
                return;
            }
            recorder.message(dump);
            sink.send(Frames.message(dump));
        } finally {
            lock.unlock();
        }
    }

    private void complete(TaskResult result, Duration duration) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            ObjectNode teamResult = Frames.teamResult(result, duration);
            recorder.finished("complete", teamResult, null);
            sink.send(Frames.result(teamResult));
        } finally {
            lock.unlock();
        }
    }

    private void fail(String error) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            ObjectNode teamResult = Frames.stoppedResult("system", error, "An error occurred while processing this run");
            recorder.finished("error", teamResult, error);
            sink.send(Frames.completion("error", teamResult));
        } finally {
            lock.unlock();
        }
    }

    /** The team was cancelled: by a stop (already recorded), by the server closing (the run stays active), or else. */
    private void cancelled() {
        lock.lock();
        try {
            if (ended || shuttingDown) {
                ended = true;
                return;
            }
            ended = true;
            String reason = "Run cancelled";
            ObjectNode teamResult = Frames.stoppedResult("user", reason, reason);
            recorder.finished("stopped", teamResult, null);
            sink.send(Frames.completion("cancelled", teamResult));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Handles a {@code stop} frame: a run in progress is cancelled at once, recorded as
     * {@code stopped} and ended with a {@code completion} frame ({@code cancelled}).
     */
    public void stop(String reason, boolean sendCompletion) {
        CancellationToken cancel;
        lock.lock();
        try {
            if (worker == null || ended || shuttingDown) {
                return;
            }
            ended = true;
            ObjectNode teamResult = Frames.stoppedResult("user", reason, reason);
            recorder.finished("stopped", teamResult, null);
            if (sendCompletion) {
                sink.send(Frames.completion("cancelled", teamResult));
            }
            cancel = token;
        } finally {
            lock.unlock();
        }
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /**
     * Handles {@code {"type": "stop", "after_turn": true}}: the team stops once the agent speaking has
     * finished, and the run ends normally with a {@code result} frame.
     *
     * @return false if this run's team cannot stop that way
     */
    public boolean stopAfterTurn() {
        ExternalTermination stop = stopAfterTurn;
        if (stop == null) {
            return false;
        }
        stop.set();
        return true;
    }

    /** Sends a frame on this run's socket (a pong). */
    void send(ObjectNode frame) {
        sink.send(frame);
    }

    /** Closes this run's socket. */
    void closeSocket(int code, String reason) {
        sink.close(code, reason);
    }

    /** Sends an {@code error} frame; the socket stays open. */
    void sendError(String error) {
        sink.send(Frames.error(error));
    }

    /** Handles an {@code input_response} frame. */
    public void answer(String response) {
        input.answer(response);
    }

    /** The socket closed: a run in progress stops, as Python's does ("Connection closed"). */
    public void disconnected() {
        stop("Connection closed", false);
    }

    /** The server is closing: the run is cancelled but stays {@code active}, to be resumed after a restart. */
    public void shutdown() {
        CancellationToken cancel;
        lock.lock();
        try {
            shuttingDown = true;
            ended = true;
            cancel = token;
        } finally {
            lock.unlock();
        }
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /** Waits at most {@code timeout} for the run's thread to end. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        Thread thread = worker;
        if (thread != null) {
            thread.join(timeout);
        }
    }
}
