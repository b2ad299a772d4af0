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
 * An event: the model's reasoning, or text it wrote alongside tool calls.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record ThoughtEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        String content) implements BaseAgentEvent {
    @JsonCreator
    public ThoughtEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = Objects.requireNonNull(content, "content");
    }

    /** A new ThoughtEvent from {@code source}, with a fresh id and timestamp and no usage. */
    public ThoughtEvent(String content, String source) {
        this(null, source, null, null, null, content);
    }

    /** This message with {@code usage} as its model usage. */
    public ThoughtEvent withModelsUsage(@Nullable RequestUsage usage) {
        return new ThoughtEvent(id, source, usage, metadata, createdAt, content);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public ThoughtEvent withMetadata(Map<String, String> newMetadata) {
        return new ThoughtEvent(id, source, modelsUsage, newMetadata, createdAt, content);
    }

    @Override
    public String type() {
        return "ThoughtEvent";
    }

    @Override
    public String toText() {
        return content;
    }
}
