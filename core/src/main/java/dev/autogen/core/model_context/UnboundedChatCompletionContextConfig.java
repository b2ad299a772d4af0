package dev.autogen.core.model_context;

import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link UnboundedChatCompletionContext}: {@code {"initial_messages": [...]}}
 * or {@code {}}.
 *
 * @param initialMessages messages the history starts with, or {@code null} for none
 */
public record UnboundedChatCompletionContextConfig(@Nullable List<LLMMessage> initialMessages) {
    public UnboundedChatCompletionContextConfig {
        initialMessages = initialMessages == null ? null : List.copyOf(initialMessages);
    }
}
