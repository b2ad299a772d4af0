package dev.autogen.core.model_context;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link BufferedChatCompletionContext}:
 * {@code {"buffer_size": 5, "initial_messages": [...]}}.
 *
 * @param bufferSize how many of the latest messages the view holds; required
 * @param initialMessages messages the history starts with, or {@code null} for none
 */
public record BufferedChatCompletionContextConfig(
        @JsonProperty(required = true) int bufferSize, @Nullable List<LLMMessage> initialMessages) {
    public BufferedChatCompletionContextConfig {
        initialMessages = initialMessages == null ? null : List.copyOf(initialMessages);
    }
}
