package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.FunctionCall;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message the model produced, kept in the context for the next call.
 *
 * @param content text, or the function calls the model requested
 * @param thought reasoning text from a reasoning model, or text that came beside function calls;
 *     null if none
 * @param source the name of the agent that produced it
 */
@JsonPropertyOrder({"content", "thought", "source", "type"})
public record AssistantMessage(ModelContent content, @Nullable String thought, String source) implements LLMMessage {
    @JsonCreator
    public AssistantMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
    }

    /** A text message without thought. */
    public AssistantMessage(String text, String source) {
        this(new ModelContent.Text(text), null, source);
    }

    /** A function-call message without thought. */
    public AssistantMessage(List<FunctionCall> calls, String source) {
        this(new ModelContent.FunctionCalls(calls), null, source);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "AssistantMessage";
    }
}
