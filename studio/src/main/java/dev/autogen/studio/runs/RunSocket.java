package dev.autogen.studio.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/ws/runs/{run_id}}: the WebSocket of a run. Client frames {@code start}, {@code stop}
 * (optionally {@code "after_turn": true}), {@code ping}, {@code input_response} and {@code resume};
 * server frames as {@link Frames} writes them. Keeps the live runs so that the server can end them
 * when it closes.
 */
public final class RunSocket {
    private static final Logger LOG = LoggerFactory.getLogger(RunSocket.class);
    /** Close codes of Python Studio. */
    static final int NOT_FOUND = 4004;
    static final int BAD_STATE = 4003;
    static final int UNAUTHORIZED = 4001;

    private final RunServices services;
    private final Predicate<WsContext> authorized;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

    /**
     * A socket handler for runs.
     *
     * @param authorized whether a connection carries the server's token (always true without one)
     */
    public RunSocket(RunServices services, Predicate<WsContext> authorized) {
        this.services = services;
        this.authorized = authorized;
    }

    /** The run a socket may connect to: it exists and is {@code created} or {@code active}; else why not. */
    public Optional<String> refusal(String runIdText) {
        long runId;
        try {
            runId = Long.parseLong(runIdText);
        } catch (NumberFormatException e) {
            return Optional.of("Run not found");
        }
        var run = services.store().runs.get(runId);
        if (run.isEmpty()) {
            return Optional.of("Run not found");
        }
        String status = run.get().path("status").asText();
        return status.equals("created") || status.equals("active") ? Optional.empty()
                : Optional.of("Run not in valid state");
    }

    /** Configures the socket's handlers. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(ctx -> receive(ctx, ctx.message()));
        ws.onClose(ctx -> {
            LiveRun run = live.remove(ctx.sessionId());
            if (run != null) {
                run.disconnected();
            }
        });
        ws.onError(ctx -> LOG.debug("run socket error", ctx.error()));
    }

    private void connect(WsContext ctx) {
        var sink = new SocketSink(ctx);
        String runIdText = ctx.pathParam("run_id");
        Optional<String> refusal = refusal(runIdText);
        if (refusal.isPresent()) {
            sink.close(refusal.get().equals("Run not found") ? NOT_FOUND : BAD_STATE, refusal.get());
            return;
        }
        ctx.session.setIdleTimeout(Duration.ofHours(1));
        if (!authorized.test(ctx)) {
            sink.send(Frames.error("Authentication failed"));
            sink.close(UNAUTHORIZED, "Authentication failed");
            return;
        }
        ObjectNode run = services.store().runs.get(Long.parseLong(runIdText)).orElseThrow();
        live.put(ctx.sessionId(), new LiveRun(services, run, sink));
        sink.send(Frames.system());
    }

    private void receive(WsContext ctx, String text) {
        LiveRun run = live.get(ctx.sessionId());
        if (run == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = AutogenJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            frame = null;
        }
        if (!(frame instanceof ObjectNode object)) {
            run.sendError("Invalid message format");
            return;
        }
        switch (object.path("type").asText("")) {
            case "start" -> run.start(object);
            case "resume" -> run.resume(object);
            case "ping" -> run.send(Frames.pong());
            case "input_response" -> {
                JsonNode response = object.get("response");
                if (response != null && response.isTextual()) {
                    run.answer(response.asText());
                }
            }
            case "stop" -> {
                if (object.path("after_turn").asBoolean(false)) {
                    if (!run.stopAfterTurn()) {
                        run.sendError("This run cannot stop after a turn (it has not started, or its team has no "
                                + "termination condition); send a stop without after_turn to cancel it");
                    }
                    return;
                }
                String reason = object.path("reason").asText("");
                run.stop(reason.isBlank() ? "User requested stop/cancellation" : reason, true);
                live.remove(ctx.sessionId());
                run.closeSocket(1000, "Run stopped");
            }
            default -> LOG.debug("run {}: ignoring a frame of type '{}'", run.runId(), object.path("type").asText());
        }
    }

    /**
     * Ends every live run because the server closes, waiting at most {@code timeout} in all for their
     * threads: they stay {@code active}, to be resumed.
     */
    public void shutdown(Duration timeout) {
        List<LiveRun> runs = List.copyOf(live.values());
        runs.forEach(LiveRun::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (LiveRun run : runs) {
            try {
                run.awaitEnd(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many runs have a socket open now. */
    public int liveRuns() {
        return live.size();
    }
}
