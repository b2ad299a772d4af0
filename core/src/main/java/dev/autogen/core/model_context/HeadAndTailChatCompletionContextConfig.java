package dev.autogen.core.model_context;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link HeadAndTailChatCompletionContext}:
 * {@code {"head_size": 1, "tail_size": 4, "initial_messages": [...]}}.
 *
 * @param headSize how many of the first messages the view holds; required
 * @param tailSize how many of the latest messages the view holds; required
 * @param initialMessages messages the history starts with, or {@code null} for none
 */
public record HeadAndTailChatCompletionContextConfig(
        @JsonProperty(required = true) int headSize,
        @JsonProperty(required = true) int tailSize,
        @Nullable List<LLMMessage> initialMessages) {
    public HeadAndTailChatCompletionContextConfig {
        initialMessages = initialMessages == null ? null : List.copyOf(initialMessages);
    }
}
