package dev.autogen.core.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A streamed model call ended, the counterpart of Python's {@code LLMStreamEndEvent}. Renders as
 * <pre>{@code
 * {"type": "LLMStreamEnd", "response": {...}, "prompt_tokens": 12, "completion_tokens": 3, "agent_id": null}
 * }</pre>
 *
 * @param response the final result, dumped as JSON-like data (Python dumps its {@code CreateResult})
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens in the completion
 * @param agentId the calling agent as {@code type/key}, or null outside any agent
 */
public record LLMStreamEndEvent(Object response, int promptTokens, int completionTokens, @Nullable String agentId)
        implements LogEvent {
    public LLMStreamEndEvent {
        Objects.requireNonNull(response, "response");
    }

    /** The event for a stream of the agent whose handler is running, if any. */
    public LLMStreamEndEvent(Object response, int promptTokens, int completionTokens) {
        this(response, promptTokens, completionTokens, LLMCallEvent.currentAgentId());
    }

    @Override
    public String type() {
        return "LLMStreamEnd";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("response", response);
        fields.put("prompt_tokens", promptTokens);
        fields.put("completion_tokens", completionTokens);
        fields.put("agent_id", agentId);
        return fields;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
