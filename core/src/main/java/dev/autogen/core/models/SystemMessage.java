package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Instructions for the model from the developer. OpenAI maps the {@code system} role to
 * {@code developer} on the server side, so this type serves for developer messages too.
 *
 * @param content the instructions
 */
@JsonPropertyOrder({"content", "type"})
public record SystemMessage(String content) implements LLMMessage {
    public SystemMessage {
        Objects.requireNonNull(content, "content");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "SystemMessage";
    }
}
