package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The outputs of the function calls of one {@link AssistantMessage}, in call order.
 *
 * @param content one result per call
 */
@JsonPropertyOrder({"content", "type"})
public record FunctionExecutionResultMessage(List<FunctionExecutionResult> content) implements LLMMessage {
    public FunctionExecutionResultMessage {
        content = List.copyOf(content);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "FunctionExecutionResultMessage";
    }
}
