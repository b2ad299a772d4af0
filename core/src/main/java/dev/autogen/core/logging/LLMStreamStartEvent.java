package dev.autogen.core.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The first chunk of a streamed model call arrived, the counterpart of Python's
 * {@code LLMStreamStartEvent}. Renders as
 * <pre>{@code
 * {"type": "LLMStreamStart", "messages": [...], "agent_id": null}
 * }</pre>
 *
 * @param messages the request's messages as sent to the API (JSON-like)
 * @param agentId the calling agent as {@code type/key}, or null outside any agent
 */
public record LLMStreamStartEvent(Object messages, @Nullable String agentId) implements LogEvent {
    public LLMStreamStartEvent {
        Objects.requireNonNull(messages, "messages");
    }

    /** The event for a stream opened by the agent whose handler is running, if any. */
    public LLMStreamStartEvent(Object messages) {
        this(messages, LLMCallEvent.currentAgentId());
    }

    @Override
    public String type() {
        return "LLMStreamStart";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("messages", messages);
        fields.put("agent_id", agentId);
        return fields;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
