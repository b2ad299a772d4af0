package dev.autogen.studio.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.tools.mcp.McpServerParams;
import dev.autogen.studio.mcp.McpSessions;
import dev.autogen.studio.mcp.McpSocket;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/mcp}: the MCP playground's HTTP routes, as Python Studio's. {@code POST /ws/connect}
 * registers a server's parameters and answers the socket to open; {@code GET /ws/status/{id}} tells
 * whether that socket's MCP session is open. A stdio server is refused at once unless the user enabled
 * code execution.
 */
public final class McpRoutes {
    private static final Set<String> TYPES = Set.of("StdioServerParams", "SseServerParams", "StreamableHttpServerParams");

    private final McpSessions sessions;
    private final McpSocket socket;

    /** Routes over {@code sessions}, whose sockets {@code socket} serves. */
    public McpRoutes(McpSessions sessions, McpSocket socket) {
        this.sessions = sessions;
        this.socket = socket;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.post("/api/mcp/ws/connect", this::connect);
        app.get("/api/mcp/ws/status/{session_id}", this::status);
    }

    private void connect(Context ctx) {
        ObjectNode body = Api.body(ctx);
        McpServerParams params = parse(Api.required(body, "server_params"));
        String userId = body.path("user_id").isTextual() ? body.get("user_id").asText()
                : ctx.queryParam("user_id") != null ? ctx.queryParam("user_id") : AuthRoutes.DEFAULT_USER_ID;
        socket.refusal(params, userId).ifPresent(refusal -> {
            throw HttpError.of(403, refusal);
        });
        String id = sessions.register(params, userId);
        Api.json(ctx, Api.object().put("status", true).put("message", "WebSocket connection URL created")
                .put("session_id", id).put("websocket_url", "/api/mcp/ws/" + id)
                .put("timestamp", Instant.now().toString()));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("session_id");
        var active = sessions.status(id);
        if (active.isEmpty()) {
            Api.json(ctx, Api.object().put("status", false).put("message", "Session not found").put("session_id", id));
            return;
        }
        ObjectNode body = Api.object().put("status", true).put("message", "Session active").put("session_id", id)
                .put("connected", true);
        body.set("capabilities", active.get().capabilities());
        Api.json(ctx, body.put("created_at", active.get().createdAt().toString())
                .put("last_activity", active.get().lastActivity().toString()));
    }

    /** Python's server parameters JSON, told apart by {@code type}; 422 naming what is wrong. */
    static McpServerParams parse(JsonNode node) {
        List<Object> where = List.of("body", "server_params");
        if (!node.isObject()) {
            throw HttpError.invalid("model_attributes_type", where,
                    "Input should be a valid dictionary or object to extract fields from", node);
        }
        String type = node.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw HttpError.invalid("union_tag_invalid", List.of("body", "server_params", "type"),
                    "Input tag '" + type + "' found using 'type' does not match any of the expected tags: "
                            + "'StdioServerParams', 'SseServerParams', 'StreamableHttpServerParams'", node.get("type"));
        }
        try {
            return AutogenJson.mapper().treeToValue(node, McpServerParams.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : e.getOriginalMessage().replaceAll("`(?:[A-Za-z_$][\\w$]*\\.)+([\\w$]+)`", "$1");
            throw HttpError.invalid("value_error", where, type + " is not valid: " + why, node);
        } catch (IllegalArgumentException e) {
            throw HttpError.invalid("value_error", where, type + " is not valid: " + e.getMessage(), node);
        }
    }
}
