package dev.autogen.studio.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.tools.mcp.McpClientSession;
import dev.autogen.ext.tools.mcp.McpServerParams;
import dev.autogen.ext.tools.mcp.McpSessionException;
import dev.autogen.studio.runs.Errors;
import dev.autogen.studio.runs.FrameSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One playground socket's MCP session, as Python Studio's {@code MCPWebSocketBridge} and
 * {@code MCPClient}: opens the session on a virtual thread and sends {@code initialized}; runs each
 * {@code operation} frame on a thread of its own (operations sent before the session is open wait for
 * it) and answers {@code operation_result} or {@code operation_error}. Closing it closes the session,
 * which ends a stdio server's processes.
 */
final class McpBridge {
    private static final Logger LOG = LoggerFactory.getLogger(McpBridge.class);
    /** How many operations of one socket may wait for the server at once. */
    static final int MAX_OPERATIONS = 32;
    private static final String OPERATIONS = "list_tools, call_tool, list_resources, read_resource, list_prompts or get_prompt";

    private final String sessionId;
    private final FrameSink sink;
    private final McpSessions sessions;
    private final McpCallbacks callbacks;
    private final CompletableFuture<McpClientSession> session = new CompletableFuture<>();
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_OPERATIONS);
    private volatile boolean closed;

    McpBridge(String sessionId, FrameSink sink, McpSessions sessions) {
        this.sessionId = sessionId;
        this.sink = sink;
        this.sessions = sessions;
        this.callbacks = new McpCallbacks(sessionId, sink);
    }

    /** Opens the MCP session with {@code params} in the background. */
    void open(McpServerParams params) {
        Thread.ofVirtual().name("mcp-playground-" + sessionId).start(() -> {
            McpClientSession opened;
            try {
                opened = McpClientSession.open(params, callbacks.handlers());
            } catch (RuntimeException e) {
                LOG.info("MCP playground session {}: {}", sessionId, describe(e));
                session.completeExceptionally(e);
                sink.send(McpFrames.error("Connection error: " + describe(e)));
                sink.close(1011, "The MCP session could not start");
                return;
            }
            if (!session.complete(opened)) {
                opened.close(); // the socket closed meanwhile
                return;
            }
            JsonNode capabilities = McpFrames.json(opened.initializeResult().capabilities());
            sessions.connected(sessionId, capabilities);
            if (closed) {
                sessions.ended(sessionId);
            }
            sink.send(McpFrames.initialized(sessionId, capabilities));
        });
    }

    /** Runs an {@code operation} frame in the background. */
    void operate(JsonNode frame) {
        String operation = frame.path("operation").isTextual() ? frame.get("operation").asText() : null;
        if (!inFlight.tryAcquire()) {
            sink.send(McpFrames.operationError(name(operation), "Too many operations at once (" + MAX_OPERATIONS
                    + "); wait for their answers before sending more"));
            return;
        }
        Thread.ofVirtual().name("mcp-operation-" + sessionId).start(() -> {
            try {
                carryOut(operation, frame);
            } finally {
                inFlight.release();
            }
        });
    }

    private void carryOut(@Nullable String operation, JsonNode frame) {
        McpClientSession open;
        try {
            open = session.get();
        } catch (ExecutionException e) {
            sink.send(McpFrames.operationError(name(operation), "The MCP session did not start: "
                    + describe(e.getCause())));
            return;
        } catch (CancellationException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            sink.send(McpFrames.result(name(operation), run(open, operation, frame)));
        } catch (BadOperation e) {
            sink.send(McpFrames.operationError(name(operation), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.debug("MCP playground session {}: {} failed", sessionId, operation, e);
            sink.send(McpFrames.operationError(name(operation), subject(operation, frame) + describe(e)));
        }
    }

    /**
     * A failure for people: an MCP session error's own message (it names the server and already holds
     * its causes), else the cause chain, without the names of exception classes; a refused or dropped
     * connection says so.
     */
    static String describe(Throwable e) {
        String text = e instanceof McpSessionException ? String.valueOf(e.getMessage()) : Errors.describe(e);
        text = text.replaceAll("(?::\\s*)?\\b[A-Z]\\w*(?:Exception|Error)\\b(?=:|$)", "").strip();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
                return text + ": the connection was refused or closed; is the server running at that address?";
            }
        }
        return text;
    }

    private static String name(@Nullable String operation) {
        return operation == null || operation.isEmpty() ? "unknown" : operation;
    }

    private static JsonNode run(McpClientSession open, @Nullable String operation, JsonNode frame) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        switch (operation == null ? "" : operation) {
            case "list_tools" -> data.set("tools", list(open.listTools()));
            case "call_tool" -> {
                String tool = text(frame, "tool_name", "Tool name is required");
                data.put("tool_name", tool);
                data.set("result", McpFrames.json(open.callTool(tool, arguments(frame))));
            }
            case "list_resources" -> data.set("resources", list(open.listResources()));
            case "read_resource" -> {
                return McpFrames.json(open.readResource(text(frame, "uri", "Resource URI is required")));
            }
            case "list_prompts" -> data.set("prompts", list(open.listPrompts()));
            case "get_prompt" -> {
                return McpFrames.json(open.getPrompt(text(frame, "name", "Prompt name is required"), arguments(frame)));
            }
            default -> throw new BadOperation("Unknown operation: " + (operation == null ? "(none given)" : operation)
                    + "; use " + OPERATIONS);
        }
        return data;
    }

    /** What a failed operation was about, e.g. {@code tool 'search': }, so the error names it. */
    private static String subject(@Nullable String operation, JsonNode frame) {
        String field = switch (operation == null ? "" : operation) {
            case "call_tool" -> "tool_name";
            case "read_resource" -> "uri";
            case "get_prompt" -> "name";
            default -> null;
        };
        if (field == null) {
            return "";
        }
        String kind = field.equals("tool_name") ? "tool" : field.equals("uri") ? "resource" : "prompt";
        return kind + " '" + frame.path(field).asText() + "': ";
    }

    private static ArrayNode list(List<?> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(item -> array.add(McpFrames.json(item)));
        return array;
    }

    private static String text(JsonNode frame, String field, String missing) {
        JsonNode value = frame.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new BadOperation(missing);
        }
        return value.asText();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> arguments(JsonNode frame) {
        JsonNode arguments = frame.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return null;
        }
        if (!arguments.isObject()) {
            throw new BadOperation("arguments must be a JSON object of argument names and values");
        }
        return AutogenJson.mapper().convertValue(arguments, Map.class);
    }

    /** Sends a frame to the socket (one sender at a time, whichever thread calls). */
    void send(com.fasterxml.jackson.databind.node.ObjectNode frame) {
        sink.send(frame);
    }

    /** An {@code elicitation_response} frame; an error frame back when it answers nothing. */
    void answer(JsonNode frame) {
        String error = callbacks.answer(frame);
        if (error == null) {
            return;
        }
        sink.send(error.startsWith("Missing") ? McpFrames.error(error) : McpFrames.operationError(null, error));
    }

    /** Ends the MCP session (a stdio server's processes with it) and cancels the server's open questions. */
    void close() {
        closed = true;
        sessions.ended(sessionId);
        callbacks.cancelAll();
        if (!session.completeExceptionally(new CancellationException("the socket closed"))
                && !session.isCompletedExceptionally()) {
            session.join().close();
        }
    }

    /** Whether the MCP session is open. */
    boolean isOpen() {
        return session.isDone() && !session.isCompletedExceptionally() && session.join().isAlive();
    }

    /** An operation frame that is wrong in itself (no tool name, unknown operation). */
    private static final class BadOperation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadOperation(String message) {
            super(message, null, false, false);
        }
    }
}
