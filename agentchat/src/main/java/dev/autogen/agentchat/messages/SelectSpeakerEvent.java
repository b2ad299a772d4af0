package dev.autogen.agentchat.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.utils.PythonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event: a team selected these speakers for the next turn.
 */
@JsonPropertyOrder({"id", "source", "models_usage", "metadata", "created_at", "content", "type"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record SelectSpeakerEvent(String id,
        String source,
        @Nullable RequestUsage modelsUsage,
        Map<String, String> metadata,
        Instant createdAt,
        List<String> content) implements BaseAgentEvent {
    @JsonCreator
    public SelectSpeakerEvent {
        id = MessageDefaults.id(id);
        source = MessageDefaults.source(source);
        metadata = MessageDefaults.metadata(metadata);
        createdAt = MessageDefaults.createdAt(createdAt);
        content = List.copyOf(content);
    }

    /** A new SelectSpeakerEvent from {@code source}, with a fresh id and timestamp and no usage. */
    public SelectSpeakerEvent(List<String> content, String source) {
        this(null, source, null, null, null, content);
    }

    /** This message with {@code usage} as its model usage. */
    public SelectSpeakerEvent withModelsUsage(@Nullable RequestUsage usage) {
        return new SelectSpeakerEvent(id, source, usage, metadata, createdAt, content);
    }

    /** This message with {@code newMetadata} as its metadata. */
    public SelectSpeakerEvent withMetadata(Map<String, String> newMetadata) {
        return new SelectSpeakerEvent(id, source, modelsUsage, newMetadata, createdAt, content);
    }

    @Override
    public String type() {
        return "SelectSpeakerEvent";
    }

    @Override
    public String toText() {
        return PythonText.repr(content);
    }
}
