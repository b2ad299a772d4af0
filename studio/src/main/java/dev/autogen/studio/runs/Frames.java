package dev.autogen.studio.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The server's WebSocket frames, as Python Studio sends them ({@code system}, {@code message},
 * {@code message_chunk}, {@code input_request}, {@code result}, {@code completion}, {@code error},
 * {@code pong}), and the {@code team_result} objects runs store.
 */
public final class Frames {
    private Frames() {
    }

    private static ObjectNode frame(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static String now() {
        return Instant.now().toString();
    }

    /** The first frame after the socket opens. */
    public static ObjectNode system() {
        return frame("system").put("status", "connected").put("timestamp", now());
    }

    /** {@code {"type": "pong", "timestamp"}}. */
    public static ObjectNode pong() {
        return frame("pong").put("timestamp", now());
    }

    /** {@code {"type": "error", "error", "timestamp"}}. */
    public static ObjectNode error(String error) {
        return frame("error").put("error", error).put("timestamp", now());
    }

    /**
     * A message of the run: {@code {"type": "message", "data": dump}}. As in Python Studio, the images of
     * a {@code MultiModalMessage} go out as {@code {"url": "data:image/png;base64,...", "alt"}}, which a
     * page can show at once; the stored message keeps AutoGen's {@code {"data": base64}}.
     */
    public static ObjectNode message(JsonNode dump) {
        ObjectNode frame = frame("message");
        frame.set("data", withImageUrls(dump));
        return frame;
    }

    private static JsonNode withImageUrls(JsonNode dump) {
        if (!dump.path("type").asText().equals("MultiModalMessage") || !dump.path("content").isArray()) {
            return dump;
        }
        ObjectNode copy = dump.deepCopy();
        ArrayNode content = copy.putArray("content");
        for (JsonNode part : dump.get("content")) {
            if (part.isObject() && part.path("data").isTextual()) {
                content.addObject().put("url", "data:image/png;base64," + part.get("data").asText()).put("alt", "Image");
            } else {
                content.add(part);
            }
        }
        return copy;
    }

    /** A piece of streamed model output: {@code {"type": "message_chunk", "data": dump}}. */
    public static ObjectNode chunk(JsonNode dump) {
        ObjectNode frame = frame("message_chunk");
        frame.set("data", dump);
        return frame;
    }

    /** A UserProxyAgent asks the person: {@code {"type": "input_request", "prompt", "data", "timestamp"}}. */
    public static ObjectNode inputRequest(String prompt) {
        ObjectNode frame = frame("input_request").put("prompt", prompt);
        frame.putObject("data").put("source", "system").put("content", prompt);
        return frame.put("timestamp", now());
    }

    /** The normal end: {@code {"type": "result", "data": teamResult, "status": "complete"}}. */
    public static ObjectNode result(JsonNode teamResult) {
        ObjectNode frame = frame("result");
        frame.set("data", teamResult);
        return frame.put("status", "complete");
    }

    /** The end after a stop ({@code cancelled}) or a failure ({@code error}). */
    public static ObjectNode completion(String status, JsonNode teamResult) {
        ObjectNode frame = frame("completion").put("status", status);
        frame.set("data", teamResult);
        return frame.put("timestamp", now());
    }

    /** A message as JSON, exactly as Python's {@code dump()} writes it. */
    public static JsonNode dump(BaseMessage message) {
        return AutogenJson.mapper().valueToTree(message.dump());
    }

    /** {@code {"task_result": {"messages", "stop_reason"}, "usage": "", "duration": seconds}}. */
    public static ObjectNode teamResult(TaskResult result, Duration duration) {
        return teamResult(result.messages(), result.stopReason(), duration.toNanos() / 1e9);
    }

    /** The team result of a run that stopped ({@code source}: who says so, {@code reason}: why). */
    public static ObjectNode stoppedResult(String source, String content, String stopReason) {
        return teamResult(List.of(new TextMessage(content, source)), stopReason, 0);
    }

    private static ObjectNode teamResult(List<? extends BaseMessage> messages, String stopReason, double seconds) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode taskResult = result.putObject("task_result");
        var list = taskResult.putArray("messages");
        messages.forEach(m -> list.add(dump(m)));
        taskResult.put("stop_reason", stopReason);
        result.put("usage", "");
        result.put("duration", seconds);
        return result;
    }
}
