package dev.autogen.studio.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.tools.mcp.McpServerParams;
import dev.autogen.ext.tools.mcp.StdioServerParams;
import dev.autogen.studio.SettingsService;
import dev.autogen.studio.runs.SocketSink;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/mcp/ws/{session_id}}: the MCP playground's socket, as Python Studio's. The id must be
 * one that {@code POST /api/mcp/ws/connect} registered and no socket has used yet (else close code
 * 4004 "Unknown or expired session"); the socket carries the Studio's token as the run socket does;
 * a stdio server starts only if the user enabled code execution. Client frames: {@code operation},
 * {@code ping}, {@code elicitation_response}; anything else gets an {@code error} frame.
 */
public final class McpSocket {
    private static final Logger LOG = LoggerFactory.getLogger(McpSocket.class);
    static final int UNAUTHORIZED = 4001;
    static final int NOT_ALLOWED = 4003;
    static final int NOT_FOUND = 4004;

    private final McpSessions sessions;
    private final SettingsService settings;
    private final Predicate<WsContext> authorized;
    private final Map<String, McpBridge> bridges = new ConcurrentHashMap<>();

    /**
     * The playground's socket.
     *
     * @param authorized whether a connection carries the server's token (always true without one)
     */
    public McpSocket(McpSessions sessions, SettingsService settings, Predicate<WsContext> authorized) {
        this.sessions = sessions;
        this.settings = settings;
        this.authorized = authorized;
    }

    /**
     * Why {@code params} may not start for {@code userId}: a stdio server is a program started on this
     * machine, which needs the user's consent to run code; empty when it may.
     */
    public Optional<String> refusal(McpServerParams params, String userId) {
        if (params instanceof StdioServerParams stdio && !settings.codeExecutionAllowed(userId)) {
            return Optional.of("A stdio MCP server is a program the Studio would start on this machine with your rights: '"
                    + stdio.commandLine() + "'. Enable code execution in the Studio's settings (allow_code_execution) "
                    + "if you trust it.");
        }
        return Optional.empty();
    }

    /** Configures the socket's handlers. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(ctx -> receive(ctx, ctx.message()));
        ws.onClose(ctx -> {
            McpBridge bridge = bridges.remove(ctx.sessionId());
            if (bridge != null) {
                bridge.close();
            }
        });
        ws.onError(ctx -> LOG.debug("MCP playground socket error", ctx.error()));
    }

    private void connect(WsContext ctx) {
        var sink = new SocketSink(ctx);
        if (!authorized.test(ctx)) {
            sink.send(McpFrames.error("Authentication failed"));
            sink.close(UNAUTHORIZED, "Authentication failed");
            return;
        }
        String id = ctx.pathParam("session_id");
        Optional<McpSessions.Pending> pending = sessions.take(id);
        if (pending.isEmpty()) {
            sink.close(NOT_FOUND, "Unknown or expired session");
            return;
        }
        Optional<String> refusal = refusal(pending.get().params(), pending.get().userId());
        if (refusal.isPresent()) {
            sink.send(McpFrames.error(refusal.get()));
            sink.close(NOT_ALLOWED, "Code execution is not enabled");
            return;
        }
        var bridge = new McpBridge(id, sink, sessions);
        bridges.put(ctx.sessionId(), bridge);
        LOG.info("MCP playground session {}: connecting to {}", id, pending.get().params().describe());
        bridge.open(pending.get().params());
    }

    private void receive(WsContext ctx, String text) {
        McpBridge bridge = bridges.get(ctx.sessionId());
        if (bridge == null) {
            return;
        }
        sessions.touch(ctx.pathParam("session_id"));
        JsonNode frame;
        try {
            frame = AutogenJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            frame = null;
        }
        if (!(frame instanceof ObjectNode object)) {
            bridge.send(McpFrames.error("Invalid message format"));
            return;
        }
        String type = object.path("type").asText("");
        switch (type) {
            case "operation" -> bridge.operate(object);
            case "ping" -> bridge.send(McpFrames.pong());
            case "elicitation_response" -> bridge.answer(object);
            default -> bridge.send(McpFrames.error("Unknown message type: " + (type.isEmpty() ? "(none given)" : type)
                    + "; send operation, ping or elicitation_response"));
        }
    }

    /** How many playground sockets have an MCP session open. */
    public int openSessions() {
        return (int) bridges.values().stream().filter(McpBridge::isOpen).count();
    }

    /** Closes every playground session (and its stdio servers) at once, waiting for them: the server stops. */
    public void shutdown() {
        List<McpBridge> all = List.copyOf(bridges.values());
        bridges.clear();
        try (var closing = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            all.forEach(bridge -> closing.execute(bridge::close));
        }
    }
}
