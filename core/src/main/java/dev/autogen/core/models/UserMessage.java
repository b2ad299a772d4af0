package dev.autogen.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * Input from an end user, or any data handed to the model on someone's behalf.
 *
 * <!-- java-context: import dev.autogen.core.Image; import java.nio.file.Path; -->
 * <pre>{@code
 * new UserMessage("Describe this picture.", "user");
 * UserMessage.of("user", "Describe this picture.", Image.fromFile(Path.of("cat.png")));
 * }</pre>
 *
 * @param content text, or text mixed with images
 * @param source the name of the agent (or user) that sent it
 */
@JsonPropertyOrder({"content", "source", "type"})
public record UserMessage(UserContent content, String source) implements LLMMessage {
    @JsonCreator
    public UserMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
    }

    /** A text message. */
    public UserMessage(String text, String source) {
        this(new UserContent.Text(text), source);
    }

    /**
     * A message of several parts, each a {@link String} or a {@link dev.autogen.core.Image}.
     *
     * @throws IllegalArgumentException if a part is of another type
     */
    public static UserMessage of(String source, Object... parts) {
        return new UserMessage(new UserContent.Multi(List.of(parts)), source);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "UserMessage";
    }
}
