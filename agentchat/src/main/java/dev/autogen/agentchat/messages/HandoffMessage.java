package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.RequestUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat message handing the conversation to {@code target}, with the model context it needs.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "target", "context", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record HandoffMessage(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        String content,
        String target,
        @Nullable List<LLMMessage> context) implements BaseTextChatMessage {
    @JsonCreator
    public HandoffMessage {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = Objects.requireNonNull(content, "content");
        target = Objects.requireNonNull(target, "target");
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** A new HandoffMessage from {@code source}, with a fresh id and timestamp and no usage. */
    public HandoffMessage(String content, String source, String target, List<LLMMessage> context) {
        this(null, source, null, null, null, content, target, context);
    }

    /** This message with {@code usage} as its model usage. */
    public HandoffMessage withModelsUsage(@Nullable RequestUsage usage) {
        return new HandoffMessage(id, source, usage, metadata, createdAt, content, target, context);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public HandoffMessage withMetadata(Map<String, String> newMetadata) {
        return new HandoffMessage(id, source, modelsUsage, newMetadata, createdAt, content, target, context);
    }

    @Override
    public String type() {
        return "HandoffMessage";
    }
}
