package dev.autogen.studio.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The MCP socket's server frames, with the field names of Python Studio's bridge
 * ({@code autogenstudio/mcp/wsbridge.py}), and MCP objects as JSON with the protocol's own field
 * names ({@code inputSchema}, {@code isError}, {@code mimeType}).
 */
final class McpFrames {
    private static final McpJsonMapper MCP_JSON = McpJsonDefaults.getMapper();

    private McpFrames() {
    }

    private static ObjectNode frame(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static ObjectNode stamped(ObjectNode frame) {
        return frame.put("timestamp", Instant.now().toString());
    }

    /** An MCP SDK object as JSON, as it goes over the wire. */
    static JsonNode json(@Nullable Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        try {
            return AutogenJson.mapper().readTree(MCP_JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException("an MCP object could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** The session is open: {@code {"type": "initialized", "session_id", "capabilities", "timestamp"}}. */
    static ObjectNode initialized(String sessionId, JsonNode capabilities) {
        ObjectNode frame = frame("initialized").put("session_id", sessionId);
        frame.set("capabilities", capabilities);
        return stamped(frame);
    }

    /** {@code {"type": "operation_result", "operation", "data", "timestamp"}}. */
    static ObjectNode result(String operation, JsonNode data) {
        ObjectNode frame = frame("operation_result").put("operation", operation);
        frame.set("data", data);
        return stamped(frame);
    }

    /** {@code {"type": "operation_error", "operation", "error", "timestamp"}}; no operation: none given. */
    static ObjectNode operationError(@Nullable String operation, String error) {
        ObjectNode frame = frame("operation_error");
        if (operation != null) {
            frame.put("operation", operation);
        }
        return stamped(frame.put("error", error));
    }

    /** A session-level error: {@code {"type": "error", "error", "timestamp"}}. */
    static ObjectNode error(String error) {
        return stamped(frame("error").put("error", error));
    }

    /** {@code {"type": "pong", "timestamp"}}. */
    static ObjectNode pong() {
        return stamped(frame("pong"));
    }

    /**
     * What happens in the protocol: {@code {"type": "mcp_activity", "activity_type", "message", "details",
     * "session_id", "timestamp"}}, {@code activity_type} one of {@code protocol}, {@code error},
     * {@code sampling}, {@code elicitation}.
     */
    static ObjectNode activity(String sessionId, String activityType, String message, JsonNode details) {
        ObjectNode frame = frame("mcp_activity").put("activity_type", activityType).put("message", message);
        frame.set("details", details);
        return stamped(frame.put("session_id", sessionId));
    }

    /** The server asks the user: {@code {"type": "elicitation_request", "request_id", "message", "requestedSchema", ...}}. */
    static ObjectNode elicitationRequest(String sessionId, String requestId, String message, JsonNode schema) {
        ObjectNode frame = frame("elicitation_request").put("request_id", requestId).put("message", message);
        frame.set("requestedSchema", schema);
        return stamped(frame.put("session_id", sessionId));
    }
}
