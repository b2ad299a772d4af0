package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.Image;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chat message mixing text and images. Models without vision see the images replaced by text
 * (see {@link #toModelText(String)}).
 *
 * <!-- java-context: import java.nio.file.Path; Path path; -->
 * <pre>{@code
 * var message = new MultiModalMessage(List.of("What is in this picture?", Image.fromFile(path)), "user");
 * }</pre>
 *
 * @param content strings and {@link Image}s, in order
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record MultiModalMessage(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        List<Object> content) implements BaseChatMessage {
    public MultiModalMessage {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = new UserContent.Multi(content).parts();
    }

    /** A new message from {@code source}, with a fresh id and timestamp. */
    public MultiModalMessage(List<?> content, String source) {
        this(null, source, null, null, null, List.copyOf(content));
    }

    @JsonCreator
    static MultiModalMessage fromJson(@JsonProperty("id") @Nullable String id,
            @JsonProperty("source") String source,
            @JsonProperty("models_usage") @Nullable RequestUsage modelsUsage,
            @JsonProperty("metadata") @Nullable Map<String, String> metadata,
            @JsonProperty("created_at") @Nullable Instant createdAt,
            @JsonProperty("content") List<JsonNode> content) {
        List<Object> parts = new ArrayList<>(content.size());
        for (JsonNode node : content) {
            parts.add(node.isTextual() ? node.textValue() : AutogenJson.mapper().convertValue(node, Image.class));
        }
        return new MultiModalMessage(id, source, modelsUsage, metadata, createdAt, parts);
    }

    /** This message with {@code usage} as its model usage. */
    public MultiModalMessage withModelsUsage(@Nullable RequestUsage usage) {
        return new MultiModalMessage(id, source, usage, metadata, createdAt, content);
    }

    @Override
    public String type() {
        return "MultiModalMessage";
    }

    /** Text parts joined by new lines, each image as {@code <image>}. */
    @Override
    public String toText() {
        List<String> parts = new ArrayList<>(content.size());
        for (Object part : content) {
            parts.add(part instanceof String s ? s : "<image>");
        }
        return String.join("\n", parts);
    }

    /** The text with each image as {@code " [image]"}. */
    @Override
    public String toModelText() {
        return toModelText("[image]");
    }

    /**
     * The text with each image as {@code " " + imagePlaceholder}, or as its base64 data when
     * {@code imagePlaceholder} is null.
     */
    public String toModelText(@Nullable String imagePlaceholder) {
        var text = new StringBuilder();
        for (Object part : content) {
            if (part instanceof String s) {
                text.append(s);
            } else {
                text.append(' ').append(imagePlaceholder != null ? imagePlaceholder : ((Image) part).toBase64());
            }
        }
        return text.toString();
    }

    @Override
    public UserMessage toModelMessage() {
        return new UserMessage(new UserContent.Multi(content), source);
    }
}
