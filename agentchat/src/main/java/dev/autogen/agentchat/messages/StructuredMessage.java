package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.PythonText;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat message whose content is a Java record (or any Jackson-serializable object), e.g. the
 * structured output of an {@code AssistantAgent}. Its JSON type is {@code StructuredMessage[<SimpleName>]},
 * as Python names {@code StructuredMessage[MyModel]}; reading it back needs
 * {@link MessageFactory#registerStructured(Class)}.
 *
 * <pre>{@code
 * record Weather(String city, int degrees) {}
 * var message = new StructuredMessage<>(new Weather("Paris", 21), "agent", "{city}: {degrees} degrees");
 * message.toText(); // "Paris: 21 degrees"
 * }</pre>
 *
 * @param content the structured content
 * @param formatString (experimental) a Python-style format string over the content's JSON fields used by
 *     {@link #toText()} and {@link #toModelText()}; null renders the content as JSON
 * @param <T> the content type
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "format_string", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record StructuredMessage<T>(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        T content,
        @Nullable String formatString) implements BaseChatMessage {
    @JsonCreator
    public StructuredMessage {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        Objects.requireNonNull(content, "content");
    }

    /** A new message with a fresh id and timestamp, rendered as JSON. */
    public StructuredMessage(T content, String source) {
        this(null, source, null, null, null, content, null);
    }

    /** A new message with a fresh id and timestamp, rendered through {@code formatString}. */
    public StructuredMessage(T content, String source, @Nullable String formatString) {
        this(null, source, null, null, null, content, formatString);
    }

    /** The JSON type name for structured messages of {@code contentType}: {@code StructuredMessage[Name]}. */
    public static String typeName(Class<?> contentType) {
        return "StructuredMessage[" + contentType.getSimpleName() + "]";
    }

    /** This message with {@code usage} as its model usage. */
    public StructuredMessage<T> withModelsUsage(@Nullable RequestUsage usage) {
        return new StructuredMessage<>(id, source, usage, metadata, createdAt, content, formatString);
    }

    @Override
    public String type() {
        return typeName(content.getClass());
    }

    @Override
    public String toText() {
        return toModelText();
    }

    @Override
    public String toModelText() {
        if (formatString == null) {
            return contentJson();
        }
        Map<String, Object> fields = AutogenJson.mapper().convertValue(content, new TypeReference<Map<String, Object>>() {
        });
        return PythonText.format(formatString, fields);
    }

    @Override
    public UserMessage toModelMessage() {
        return new UserMessage(contentJson(), source);
    }

    private String contentJson() {
        try {
            return AutogenJson.mapper().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the content of a " + type() + " as JSON", e);
        }
    }
}
