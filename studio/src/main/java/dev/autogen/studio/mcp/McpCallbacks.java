package dev.autogen.studio.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.tools.mcp.McpClientHandlers;
import dev.autogen.studio.runs.FrameSink;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What the playground does when the MCP server asks or announces something, as Python Studio's
 * {@code autogenstudio/mcp/callbacks.py}: notifications and log messages become {@code mcp_activity}
 * frames; an elicitation goes to the browser as {@code elicitation_request} and waits (at most
 * {@link #ELICITATION_TIMEOUT}) for its {@code elicitation_response}; a sampling request gets
 * Python's placeholder answer, announced as such, since the playground has no model.
 */
final class McpCallbacks {
    /** How long a server's question waits for the person, as in Python's Studio. */
    static final Duration ELICITATION_TIMEOUT = Duration.ofSeconds(60);
    static final String PLACEHOLDER = "[AutoGen Studio Default Sampling Response - This is a placeholder response for "
            + "AI sampling requests. In a production setup, this would be handled by your configured LLM.]";

    private final String sessionId;
    private final FrameSink sink;
    private final Map<String, CompletableFuture<McpSchema.ElicitResult>> elicitations = new ConcurrentHashMap<>();

    McpCallbacks(String sessionId, FrameSink sink) {
        this.sessionId = sessionId;
        this.sink = sink;
    }

    /** The handlers to open the MCP session with. */
    McpClientHandlers handlers() {
        return new McpClientHandlers(this::sample, this::elicit, this::notification);
    }

    private void activity(String type, String message, ObjectNode details) {
        sink.send(McpFrames.activity(sessionId, type, message, details));
    }

    private static ObjectNode details() {
        return JsonNodeFactory.instance.objectNode();
    }

    private void notification(String method, Object params) {
        ObjectNode details = details().put("method", method);
        details.set("params", McpFrames.json(params));
        activity("protocol", "MCP " + method, details.put("message_type", "ServerNotification"));
    }

    private McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest request) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode asked = details().put("request_id", requestId);
        asked.set("params", McpFrames.json(request));
        activity("sampling", "Tool requested AI sampling for " + request.messages().size() + " message(s)",
                asked.put("context", "Tool is requesting AI to generate a response"));
        var result = McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                .content(new McpSchema.TextContent(PLACEHOLDER)).model("autogen-studio-default").build();
        ObjectNode answered = details().put("request_id", requestId);
        answered.set("response", McpFrames.json(result));
        activity("sampling", "Provided default sampling response to tool",
                answered.put("note", "This is a placeholder response - configure an LLM for real sampling"));
        return result;
    }

    private McpSchema.ElicitResult elicit(McpSchema.ElicitFormRequest request) {
        String requestId = UUID.randomUUID().toString();
        JsonNode schema = McpFrames.json(request.requestedSchema());
        ObjectNode asked = details().put("request_id", requestId).put("message", request.message());
        asked.set("requestedSchema", schema);
        activity("elicitation", "Tool requesting user input: " + request.message(),
                asked.put("context", "Tool is requesting additional information from user"));
        var answer = new CompletableFuture<McpSchema.ElicitResult>();
        elicitations.put(requestId, answer);
        try {
            sink.send(McpFrames.elicitationRequest(sessionId, requestId, request.message(), schema));
            McpSchema.ElicitResult result = answer.get(ELICITATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ObjectNode answered = details().put("request_id", requestId);
            answered.set("response", McpFrames.json(result));
            activity("elicitation", "User responded to elicitation request", answered.put("status", "completed"));
            return result;
        } catch (TimeoutException e) {
            String error = "User did not respond to elicitation request within " + ELICITATION_TIMEOUT.toSeconds()
                    + " seconds";
            activity("error", "Elicitation timeout: " + error, details().put("request_id", requestId).put("error", error)
                    .put("timeout", ELICITATION_TIMEOUT.toSeconds()));
            throw new IllegalStateException(error, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the playground closed before the user answered", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the user's answer could not be read", e);
        } finally {
            elicitations.remove(requestId);
        }
    }

    /**
     * The browser's answer, {@code {"type": "elicitation_response", "request_id", "action": accept |
     * decline | cancel, "data"}}.
     *
     * @return null when handed on, else the error for the browser
     */
    @Nullable String answer(JsonNode frame) {
        String requestId = frame.path("request_id").asText("");
        if (requestId.isEmpty()) {
            return "Missing request_id in elicitation response";
        }
        CompletableFuture<McpSchema.ElicitResult> waiting = elicitations.get(requestId);
        if (waiting == null) {
            return "Unknown elicitation request_id: " + requestId;
        }
        McpSchema.ElicitResult result = switch (frame.path("action").asText("cancel")) {
            case "accept" -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, content(frame.get("data")));
            case "decline" -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
            default -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null);
        };
        waiting.complete(result);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(@Nullable JsonNode data) {
        return data == null || !data.isObject() ? Map.of() : AutogenJson.mapper().convertValue(data, Map.class);
    }

    /** Answers every waiting question with {@code cancel}: the socket closed. */
    void cancelAll() {
        elicitations.values().forEach(f -> f.complete(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null)));
    }
}
