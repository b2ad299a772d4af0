package dev.autogen.core.model_context;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.models.LLMMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The saved state of a {@link ChatCompletionContext}, as Python's {@code ChatCompletionContextState}:
 * {@code {"messages": [{"content": "...", "source": "user", "type": "UserMessage"}, ...]}}.
 *
 * @param messages the full history, oldest first
 */
public record ChatCompletionContextState(List<LLMMessage> messages) {
    @JsonCreator
    public ChatCompletionContextState(@JsonProperty("messages") @Nullable List<LLMMessage> messages) {
        this.messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
