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
 * An event: a chunk of text streamed by the model; {@code fullMessageId} is the id of the message the chunks add up to.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "full_message_id", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record ModelClientStreamingChunkEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        String content,
        @Nullable String fullMessageId) implements BaseAgentEvent {
    @JsonCreator
    public ModelClientStreamingChunkEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = Objects.requireNonNull(content, "content");
    }

    /** A new ModelClientStreamingChunkEvent from {@code source}, with a fresh id and timestamp and no usage. */
    public ModelClientStreamingChunkEvent(String content, String source, String fullMessageId) {
        this(null, source, null, null, null, content, fullMessageId);
    }

    /** This message with {@code usage} as its model usage. */
    public ModelClientStreamingChunkEvent withModelsUsage(@Nullable RequestUsage usage) {
        return new ModelClientStreamingChunkEvent(id, source, usage, metadata, createdAt, content, fullMessageId);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public ModelClientStreamingChunkEvent withMetadata(Map<String, String> newMetadata) {
        return new ModelClientStreamingChunkEvent(id, source, modelsUsage, newMetadata, createdAt, content, fullMessageId);
    }

    @Override
    public String type() {
        return "ModelClientStreamingChunkEvent";
    }

    @Override
    public String toText() {
        return content;
    }
}
