package dev.autogen.core.model_context;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.tools.ToolSchema;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link TokenLimitedChatCompletionContext}:
 * {@code {"model_client": {...component...}, "token_limit": 4000, "tool_schema": [...],
 * "initial_messages": [...]}}.
 *
 * @param modelClient the model client's component model (provider, config, ...); required
 * @param tokenLimit the token budget, or {@code null} to use the client's remaining tokens
 * @param toolSchema tools counted with the messages, or {@code null}
 * @param initialMessages messages the history starts with, or {@code null}
 */
public record TokenLimitedChatCompletionContextConfig(
        @JsonProperty(required = true) ComponentModel modelClient,
        @Nullable Integer tokenLimit,
        @Nullable List<ToolSchema> toolSchema,
        @Nullable List<LLMMessage> initialMessages) {
    public TokenLimitedChatCompletionContextConfig {
        Objects.requireNonNull(modelClient, "modelClient");
        toolSchema = toolSchema == null ? null : List.copyOf(toolSchema);
        initialMessages = initialMessages == null ? null : List.copyOf(initialMessages);
    }
}
