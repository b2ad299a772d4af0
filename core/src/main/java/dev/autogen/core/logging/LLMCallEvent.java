package dev.autogen.core.logging;

import dev.autogen.core.AgentId;
import dev.autogen.core.MessageHandlerContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One non-streamed model call, the counterpart of Python's {@code LLMCallEvent};
 * {@link dev.autogen.core.models.LlmEventLoggingInterceptor} logs it at INFO on
 * {@link LoggerNames#EVENT_LOGGER_NAME}. Renders as
 * <pre>{@code
 * {"type": "LLMCall", "messages": [...], "response": {...}, "prompt_tokens": 12, "completion_tokens": 3, "agent_id": null}
 * }</pre>
 *
 * @param messages the request's messages as sent to the API (JSON-like: maps, lists, {@code JsonNode}s)
 * @param response the API's raw response (JSON-like)
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens in the completion
 * @param agentId the calling agent as {@code type/key}, or null outside any agent
 */
public record LLMCallEvent(Object messages, Object response, int promptTokens, int completionTokens,
        @Nullable String agentId) implements LogEvent {
    public LLMCallEvent {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(response, "response");
    }

    /** The event for a call made by the agent whose handler is running, if any. */
    public LLMCallEvent(Object messages, Object response, int promptTokens, int completionTokens) {
        this(messages, response, promptTokens, completionTokens, currentAgentId());
    }

    @Override
    public String type() {
        return "LLMCall";
    }

    @Override
    public Map<String, @Nullable Object> fields() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("messages", messages);
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

    /** The running handler's agent as Python's {@code str(agent_id)}, or null outside any agent. */
    static @Nullable String currentAgentId() {
        return MessageHandlerContext.currentAgentId().map(AgentId::toString).orElse(null);
    }
}
