package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.RequestUsage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat message asking the conversation to stop; termination conditions return one.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record StopMessage(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        String content) implements BaseTextChatMessage {
    @JsonCreator
    public StopMessage {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = Objects.requireNonNull(content, "content");
    }

    /** A new StopMessage from {@code source}, with a fresh id and timestamp and no usage. */
    public StopMessage(String content, String source) {
        this(null, source, null, null, null, content);
    }

    /** This message with {@code usage} as its model usage. */
    public StopMessage withModelsUsage(@Nullable RequestUsage usage) {
        return new StopMessage(id, source, usage, metadata, createdAt, content);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public StopMessage withMetadata(Map<String, String> newMetadata) {
        return new StopMessage(id, source, modelsUsage, newMetadata, createdAt, content);
    }

    @Override
    public String type() {
        return "StopMessage";
    }
}
