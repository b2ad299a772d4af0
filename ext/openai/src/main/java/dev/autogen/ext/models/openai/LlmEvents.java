package dev.autogen.ext.models.openai;

import dev.autogen.core.AgentId;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.logging.LogEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code autogen_core.logging} model-call events ({@code LLMCall}, {@code LLMStreamStart},
 * {@code LLMStreamEnd}), logged at INFO on {@code autogen_core.events} with the same JSON fields, so
 * log processors written for Python read Java's lines. Core has no model-call events yet; they
 * belong there once another client needs them.
 */
final class LlmEvents {
    private LlmEvents() {
    }

    /** One non-streamed model call: the request messages, the raw response and the usage. */
    static LogEvent call(Object messages, Object response, int promptTokens, int completionTokens) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("type", "LLMCall");
        fields.put("messages", messages);
        fields.put("response", response);
        fields.put("prompt_tokens", promptTokens);
        fields.put("completion_tokens", completionTokens);
        fields.put("agent_id", agentId());
        return new Event("LLMCall", fields);
    }

    /** The first chunk of a streamed call arrived. */
    static LogEvent streamStart(Object messages) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("type", "LLMStreamStart");
        fields.put("messages", messages);
        fields.put("agent_id", agentId());
        return new Event("LLMStreamStart", fields);
    }

    /** A streamed call ended with {@code response} (the dumped CreateResult). */
    static LogEvent streamEnd(Object response, int promptTokens, int completionTokens) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("type", "LLMStreamEnd");
        fields.put("response", response);
        fields.put("prompt_tokens", promptTokens);
        fields.put("completion_tokens", completionTokens);
        fields.put("agent_id", agentId());
        return new Event("LLMStreamEnd", fields);
    }

    private static @Nullable String agentId() {
        return MessageHandlerContext.currentAgentId().map(AgentId::toString).orElse(null);
    }

    private record Event(String type, Map<String, @Nullable Object> fields) implements LogEvent {
        @Override
        public String toString() {
            return toJson();
        }
    }
}
