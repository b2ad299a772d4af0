package dev.autogen.core.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.autogen.core.Image;
import java.util.Objects;

/**
 * One item of a {@link ToolResult}: text or an image, as Python's {@code TextResultContent} and
 * {@code ImageResultContent}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ResultContent.Text.class, name = "TextResultContent"),
    @JsonSubTypes.Type(value = ResultContent.ImageContent.class, name = "ImageResultContent")
})
public sealed interface ResultContent permits ResultContent.Text, ResultContent.ImageContent {

    /** The Python class name written as {@code "type"}. */
    String type();

    /** Text output. */
    @JsonPropertyOrder({"type", "content"})
    record Text(String content) implements ResultContent {
        public Text {
            Objects.requireNonNull(content, "content");
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "TextResultContent";
        }
    }

    /** Image output. */
    @JsonPropertyOrder({"type", "content"})
    record ImageContent(Image content) implements ResultContent {
        public ImageContent {
            Objects.requireNonNull(content, "content");
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "ImageResultContent";
        }
    }
}
